// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileNotice } from '../../../components/ProfileNotice';
import { Welcome } from '../../../components/Welcome';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { getSetting, putSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

function show(ui: (db: MilestoneDatabase) => preact.JSX.Element, db = freshDatabase()) {
  render(<QueryClientProvider client={createQueryClient()}>{ui(db)}</QueryClientProvider>);
  return db;
}
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the welcome page', () => {
  it('previews the invoice header as the user types and names what is still missing', async () => {
    show((db) => <Welcome db={db} locale="en-US" />);
    const preview = within(await screen.findByRole('region', { name: 'Invoice header preview' }));
    expect(preview.getByText(/Still needed/).textContent).toBe('Still needed for a complete invoice: business name, address, and VAT ID or tax number.');
    type('Business name', 'Northwind Design Studio');
    type('Address', 'Kastanienallee 12\n10435 Berlin');
    expect(preview.getByText('Northwind Design Studio').tagName).toBe('STRONG');
    expect(preview.getByText(/Kastanienallee 12/).textContent).toBe('Kastanienallee 12\n10435 Berlin');
    expect(preview.getByText(/^INV-\d{4}-0001$/)).toBeTruthy();
    expect(preview.getByText(/Still needed/).textContent).toBe('Still needed for a complete invoice: VAT ID or tax number.');
    type('VAT ID / tax number', 'DE123456789');
    expect(preview.queryByText(/Still needed/)).toBeNull();
  });

  it('saves the profile and the defaults the options page uses', async () => {
    const db = show((db) => <Welcome db={db} locale="en-US" />);
    await screen.findByLabelText('Currency');
    type('Business name', ' Northwind ');
    type('Address', 'Berlin');
    type('VAT ID / tax number', 'DE1');
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'CHF' } });
    fireEvent.change(screen.getByLabelText('Payment terms'), { target: { value: 'Net 30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved. Your invoices are ready to issue.');
    expect(await getSetting(db, 'businessProfile')).toMatchObject({ name: 'Northwind', address: 'Berlin', taxId: 'DE1' });
    expect(await getSetting(db, 'defaults')).toMatchObject({ currency: 'CHF', terms: { kind: 'net', days: 30 }, invoiceOn: 'done' });
  });

  it('refuses a payment link that is not https beside its field, and saves nothing', async () => {
    const db = show((db) => <Welcome db={db} locale="en-US" />);
    await screen.findByLabelText('Currency');
    type('Business name', 'Northwind');
    type('Payment link (https://…, optional)', 'http://pay.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The payment link must start with https://');
    expect(screen.getByLabelText('Payment link (https://…, optional)').getAttribute('aria-describedby')).toBe(alert.id);
    expect((await getSetting(db, 'businessProfile')).name).toBe('');
  });
});

describe('the incomplete-profile notice', () => {
  it('names the missing details and links to the welcome page', async () => {
    show((db) => <ProfileNotice db={db} locale="en-US" />);
    const notice = await screen.findByRole('region', { name: 'Business profile incomplete' });
    expect(notice.textContent).toMatch(/^Your invoices need your business name, address, and VAT ID or tax number\./);
    expect(within(notice).getByRole('link', { name: 'Complete your business profile' }).getAttribute('href')).toBe('/welcome.html');
  });

  it('goes away as soon as name, address and tax ID are saved', async () => {
    const db = show((db) => <ProfileNotice db={db} locale="en-US" />);
    await screen.findByRole('region', { name: 'Business profile incomplete' });
    await putSetting(db, 'businessProfile', { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Business profile incomplete' })).toBeNull());
  });
});
