// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/Settings';
import { localDate } from '../../../lib/billing/dates';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { getSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

const year = localDate(new Date()).slice(0, 4);

async function show(prepare?: (db: MilestoneDatabase) => Promise<unknown>) {
  const db = freshDatabase();
  await prepare?.(db);
  render(<QueryClientProvider client={createQueryClient()}><SettingsForm db={db} locale="en-US" /></QueryClientProvider>);
  await screen.findByRole('form', { name: 'Settings' });
  return db;
}

const region = (name: string) => within(screen.getByRole('region', { name }));
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
/** The problem shown beside a field: the element its aria-describedby names that holds a problem. */
const problemOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-problem'))?.textContent;

describe('the settings form', () => {
  it('has one Save for every section, and saves changes to several sections at once', async () => {
    const db = await show();
    expect(screen.getAllByRole('button', { name: /save/i })).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('All changes saved.');
    fireEvent.input(region('Invoice numbers').getByLabelText('Pattern'), { target: { value: 'R-{YYYY}-{seq:3}' } });
    fireEvent.input(region('Invoice files').getByLabelText('Subfolder of your downloads folder'), { target: { value: 'Work/Invoices' } });
    fireEvent.input(region('Your business (printed on every invoice)').getByLabelText('Business name'), { target: { value: 'Northwind Studio' } });
    fireEvent.click(region('Reminders').getByLabelText('An invoice falls due'));
    expect(screen.getByRole('status').textContent).toBe('Changes not saved yet.');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(await getSetting(db, 'invoiceNumbering')).toEqual({ pattern: 'R-{YYYY}-{seq:3}', yearlyReset: true });
    expect((await getSetting(db, 'invoiceFiles')).folder).toBe('Work/Invoices');
    expect((await getSetting(db, 'businessProfile')).name).toBe('Northwind Studio');
    expect((await getSetting(db, 'reminders')).enabled).toEqual(['overdue-7', 'overdue-30', 'not-invoiced']);
  });

  it('shows a problem only once its field was left, beside it, and saves nothing while one remains', async () => {
    const db = await show();
    const pattern = region('Invoice numbers').getByLabelText('Pattern');
    fireEvent.input(pattern, { target: { value: 'INV-{seq:4}' } });
    expect(problemOf(pattern)).toBeUndefined();
    fireEvent.blur(pattern);
    expect(problemOf(pattern)).toBe('Starting again at 1 each year needs the year in the number ({YYYY} or {YY}), or each year repeats the last one’s numbers');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was saved: one field needs a change, marked above.');
    expect(await getSetting(db, 'invoiceNumbering')).toEqual({ pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
  });

  it('marks every problem on Save, touched or not, and clears one as soon as it is fixed', async () => {
    await show();
    const credit = region('Credit note numbers').getByLabelText('Pattern');
    const folder = region('Invoice files').getByLabelText('Subfolder of your downloads folder');
    fireEvent.input(credit, { target: { value: 'INV-{YYYY}-{seq:4}' } });
    fireEvent.input(folder, { target: { value: '../x' } });
    save();
    expect(problemOf(credit)).toMatch(/^Credit note numbers could repeat invoice numbers/);
    expect(problemOf(folder)).toBe('The folder cannot contain . or .. : it must stay inside your downloads folder');
    expect(problemOf(region('Invoice numbers').getByLabelText('Pattern'))).toBeUndefined();
    fireEvent.input(folder, { target: { value: 'Invoices' } });
    expect(problemOf(folder)).toBeUndefined();
  });

  it.each([
    ['/home/me', 'The folder must be inside your downloads folder: remove the leading / or drive letter'],
    ['Work\\Invoices', 'Use / between folders, not \\'],
    ['Work//Invoices', 'The folder has an empty part (two / in a row, or one at the start or end)'],
  ])('explains the downloads folder %s beside the field', async (value, message) => {
    await show();
    const folder = region('Invoice files').getByLabelText('Subfolder of your downloads folder');
    fireEvent.input(folder, { target: { value } });
    fireEvent.blur(folder);
    expect(problemOf(folder)).toBe(message);
  });

  it('gives hints as text on the page, never as tooltips', async () => {
    await show();
    expect(document.querySelectorAll('[title]')).toHaveLength(0);
    const pattern = region('Invoice numbers').getByLabelText('Pattern');
    const hint = document.getElementById(pattern.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/\{seq:4\} for a 4-digit sequence/);
  });
});

describe('the next number shown', () => {
  it('is the number issuing would take now, from the counters, and follows the pattern as it is typed', async () => {
    await show((db) => db.counters.put({ series: `invoice:${year}`, last: 41 }));
    const invoices = region('Invoice numbers');
    expect((await invoices.findByText(/^Next invoice number/)).textContent).toBe(`Next invoice number: INV-${year}-0042`);
    expect((await region('Credit note numbers').findByText(/^Next credit note number/)).textContent).toBe(`Next credit note number: CN-${year}-0001`);
    fireEvent.input(invoices.getByLabelText('Pattern'), { target: { value: 'INV{YY}-{seq:3}' } });
    expect((await invoices.findByText(`INV${year.slice(2)}-042`)).closest('p')?.textContent).toBe(`Next invoice number: INV${year.slice(2)}-042`);
  });

  it('skips a number already issued when the counter is behind, as issuing does', async () => {
    await show(async (db) => {
      await db.counters.put({ series: 'invoice:all', last: 2 });
      await db.issuedNumbers.add({ number: 'INV-0003', invoiceId: 'x' });
      await db.settings.put({ key: 'invoiceNumbering', value: { pattern: 'INV-{seq:4}', yearlyReset: false } });
    });
    expect((await region('Invoice numbers').findByText(/INV-0003/)).textContent).toBe('INV-0003 was issued before: change the pattern so new numbers differ from issued ones.');
  });
});

describe('defaults for new projects', () => {
  it('saves currency, payment terms and named tax rates with their category', async () => {
    const db = await show();
    const defaults = region('New projects start with');
    fireEvent.input(defaults.getByLabelText('Currency'), { target: { value: 'usd' } });
    fireEvent.change(defaults.getByLabelText('Payment terms'), { target: { value: 'net' } });
    fireEvent.input(defaults.getByLabelText('Days'), { target: { value: '30' } });
    fireEvent.change(defaults.getByLabelText('Prices are'), { target: { value: 'inclusive' } });
    fireEvent.input(defaults.getByLabelText('Tax 1 name'), { target: { value: 'State sales tax' } });
    fireEvent.input(defaults.getByLabelText('Tax 1 rate % (empty for none)'), { target: { value: '6.25' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(await getSetting(db, 'defaults')).toEqual({
      currency: 'USD', locale: 'en', terms: { kind: 'net', days: 30 }, invoiceOn: 'done',
      taxes: { mode: 'inclusive', rates: [{ name: 'State sales tax', basisPoints: 625, category: 'standard' }] },
    });
  });

  it('explains an unknown currency and unreadable days beside their fields', async () => {
    await show();
    const defaults = region('New projects start with');
    const currency = defaults.getByLabelText('Currency');
    fireEvent.input(currency, { target: { value: 'EU' } });
    fireEvent.blur(currency);
    expect(problemOf(currency)).toBe('Use a three-letter currency code, such as EUR, USD or GBP');
    const days = defaults.getByLabelText('Days');
    fireEvent.input(days, { target: { value: 'two weeks' } });
    fireEvent.blur(days);
    expect(problemOf(days)).toBe('Enter the number of days, from 0 to 365');
  });
});
