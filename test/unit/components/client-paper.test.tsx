// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientEditor } from '../../../components/ClientEditor';
import { saveClient } from '../../../lib/db/clients';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save client' }));

describe('client editor: how their invoices are printed', () => {
  it('saves the paper chosen for a client', async () => {
    const db = freshDatabase();
    const onDone = vi.fn();
    render(<ClientEditor db={db} onDone={onDone} />);
    type('Client name', 'Acme Retail GmbH');
    type('Locale of their invoices', 'de-DE');
    choose('Paper of their invoices', 'letter');
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.clients.toArray())[0]).toMatchObject({ locale: 'de-DE', paper: 'letter' });
  });

  it('shows the saved paper and can go back to automatic', async () => {
    const db = freshDatabase();
    const client = await saveClient(db, { name: 'Acme', email: '', address: '', taxId: '', currency: 'EUR', locale: 'en-US', paper: 'a4' });
    const onDone = vi.fn();
    render(<ClientEditor db={db} client={client} onDone={onDone} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Paper of their invoices').value).toBe('a4');
    choose('Paper of their invoices', '');
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await db.clients.get(client.id)).not.toHaveProperty('paper');
  });

  it('names a locale it cannot read and saves nothing', async () => {
    const db = freshDatabase();
    const onDone = vi.fn();
    render(<ClientEditor db={db} onDone={onDone} />);
    type('Client name', 'Acme');
    type('Locale of their invoices', 'de_DE');
    save();
    const locale = screen.getByLabelText('Locale of their invoices');
    await waitFor(() => expect(locale.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(locale.getAttribute('aria-describedby')!)?.textContent).toBe('"de_DE" is not a locale: write it like de-DE or en-US');
    expect(await db.clients.count()).toBe(0);
    expect(onDone).not.toHaveBeenCalled();
  });
});
