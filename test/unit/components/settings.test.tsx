// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InvoiceFileSettings, NumberingSettings } from '../../../components/Settings';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { getSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

function show(ui: (db: MilestoneDatabase) => preact.JSX.Element) {
  const db = freshDatabase();
  render(<QueryClientProvider client={createQueryClient()}>{ui(db)}</QueryClientProvider>);
  return db;
}

const section = (name: string) => screen.getByRole('region', { name });

describe('settings refused beside their field', () => {
  it('says beside the pattern why a yearly reset without the year is refused, and keeps the saved rule', async () => {
    const db = show((db) => <NumberingSettings db={db} />);
    const invoices = within(await screen.findByRole('region', { name: 'Invoice numbers' }));
    const pattern = await invoices.findByLabelText(/Pattern/);
    fireEvent.input(pattern, { target: { value: 'INV-{seq:4}' } });
    fireEvent.click(invoices.getByRole('button', { name: 'Save' }));
    const alert = await invoices.findByRole('alert');
    expect(alert.textContent).toBe('Starting again at 1 each year needs the year in the number ({YYYY} or {YY}), or each year repeats the last one’s numbers');
    expect(pattern.getAttribute('aria-describedby')).toBe(alert.id);
    expect(alert.previousElementSibling?.contains(pattern)).toBe(true);
    expect(await getSetting(db, 'invoiceNumbering')).toEqual({ pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
  });

  it('refuses a credit-note pattern that could repeat invoice numbers, beside its field', async () => {
    show((db) => <NumberingSettings db={db} />);
    const credits = within(await screen.findByRole('region', { name: 'Credit note numbers' }));
    fireEvent.input(await credits.findByLabelText(/Pattern/), { target: { value: 'INV-{YYYY}-{seq:4}' } });
    fireEvent.click(credits.getByRole('button', { name: 'Save' }));
    expect((await credits.findByRole('alert')).textContent).toMatch(/^Credit note numbers could repeat invoice numbers/);
    expect(within(section('Invoice numbers')).queryByRole('alert')).toBeNull();
  });

  it.each([
    ['../x', 'The folder cannot contain . or .. : it must stay inside your downloads folder'],
    ['/home/me', 'The folder must be inside your downloads folder: remove the leading / or drive letter'],
    ['Work\\Invoices', 'Use / between folders, not \\'],
    ['Work//Invoices', 'The folder has an empty part (two / in a row, or one at the start or end)'],
  ])('refuses the downloads folder %s beside the field, and keeps the saved one', async (folder, message) => {
    const db = show((db) => <InvoiceFileSettings db={db} />);
    const files = within(await screen.findByRole('region', { name: 'Invoice files' }));
    const input = await files.findByLabelText('Subfolder of your downloads folder');
    fireEvent.input(input, { target: { value: folder } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    const alert = await files.findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect((await getSetting(db, 'invoiceFiles')).folder).toBe('Invoices');
  });

  it('saves a nested folder', async () => {
    const db = show((db) => <InvoiceFileSettings db={db} />);
    const files = within(await screen.findByRole('region', { name: 'Invoice files' }));
    fireEvent.input(await files.findByLabelText('Subfolder of your downloads folder'), { target: { value: 'Work/Invoices 2026' } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    expect((await files.findByRole('status')).textContent).toBe('Saved.');
    expect((await getSetting(db, 'invoiceFiles')).folder).toBe('Work/Invoices 2026');
  });
});
