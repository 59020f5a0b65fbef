// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvoiceList } from '../../../components/InvoiceList';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { issueCreditNote, issueInvoice, issuePartialCreditNote } from '../../../lib/db/invoices';
import { recordPayment } from '../../../lib/db/payments';
import { request } from '../../../lib/messaging/client';
import { createQueryClient } from '../../../lib/ui/queries';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);
const invoiceRule = { pattern: 'INV-{YYYY}-{seq:3}', yearlyReset: true };
const creditRule = { pattern: 'CN-{YYYY}-{seq:3}', yearlyReset: true };

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: null });
});
afterEach(cleanup);

/** One invoice of 396.00 (330.00 + 20 % VAT), with what the test does to it before the list is shown. */
async function listed(before: (db: ReturnType<typeof freshDatabase>, invoiceId: string) => Promise<unknown> = async () => {}) {
  const db = freshDatabase();
  const { client, project, milestones } = await clientAndProject(db);
  const draft = milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: '2026-11-20', supplyDate: '2026-11-20' });
  const { invoice } = await issueInvoice(db, draft, invoiceRule);
  await before(db, invoice.id);
  render(<QueryClientProvider client={createQueryClient()}><InvoiceList db={db} locale="de-DE" today="2026-11-24" /></QueryClientProvider>);
  const row = await screen.findByRole('button', { name: /^INV-2026-001/ });
  fireEvent.click(row);
  return { actions: within(document.getElementById(row.getAttribute('aria-controls')!)!), invoiceId: invoice.id, db };
}
const spaced = (text: string | null) => text!.replace(/[\u00a0\u202f]/g, ' ');

describe('correcting an invoice from its row', () => {
  it('credits part of it: the amount in the user’s locale, at most what is still creditable, with a reason', async () => {
    const { actions, invoiceId } = await listed((db, id) => issuePartialCreditNote(db, id, { amount: 6_000, reason: 'Late' }, creditRule, '2026-11-21'));
    expect(spaced(screen.getByRole('button', { name: /^INV-2026-001/ }).textContent)).toMatch(/60,00 € credited · 336,00 € due/);
    fireEvent.click(actions.getByRole('button', { name: 'Credit part of this invoice' }));
    const form = within(actions.getByRole('form', { name: 'Credit part of INV-2026-001' }));
    expect(spaced(form.getByLabelText(/Amount to credit/).closest('label')!.textContent)).toContain('at most 336,00 €');
    fireEvent.input(form.getByLabelText(/Amount to credit/), { target: { value: '336,01' } });
    fireEvent.click(form.getByRole('button', { name: 'Issue credit note' }));
    expect(spaced(form.getByRole('alert').textContent)).toBe('The credit is more than the 336,00 € not yet credited');
    fireEvent.input(form.getByLabelText(/Amount to credit/), { target: { value: 'zwei' } });
    fireEvent.click(form.getByRole('button', { name: 'Issue credit note' }));
    expect(form.getByRole('alert')).toBeTruthy();
    fireEvent.input(form.getByLabelText(/Amount to credit/), { target: { value: '96,00' } });
    fireEvent.click(form.getByRole('button', { name: 'Issue credit note' }));
    expect(form.getByRole('alert').textContent).toBe('Say why the invoice is credited: the credit note states the reason');
    expect(sent).not.toHaveBeenCalled();
    fireEvent.input(form.getByLabelText(/Reason/), { target: { value: 'Two pages dropped' } });
    fireEvent.click(form.getByRole('button', { name: 'Issue credit note' }));
    await waitFor(() => expect(spaced(actions.getByRole('status').textContent)).toBe('Credit note for 96,00 € of INV-2026-001 issued.'));
    expect(sent.mock.calls).toEqual([['invoice.credit', { invoiceId, amount: 9_600, reason: 'Two pages dropped' }]]);
  });

  it('records the refund of a voided invoice’s payment, pre-filled with what is left of it', async () => {
    let paymentId = '';
    const { actions } = await listed(async (db, id) => {
      paymentId = (await recordPayment(db, { invoiceId: id, amount: 10_000, date: '2026-11-21', method: 'Bank', note: '' })).id;
      await issueCreditNote(db, id, creditRule, '2026-11-22');
    });
    expect(actions.queryByRole('button', { name: 'Credit part of this invoice' })).toBeNull();
    fireEvent.click(await actions.findByRole('button', { name: 'Record a refund' }));
    const form = within(actions.getByRole('form', { name: 'Record a refund' }));
    expect(spaced(form.getByRole('combobox', { name: 'Payment refunded' }).textContent)).toBe('100,00 € received 2026-11-21 (Bank), 100,00 € refundable');
    expect((form.getByLabelText('Amount paid back') as HTMLInputElement).value).toBe('100,00');
    fireEvent.input(form.getByLabelText('Amount paid back'), { target: { value: '100,01' } });
    fireEvent.click(form.getByRole('button', { name: 'Record refund' }));
    expect(spaced(form.getByRole('alert').textContent)).toBe('The refund is more than the 100,00 € left to refund of this payment');
    fireEvent.input(form.getByLabelText('Amount paid back'), { target: { value: '100' } });
    fireEvent.click(form.getByRole('button', { name: 'Record refund' }));
    await waitFor(() => expect(spaced(actions.getByRole('status').textContent)).toBe('Refund of 100,00 € on INV-2026-001 recorded.'));
    expect(sent.mock.calls).toEqual([['invoice.refund', { paymentId, amount: 10_000, date: expect.any(String), note: '' }]]);
  });
});
