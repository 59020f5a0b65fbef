import { describe, expect, it } from 'vitest';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { attachInvoiceFile, EarlierDateError, invoiceFile, issueCreditNote, issueInvoice, sha256Hex } from '../../../lib/db/invoices';
import { advanceMilestone } from '../../../lib/db/milestones';
import { recordPayment } from '../../../lib/db/payments';
import { getSetting, putSetting } from '../../../lib/db/settings';
import type { MilestoneDatabase } from '../../../lib/db/database';
import type { Milestone } from '../../../lib/db/entities';
import { clientAndProject, freshDatabase, snapshot } from './helpers';

const rule = { pattern: 'INV-{YYYY}-{seq:3}', yearlyReset: true };

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  const draftFor = (milestone: Milestone, issueDate = '2026-11-24') =>
    milestoneInvoiceDraft({ seller: made.client, buyer: made.client, project: made.project, milestone, issueDate, supplyDate: issueDate });
  return { db, ...made, draftFor };
}

async function plainInvoice(db: MilestoneDatabase, draft: ReturnType<Awaited<ReturnType<typeof setup>>['draftFor']>, date: string, numbering = rule) {
  const { milestoneId: _, ...rest } = draft;
  return (await issueInvoice(db, { ...rest, issueDate: date, supplyDate: date, dueDate: date }, numbering)).invoice;
}

describe('issuing invoices', () => {
  it('numbers invoices from the pattern and freezes the milestone as invoiced', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    expect(invoice).toMatchObject({ number: 'INV-2026-001', series: 'invoice:2026', sequence: 1, net: 33_000, tax: 6_600, gross: 39_600, dueDate: '2026-12-08' });
    expect(await db.milestones.get(milestones[0]!.id)).toMatchObject({ state: 'invoiced', invoiceId: invoice.id });
  });

  it('returns the existing invoice when a milestone is invoiced twice', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice: first } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    const again = await issueInvoice(db, draftFor(milestones[0]!), rule);
    expect(again).toEqual({ invoice: first, created: false });
    expect(await db.invoices.count()).toBe(1);
    expect(await db.counters.get('invoice:2026')).toEqual({ series: 'invoice:2026', last: 1 });
  });

  it('gives 100 concurrent issues 100 consecutive numbers with no gap or repeat', async () => {
    const { db, milestones, draftFor } = await setup();
    const draft = draftFor(milestones[0]!);
    const issued = await Promise.all(Array.from({ length: 100 }, () => plainInvoice(db, draft, '2026-11-24')));
    const sequences = issued.map((invoice) => invoice.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(issued.map((invoice) => invoice.number)).size).toBe(100);
  });

  it('restarts the sequence each year with a yearly reset', async () => {
    const { db, milestones, draftFor } = await setup();
    const draft = draftFor(milestones[0]!);
    await plainInvoice(db, draft, '2026-12-31');
    await plainInvoice(db, draft, '2026-12-31');
    expect((await plainInvoice(db, draft, '2027-01-01')).number).toBe('INV-2027-001');
  });

  it('keeps credit notes in their own series', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    const { milestoneId: _, ...draft } = draftFor(milestones[0]!);
    const { invoice: credit } = await issueInvoice(db, { ...draft, kind: 'credit-note', creditsInvoiceId: invoice.id }, { pattern: 'CN-{seq}', yearlyReset: false });
    expect(credit).toMatchObject({ number: 'CN-1', series: 'credit-note:all' });
  });

  it('refuses an invoice the lifecycle forbids and changes nothing', async () => {
    const { db, milestones, draftFor } = await setup();
    await db.milestones.update(milestones[1]!.id, { state: 'void' });
    const before = await snapshot(db);
    await expect(issueInvoice(db, draftFor(milestones[1]!), rule)).rejects.toThrow('Cannot mark it invoiced: A void milestone is final');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('an invoice number is never issued twice', () => {
  it('continues from the highest number issued when the yearly reset is switched off mid-year, and back on', async () => {
    const { db, milestones, draftFor } = await setup();
    const draft = draftFor(milestones[0]!);
    const yearly = { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true };
    const running = { ...yearly, yearlyReset: false };
    await plainInvoice(db, draft, '2026-03-01', yearly);
    await plainInvoice(db, draft, '2026-04-01', yearly);
    expect((await plainInvoice(db, draft, '2026-05-01', running)).number).toBe('INV-2026-0003');
    expect((await plainInvoice(db, draft, '2026-06-01', yearly)).number).toBe('INV-2026-0004');
    expect((await plainInvoice(db, draft, '2027-01-04', yearly)).number).toBe('INV-2027-0001');
    const numbers = (await db.invoices.toArray()).map((invoice) => invoice.number);
    expect(new Set(numbers).size).toBe(5);
  });

  it('refuses a yearly reset whose pattern has no year, with a plain message, and issues nothing', async () => {
    const { db, milestones, draftFor } = await setup();
    const before = await snapshot(db);
    await expect(plainInvoice(db, draftFor(milestones[0]!), '2026-03-01', { pattern: 'INV-{seq:4}', yearlyReset: true }))
      .rejects.toThrow('Invoice numbering: Starting again at 1 each year needs the year in the number');
    expect(await snapshot(db)).toEqual(before);
  });

  it('never repeats a number when the counters are missing or low (a restored backup)', async () => {
    const { db, milestones, draftFor } = await setup();
    const draft = draftFor(milestones[0]!);
    await plainInvoice(db, draft, '2026-03-01');
    await plainInvoice(db, draft, '2026-03-02');
    await db.counters.clear();
    expect((await plainInvoice(db, draft, '2026-03-03')).number).toBe('INV-2026-003');
    await db.counters.put({ series: 'invoice:2026', last: 1 });
    expect((await plainInvoice(db, draft, '2026-03-04')).number).toBe('INV-2026-004');
  });

  it('refuses a number the other series already issued (patterns saved before they were checked), and changes nothing', async () => {
    const { db, milestones, draftFor } = await setup();
    const same = { pattern: 'DOC-{YYYY}-{seq}', yearlyReset: true };
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), same);
    const before = await snapshot(db);
    await expect(issueCreditNote(db, invoice.id, same, '2026-11-24'))
      .rejects.toThrow('DOC-2026-1 was issued before: change the credit note numbering pattern in the options so new numbers differ from issued ones');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a date earlier than the last issued invoice, unless the user confirms it', async () => {
    const { db, milestones, draftFor } = await setup();
    await plainInvoice(db, draftFor(milestones[0]!), '2026-11-24');
    const before = await snapshot(db);
    const earlier = issueInvoice(db, draftFor(milestones[1]!, '2026-11-20'), rule);
    await expect(earlier).rejects.toThrow(EarlierDateError);
    await expect(earlier).rejects.toThrow(
      'INV-2026-001 is dated 2026-11-24, later than this invoice’s date 2026-11-20. A later number would carry an earlier date: check the computer’s date, then issue again.',
    );
    expect(await snapshot(db)).toEqual(before);
    const { invoice } = await issueInvoice(db, draftFor(milestones[1]!, '2026-11-20'), rule, Date.now(), { allowEarlierDate: true });
    expect(invoice).toMatchObject({ number: 'INV-2026-002', issueDate: '2026-11-20' });
  });

  it('applies the date check to credit notes in their own series', async () => {
    const { db, milestones, draftFor } = await setup();
    const cn = { pattern: 'CN-{YYYY}-{seq}', yearlyReset: true };
    const { invoice: first } = await issueInvoice(db, draftFor(milestones[0]!, '2026-11-01'), rule);
    const { invoice: second } = await issueInvoice(db, draftFor(milestones[1]!, '2026-11-02'), rule);
    await issueCreditNote(db, second.id, cn, '2026-11-24');
    await expect(issueCreditNote(db, first.id, cn, '2026-11-10')).rejects.toThrow(/CN-2026-1 is dated 2026-11-24, later than this credit note’s date 2026-11-10/);
    expect((await issueCreditNote(db, first.id, cn, '2026-11-24')).creditNote.number).toBe('CN-2026-2');
  });
});

describe('invoice files', () => {
  it('stores the PDF bytes with their SHA-256 and returns exactly those bytes', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    const bytes = new TextEncoder().encode('%PDF-1.7 fake but byte-exact');
    const stored = await attachInvoiceFile(db, invoice.id, bytes, 'INV-2026-001.pdf');
    expect(stored.sha256).toBe(await sha256Hex(bytes));
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await invoiceFile(db, invoice.id))?.bytes).toEqual(bytes);
  });

  it('keeps the first file of an issued invoice', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    const first = await attachInvoiceFile(db, invoice.id, new Uint8Array([1, 2, 3]), 'a.pdf');
    const second = await attachInvoiceFile(db, invoice.id, new Uint8Array([9]), 'b.pdf');
    expect(second.sha256).toBe(first.sha256);
  });

  it('hashes known input correctly', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('payments and delivery', () => {
  it('moves the milestone to partially paid, then paid', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    const pay = (amount: number) => recordPayment(db, { invoiceId: invoice.id, amount, date: '2026-11-30', method: 'Bank', note: '' });
    await pay(10_000);
    expect((await db.milestones.get(milestones[0]!.id))?.state).toBe('partially-paid');
    await expect(pay(99_999)).rejects.toThrow(/more than the €296\.00 still due/);
    await pay(29_600);
    expect((await db.milestones.get(milestones[0]!.id))?.state).toBe('paid');
  });

  it('refuses zero and negative payments', async () => {
    const { db, milestones, draftFor } = await setup();
    const { invoice } = await issueInvoice(db, draftFor(milestones[0]!), rule);
    for (const amount of [0, -5]) {
      await expect(recordPayment(db, { invoiceId: invoice.id, amount, date: '2026-11-30', method: '', note: '' })).rejects.toThrow(
        'A payment must be more than zero',
      );
    }
  });

  it('records a delivery with its date and logs it; cannot un-deliver', async () => {
    const { db, project, milestones } = await setup();
    await advanceMilestone(db, milestones[1]!.id, 'delivered', '2026-11-20');
    expect(await db.milestones.get(milestones[1]!.id)).toMatchObject({ state: 'delivered', deliveredOn: '2026-11-20' });
    const log = await db.activity.where('projectId').equals(project.id).toArray();
    expect(log.map((a) => a.kind)).toContain('delivered');
    await expect(advanceMilestone(db, milestones[1]!.id, 'in-progress', '2026-11-21')).rejects.toThrow(/can next be accepted/);
  });
});

describe('settings', () => {
  it('falls back to defaults for missing or corrupt values', async () => {
    const { db } = await setup();
    expect(await getSetting(db, 'invoiceNumbering')).toEqual({ pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
    await db.settings.put({ key: 'invoiceNumbering', value: { pattern: 'no sequence', yearlyReset: 'yes' } });
    expect((await getSetting(db, 'invoiceNumbering')).pattern).toBe('INV-{YYYY}-{seq:4}');
  });
});

describe('settings validation', () => {
  it('refuses to save a folder outside the downloads, but still reads one stored earlier with the other choices kept', async () => {
    const { db } = await setup();
    await expect(putSetting(db, 'invoiceFiles', { folder: '../x', downloadOnIssue: false })).rejects.toMatchObject({ field: 'folder' });
    await db.settings.put({ key: 'invoiceFiles', value: { folder: '../x', downloadOnIssue: false } });
    expect(await getSetting(db, 'invoiceFiles')).toEqual({ folder: '../x', downloadOnIssue: false });
  });

  it('refuses an invalid numbering pattern', async () => {
    const { db } = await setup();
    await expect(putSetting(db, 'invoiceNumbering', { pattern: 'INV-{YYYY}', yearlyReset: true }))
      .rejects.toMatchObject({ field: 'pattern', message: 'The pattern needs exactly one {seq} (or {seq:N} for N digits)' });
  });

  it('refuses a yearly reset without the year, and series that could meet, naming the pattern field', async () => {
    const { db } = await setup();
    await expect(putSetting(db, 'invoiceNumbering', { pattern: 'INV-{seq:4}', yearlyReset: true }))
      .rejects.toMatchObject({ field: 'pattern', message: expect.stringMatching(/^Starting again at 1 each year needs the year/) });
    await expect(putSetting(db, 'creditNoteNumbering', { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true })).rejects.toMatchObject({
      field: 'pattern',
      message: 'Credit note numbers could repeat invoice numbers (INV-{YYYY}-{seq:4}): give each its own prefix, such as INV- and CN-',
    });
    await putSetting(db, 'creditNoteNumbering', { pattern: 'G-{YYYY}-{seq:4}', yearlyReset: true });
    await expect(putSetting(db, 'invoiceNumbering', { pattern: 'G-{YYYY}-{seq:3}', yearlyReset: true })).rejects.toThrow(/^Invoice numbers could repeat credit note numbers/);
    expect(await getSetting(db, 'invoiceNumbering')).toEqual({ pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
  });
});
