// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvoiceList } from '../../../components/InvoiceList';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { saveClient } from '../../../lib/db/clients';
import type { MilestoneDatabase } from '../../../lib/db/database';
import type { Client, Milestone, Project } from '../../../lib/db/entities';
import { attachInvoiceFile, issueCreditNote, issueInvoice } from '../../../lib/db/invoices';
import { recordPayment } from '../../../lib/db/payments';
import { createProject } from '../../../lib/db/projects';
import { request } from '../../../lib/messaging/client';
import { createQueryClient } from '../../../lib/ui/queries';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);
const today = '2026-11-24';
const invoiceRule = { pattern: 'INV-{YYYY}-{seq:3}', yearlyReset: true };
const creditRule = { pattern: 'CN-{YYYY}-{seq:3}', yearlyReset: true };

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: null });
});
afterEach(cleanup);

async function issue(db: MilestoneDatabase, client: Client, project: Project, milestone: Milestone, issueDate: string) {
  const draft = milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone, issueDate, supplyDate: issueDate });
  return (await issueInvoice(db, draft, invoiceRule)).invoice;
}

/**
 * Acme (EUR): INV-2026-001 of 1 Oct, overdue; INV-2026-002 of 20 Nov, paid in full.
 * Beta Labs (USD): INV-2026-003 of 22 Nov, voided by CN-2026-001 of 23 Nov.
 */
async function ledger() {
  const db = freshDatabase();
  const acme = await clientAndProject(db);
  await issue(db, acme.client, acme.project, acme.milestones[0]!, '2026-10-01');
  const paid = await issue(db, acme.client, acme.project, acme.milestones[1]!, '2026-11-20');
  await recordPayment(db, { invoiceId: paid.id, amount: paid.gross, date: '2026-11-21', method: 'Bank transfer', note: '' });
  const beta = await saveClient(db, { name: 'Beta Labs Inc.', email: '', address: 'Boston', taxId: 'US9', currency: 'USD', locale: 'en-US' });
  const usd = await createProject(db, { ...acme.project, clientId: beta.id, name: 'App', currency: 'USD', milestones: [{ title: 'All', share: { kind: 'percent', basisPoints: 10_000 } }] });
  const voided = await issue(db, beta, usd.project, usd.milestones[0]!, '2026-11-22');
  await issueCreditNote(db, voided.id, creditRule, '2026-11-23');
  return db;
}

function show(db: MilestoneDatabase, locale = 'en-US') {
  render(<QueryClientProvider client={createQueryClient()}><InvoiceList db={db} locale={locale} today={today} /></QueryClientProvider>);
}

/** The document numbers the list shows, top to bottom. */
const numbers = () => screen.queryAllByRole('listitem').map((row) => row.querySelector('strong')!.textContent);
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const search = (text: string) => fireEvent.input(screen.getByRole('searchbox', { name: 'Search invoices by number or client' }), { target: { value: text } });

describe('the invoice list', () => {
  it('says where invoices come from while there are none', async () => {
    show(freshDatabase());
    expect((await screen.findByText(/^No invoices yet/)).textContent).toBe('No invoices yet: they appear here when a linked card reaches Done.');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('lists every invoice and credit note, newest first, with its state and signed amount', async () => {
    show(await ledger());
    await screen.findByRole('searchbox');
    expect(numbers()).toEqual(['CN-2026-001', 'INV-2026-003', 'INV-2026-002', 'INV-2026-001']);
    const row = (number: string) => screen.getByRole('button', { name: new RegExp(`^${number}`) }).textContent;
    expect(row('CN-2026-001')).toMatch(/^CN-2026-001-\$1,199\.99Beta Labs Inc\.Credit note/);
    expect(row('INV-2026-003')).toMatch(/Void/);
    expect(row('INV-2026-002')).toMatch(/Paid/);
    expect(row('INV-2026-001')).toMatch(/€396\.00Acme Retail GmbH40 days overdue.*€396\.00 due Oct 15, 2026/);
    expect(screen.getByRole('status').textContent).toBe('4 documents');
  });

  it.each([
    ['State', 'overdue', ['INV-2026-001']],
    ['State', 'credit-note', ['CN-2026-001']],
    ['Client', 'Beta Labs Inc.', ['CN-2026-001', 'INV-2026-003']],
    ['Currency', 'EUR', ['INV-2026-002', 'INV-2026-001']],
    ['Period', 'last-month', ['INV-2026-001']],
    ['Period', 'last-year', []],
  ])('filters by %s = %s', async (label, value, expected) => {
    show(await ledger());
    await screen.findByRole('searchbox');
    choose(label, value);
    expect(numbers()).toEqual(expected);
  });

  it('combines filters and says how many of all documents show', async () => {
    show(await ledger());
    await screen.findByRole('searchbox');
    choose('Client', 'Acme Retail GmbH');
    choose('State', 'paid');
    expect(numbers()).toEqual(['INV-2026-002']);
    expect(screen.getByRole('status').textContent).toBe('1 of 4 documents');
  });

  it('searches by number and by client, ignoring case, and offers to clear filters when nothing matches', async () => {
    show(await ledger());
    await screen.findByRole('searchbox');
    search('2026-002');
    expect(numbers()).toEqual(['INV-2026-002']);
    search('BETA');
    expect(numbers()).toEqual(['CN-2026-001', 'INV-2026-003']);
    search('nobody');
    expect(numbers()).toEqual([]);
    expect(screen.getByText('No invoice matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(numbers()).toHaveLength(4);
  });

  it('offers a PDF for a voided invoice and a credit note, and no payment or reminder for them', async () => {
    show(await ledger());
    for (const number of ['CN-2026-001', 'INV-2026-003']) {
      fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^${number}`) }));
    }
    const actions = screen.getAllByRole('button', { name: 'Download PDF' });
    expect(actions).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Record payment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy reminder' })).toBeNull();
    fireEvent.click(actions[0]!);
    await waitFor(() => expect(screen.getByText('CN-2026-001 downloaded.')).toBeTruthy());
    expect(sent).toHaveBeenCalledWith('invoice.download', { invoiceId: expect.any(String) });
  });

  it('records a payment from a row, the open balance pre-filled', async () => {
    show(await ledger());
    const row = await screen.findByRole('button', { name: /^INV-2026-001/ });
    fireEvent.click(row);
    expect(row.getAttribute('aria-expanded')).toBe('true');
    const actions = within(document.getElementById(row.getAttribute('aria-controls')!)!);
    fireEvent.click(actions.getByRole('button', { name: 'Record payment' }));
    expect((actions.getByLabelText(/Amount received/) as HTMLInputElement).value).toBe('396.00');
    fireEvent.click(actions.getByRole('button', { name: 'Record payment' }));
    await waitFor(() => expect(actions.getByRole('status').textContent).toBe('Payment on INV-2026-001 recorded.'));
    expect(sent.mock.calls).toEqual([['invoice.payment', { invoiceId: expect.any(String), amount: 39_600, date: expect.any(String), method: 'Bank transfer', note: '' }]]);
  });

  it('copies a reminder naming the invoice, the balance, how late it is and the late-payment terms', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const db = await ledger();
    const acme = (await db.projects.filter((project) => project.name === 'Website').first())!;
    await db.projects.update(acme.id, { latePayment: { kind: 'flat-fee', amount: 4_000 } });
    show(db);
    fireEvent.click(await screen.findByRole('button', { name: /^INV-2026-001/ }));
    const copy = screen.getByRole('button', { name: 'Copy reminder' });
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(copy);
    await screen.findByText('Reminder for INV-2026-001 copied.');
    const text = writeText.mock.calls[0]![0] as string;
    // In the client's language (de-DE), as the invoice itself.
    expect(text).toContain('dass die Rechnung INV-2026-001 über 396,00\u00a0€ am 15.10.2026 fällig war (vor 40 Tagen).');
    expect(text).toContain('Zahlungsverzug: eine Gebühr von 40,00\u00a0€, sobald eine Rechnung überfällig ist.');
  });

  it('opens a stored PDF in a new tab, and offers only the download while none is stored', async () => {
    const db = await ledger();
    const stored = (await db.invoices.filter((invoice) => invoice.number === 'INV-2026-001').first())!;
    await attachInvoiceFile(db, stored.id, new Uint8Array([...'%PDF-1.7'].map((char) => char.charCodeAt(0))), 'INV-2026-001.pdf');
    const createObjectURL = vi.fn((_: Blob) => 'blob:chrome-extension://test/pdf');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    show(db);
    fireEvent.click(await screen.findByRole('button', { name: /^INV-2026-002/ }));
    fireEvent.click(screen.getByRole('button', { name: /^INV-2026-001/ }));
    await screen.findByRole('button', { name: 'Open PDF' });
    expect(screen.getAllByRole('button', { name: 'Download PDF' })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Open PDF' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Open PDF' }));
    expect(open).toHaveBeenCalledWith('blob:chrome-extension://test/pdf', '_blank');
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(8);
  });

  it('draws fifty rows at a time and shows more on request', async () => {
    const db = freshDatabase();
    const { client, project, milestones } = await clientAndProject(db);
    const { milestoneId: _, ...draft } = milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: today, supplyDate: today });
    for (let i = 0; i < 51; i++) await issueInvoice(db, draft, invoiceRule);
    show(db);
    await screen.findByRole('searchbox');
    expect(numbers()).toHaveLength(50);
    expect(numbers()[0]).toBe('INV-2026-051');
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more' }));
    expect(numbers()).toHaveLength(51);
    expect(numbers().at(-1)).toBe('INV-2026-001');
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });
});
