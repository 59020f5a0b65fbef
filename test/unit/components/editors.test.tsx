// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientEditor } from '../../../components/ClientEditor';
import { QueryClientProvider } from '@tanstack/preact-query';
import { NewProjectEditor, ProjectEditor } from '../../../components/ProjectEditor';
import { saveClient } from '../../../lib/db/clients';
import { putSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';

afterEach(cleanup);
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function withClient() {
  const db = freshDatabase();
  const client = await saveClient(db, { name: 'Acme', email: '', address: '', taxId: '', currency: 'EUR', locale: 'en' });
  return { db, client };
}

describe('client editor', () => {
  const fieldProblems = () => [...document.querySelectorAll('.field-problem')].map((p) => p.textContent);

  it('shows no problem on a fresh form, then each in plain words beside its field once left', async () => {
    const db = freshDatabase();
    render(<ClientEditor db={db} onDone={vi.fn()} />);
    expect(fieldProblems()).toEqual([]);
    fireEvent.blur(screen.getByLabelText('Client name'));
    expect(fieldProblems()).toEqual(['Give the client a name']);
    const name = screen.getByLabelText('Client name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('Give the client a name');
    type('Client name', 'Acme');
    expect(fieldProblems()).toEqual([]);
    type('Email', 'not-an-email');
    expect(fieldProblems()).toEqual([]);
    fireEvent.blur(screen.getByLabelText('Email'));
    expect(fieldProblems()).toEqual(['Write the email address like name@example.com']);
  });

  it('shows every problem on Save and saves nothing', async () => {
    const db = freshDatabase();
    const onDone = vi.fn();
    render(<ClientEditor db={db} onDone={onDone} />);
    type(/Currency/, 'EURO');
    type('Locale of their invoices', 'Deutsch (DE)');
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(fieldProblems()).toEqual(['Give the client a name', 'Use a three-letter currency code, such as EUR or USD', '"Deutsch (DE)" is not a locale: write it like de-DE or en-US']));
    expect(await db.clients.count()).toBe(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('saves a valid client', async () => {
    const db = freshDatabase();
    const onDone = vi.fn();
    render(<ClientEditor db={db} onDone={onDone} />);
    type('Client name', 'Acme Retail GmbH');
    type(/Currency/, 'jpy');
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.clients.toArray())[0]).toMatchObject({ name: 'Acme Retail GmbH', currency: 'JPY' });
  });
});

describe('project editor', () => {
  const problems = () => [...document.querySelectorAll('.field-problem')].flatMap((p) => p.textContent!.split('\n'));

  it('previews the exact amounts of a valid schedule as you type', async () => {
    const { db, client } = await withClient();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={vi.fn()} />);
    type('Project name', 'Website');
    type('Contract total (net)', '999.99');
    type('Milestone 1 percent', '33');
    type('Milestone 2 percent', '33');
    type('Milestone 3 percent', '34');
    expect(problems()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Bills 33 % = €330.00 · 33 % = €330.00 · 34 % = €339.99');
  });

  it.each([
    ['a non-numeric total', { total: 'twelve' }, '"twelve" is not an amount: write it like 1,234.56'],
    ['a 99 % schedule', { total: '1000', m3: '29' }, 'The percentages add up to 99 %, not 100 %'],
    ['a negative milestone', { total: '1000', m2: '-40' }, 'Milestone 2: "-40" is not a percentage: write it like 33.5'],
    ['an empty project name', { total: '1000', name: '' }, 'Give the project a name'],
    ['an empty milestone title', { total: '1000', title1: ' ' }, 'Milestone 1 needs a title'],
    ['a negative total', { total: '-1000' }, 'The amount cannot be negative'],
  ])('refuses %s with a clear message and saves nothing', async (_, input, message) => {
    const { db, client } = await withClient();
    const before = await snapshot(db);
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={onDone} />);
    type('Project name', 'name' in input ? input.name! : 'Website');
    type('Contract total (net)', input.total);
    if ('m2' in input) type('Milestone 2 percent', input.m2!);
    if ('m3' in input) type('Milestone 3 percent', input.m3!);
    if ('title1' in input) type('Milestone 1 title', input.title1!);
    // Nothing is shown while typing; Save shows every problem beside its field.
    expect(problems()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Fix the fields marked above; nothing was saved.');
    expect(problems()).toContain(message);
    expect(await snapshot(db)).toEqual(before);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('creates the project with fixed amounts that add up', async () => {
    const { db, client } = await withClient();
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={onDone} />);
    type('Project name', 'Logo');
    type('Contract total (net)', '1,500');
    fireEvent.change(screen.getByLabelText('Amounts as'), { target: { value: 'fixed' } });
    type('Milestone 1 amount', '500');
    type('Milestone 2 amount', '500');
    type('Milestone 3 amount', '500');
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.milestones.toArray()).map((m) => m.amount).sort()).toEqual([50_000, 50_000, 50_000]);
  });
});

describe('project editor problems once a field is left', () => {
  it('shows none on a fresh form, and each beside its field once left', async () => {
    const { db, client } = await withClient();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={vi.fn()} />);
    expect(document.querySelectorAll('.field-problem')).toHaveLength(0);
    fireEvent.blur(screen.getByLabelText('Project name'));
    expect([...document.querySelectorAll('.field-problem')].map((p) => p.textContent)).toEqual(['Give the project a name']);
    type('Contract total (net)', 'lots');
    fireEvent.blur(screen.getByLabelText('Contract total (net)'));
    const total = screen.getByLabelText('Contract total (net)');
    expect(document.getElementById(total.getAttribute('aria-describedby')!)?.textContent).toBe('"lots" is not an amount: write it like 1,234.56');
    type('Milestone 3 percent', '20');
    expect(screen.queryByText(/add up to/)).toBeNull();
    fireEvent.blur(screen.getByLabelText('Milestone 3 percent'));
    type('Contract total (net)', '1000');
    expect(screen.getByText('The percentages add up to 90 %, not 100 %')).toBeTruthy();
  });
});

describe('a new project starts from the defaults in the options', () => {
  it('pre-fills terms, taxes and when to invoice, and creates the project with them', async () => {
    const { db, client } = await withClient();
    await putSetting(db, 'defaults', {
      currency: 'EUR', locale: 'en', terms: { kind: 'net', days: 30 }, invoiceOn: 'acceptance',
      taxes: { mode: 'inclusive', rates: [{ name: 'MwSt', basisPoints: 1900, category: 'standard' }, { name: 'MwSt ermäßigt', basisPoints: 700, category: 'reduced' }] },
    });
    const onDone = vi.fn();
    render(<QueryClientProvider client={createQueryClient()}><NewProjectEditor db={db} clients={[client]} locale="en-US" onDone={onDone} /></QueryClientProvider>);
    expect((await screen.findByLabelText<HTMLSelectElement>('Payment terms')).value).toBe('net-30');
    expect(screen.getByLabelText<HTMLSelectElement>('Prices are').value).toBe('inclusive');
    expect(screen.getByLabelText<HTMLSelectElement>('When a card reaches Done').value).toBe('acceptance');
    expect(screen.getByLabelText<HTMLInputElement>('Tax 2 name').value).toBe('MwSt ermäßigt');
    type('Project name', 'Shop');
    type('Contract total (tax included)', '1000');
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.projects.toArray())[0]).toMatchObject({
      terms: { kind: 'net', days: 30 }, invoiceOn: 'acceptance',
      taxes: { mode: 'inclusive', reverseCharge: false, rates: [{ name: 'MwSt', basisPoints: 1900, category: 'standard' }, { name: 'MwSt ermäßigt', basisPoints: 700, category: 'reduced' }] },
    });
  });

  it('offers default terms that are not in the list as they are', async () => {
    const { db, client } = await withClient();
    await putSetting(db, 'defaults', { currency: 'EUR', locale: 'en', terms: { kind: 'net', days: 21 }, invoiceOn: 'done', taxes: { mode: 'exclusive', rates: [] } });
    render(<QueryClientProvider client={createQueryClient()}><NewProjectEditor db={db} clients={[client]} locale="en-US" onDone={vi.fn()} /></QueryClientProvider>);
    const terms = await screen.findByLabelText<HTMLSelectElement>('Payment terms');
    expect(terms.selectedOptions[0]?.textContent).toMatch(/21/);
  });
});

describe('editing a project', () => {
  it('prefills every field as the locale writes it, and saves a new total', async () => {
    const db = freshDatabase();
    const made = await clientAndProject(db);
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[made.client]} locale="de-DE" editing={made} onDone={onDone} />);
    expect((screen.getByLabelText('Contract total (net)') as HTMLInputElement).value).toBe('999,99');
    expect((screen.getByLabelText('Milestone 3 percent') as HTMLInputElement).value).toBe('34');
    expect((screen.getByLabelText('Tax 1 rate % (empty for none)') as HTMLInputElement).value).toBe('20');
    type('Contract total (net)', '2000');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.projects.get(made.project.id))?.total).toBe(200_000);
  });

  it('says why an invoiced schedule cannot change, and saves nothing', async () => {
    const db = freshDatabase();
    const made = await clientAndProject(db);
    await db.milestones.update(made.milestones[0]!.id, { state: 'invoiced' });
    const before = await snapshot(db);
    render(<ProjectEditor db={db} clients={[made.client]} locale="en-US" editing={made} onDone={vi.fn()} />);
    type('Contract total (net)', '2000');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/already accepted or invoiced/);
    expect(await snapshot(db)).toEqual(before);
  });
});
