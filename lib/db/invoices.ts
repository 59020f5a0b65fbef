import { transition } from '../billing/lifecycle';
import { invoiceBalances } from '../billing/receivables';
import { nextNumber, seriesKey, validateRule, type NumberingRule } from '../billing/numbering';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { invoiceFileSchema, invoiceSchema, type Invoice, type InvoiceFile, type Milestone } from './entities';
import { InputError, parseOrThrow } from './errors';

export type InvoiceDraft = Omit<Invoice, 'id' | 'number' | 'series' | 'sequence' | 'createdAt'>;

export interface IssueOptions {
  /** The user confirmed an issue date earlier than the last issued document's (a clock set back). */
  allowEarlierDate?: boolean;
}

/** The last issued document whose date is later than the one being issued. */
export interface LaterIssued {
  number: string;
  issueDate: string;
}

/** Refused because the issue date is before the last issued document's: the caller may ask and retry. */
export class EarlierDateError extends InputError {
  constructor(message: string, readonly issueDate: string, readonly later: LaterIssued) {
    super(message);
  }
}

/**
 * Issues an invoice: takes the next number of its series and stores the invoice in the same
 * transaction, so a number is never skipped or given twice. A milestone is invoiced once:
 * issuing it again returns the invoice it already has, with `created` false.
 */
export async function issueInvoice(
  db: MilestoneDatabase,
  draft: InvoiceDraft,
  rule: NumberingRule,
  now = Date.now(),
  options: IssueOptions = {},
): Promise<{ invoice: Invoice; created: boolean }> {
  return db.transaction('rw', [db.invoices, db.counters, db.milestones, db.activity, db.issuedNumbers], async () => {
    const milestone = draft.milestoneId ? await db.milestones.get(draft.milestoneId) : undefined;
    if (draft.milestoneId && !milestone) throw new InputError('That milestone no longer exists');
    if (draft.kind === 'invoice' && milestone?.invoiceId) return { invoice: (await db.invoices.get(milestone.invoiceId))!, created: false };
    const moved = draft.kind === 'invoice' && milestone ? transition(milestone.state, 'invoiced') : undefined;
    if (moved && !moved.ok) throw new InputError(moved.error);

    const { series, sequence, number } = await takeNumber(db, draft, rule, options);
    const invoice = parseOrThrow(invoiceSchema, { ...draft, id: newId(), number, series, sequence, createdAt: now }, 'invoice');

    await db.counters.put({ series, last: sequence });
    await db.issuedNumbers.add({ number, invoiceId: invoice.id });
    await db.invoices.add(invoice);
    if (milestone && moved) await db.milestones.update(milestone.id, { state: 'invoiced', invoiceId: invoice.id });
    await recordActivity(
      db,
      { kind: 'issued', projectId: invoice.projectId, milestoneId: invoice.milestoneId, summary: `${documentName(draft.kind)} ${number} issued` },
      now,
    );
    return { invoice, created: true };
  });
}

const documentName = (kind: Invoice['kind']) => (kind === 'invoice' ? 'Invoice' : 'Credit note');

/** The next number for a draft; call inside the issuing transaction. Refuses anything that could repeat or misorder a number. */
async function takeNumber(db: MilestoneDatabase, draft: InvoiceDraft, rule: NumberingRule, options: IssueOptions) {
  const valid = validateRule(rule);
  if (!valid.ok) throw new InputError(`${documentName(draft.kind)} numbering: ${valid.error}. Change it in the options.`);
  const later = await db.invoices.where('issueDate').above(draft.issueDate).reverse().filter((other) => other.kind === draft.kind).first();
  if (later && !options.allowEarlierDate) {
    throw new EarlierDateError(
      `${later.number} is dated ${later.issueDate}, later than this ${documentName(draft.kind).toLowerCase()}’s date ${draft.issueDate}. ` +
        'A later number would carry an earlier date: check the computer’s date, then issue again.',
      draft.issueDate,
      { number: later.number, issueDate: later.issueDate },
    );
  }
  const next = await upcomingNumber(db, draft.kind, rule, draft.issueDate);
  if (next.taken) {
    throw new InputError(`${next.number} was issued before: change the ${documentName(draft.kind).toLowerCase()} numbering pattern in the options so new numbers differ from issued ones`);
  }
  return { series: next.series, sequence: next.sequence, number: next.number };
}

/**
 * The number the next document of this kind would get on that date, as issuing takes it (the
 * options page shows it too); `taken` when even the corrected number was issued before.
 */
export async function upcomingNumber(db: MilestoneDatabase, kind: Invoice['kind'], rule: NumberingRule, issueDate: string) {
  const series = seriesKey(rule, issueDate, kind);
  const counted = (await db.counters.get(series))?.last ?? 0;
  let next = nextNumber(rule, counted, issueDate);
  // A taken number means the counter is behind (the reset was switched, or a restore left it low).
  if (await db.issuedNumbers.get(next.number)) {
    const issued = await highestIssued(db, kind, rule.yearlyReset ? issueDate.slice(0, 4) : undefined);
    next = nextNumber(rule, Math.max(counted, issued), issueDate);
  }
  return { series, sequence: next.sequence, number: next.number, taken: !!(await db.issuedNumbers.get(next.number)) };
}

/**
 * The highest sequence issued of this kind (in that year, for a yearly series), so switching the
 * reset or restoring low counters continues after the highest number rather than repeating one.
 */
async function highestIssued(db: MilestoneDatabase, kind: Invoice['kind'], year?: string): Promise<number> {
  const issued = year
    ? db.invoices.where('issueDate').between(`${year}-01-01`, `${year}-12-31`, true, true).filter((other) => other.kind === kind)
    : db.invoices.where('kind').equals(kind);
  let highest = 0;
  await issued.each((other) => {
    highest = Math.max(highest, other.sequence);
  });
  return highest;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Stores the issued PDF with its hash. The first file stored for an invoice is kept for good. */
export async function attachInvoiceFile(db: MilestoneDatabase, invoiceId: string, bytes: Uint8Array, filename: string) {
  const file = parseOrThrow(invoiceFileSchema, { invoiceId, bytes, filename, sha256: await sha256Hex(bytes) }, 'invoice file');
  return db.transaction('rw', db.invoices, db.invoiceFiles, async (): Promise<InvoiceFile> => {
    if (!(await db.invoices.get(invoiceId))) throw new InputError('That invoice does not exist');
    const existing = await db.invoiceFiles.get(invoiceId);
    if (existing) return existing;
    await db.invoiceFiles.add(file);
    return file;
  });
}

export function invoiceFile(db: MilestoneDatabase, invoiceId: string): Promise<InvoiceFile | undefined> {
  return db.invoiceFiles.get(invoiceId);
}

/**
 * A milestone whose invoice was voided goes back to where it stood before it was invoiced, so it
 * is billed again, with a new number, for its own share.
 */
function billableAgain({ invoiceId: _, ...milestone }: Milestone): Milestone {
  const state = milestone.acceptance ? 'accepted' : milestone.deliveredOn ? 'delivered' : milestone.startedOn ? 'in-progress' : 'planned';
  return { ...milestone, state };
}

/**
 * Voids an issued invoice the only lawful way: a credit note, in its own number series, that
 * refers to it. The credit note, the void mark and the milestone's return to billable are one transaction.
 */
export async function issueCreditNote(
  db: MilestoneDatabase,
  invoiceId: string,
  rule: NumberingRule,
  issueDate: string,
  now = Date.now(),
  options: IssueOptions = {},
): Promise<{ creditNote: Invoice; original: Invoice }> {
  return db.transaction('rw', [db.invoices, db.counters, db.milestones, db.activity, db.issuedNumbers], async () => {
    const original = await db.invoices.get(invoiceId);
    if (!original || original.kind !== 'invoice') throw new InputError('That invoice does not exist');
    if (original.voidedBy) throw new InputError(`Invoice ${original.number} is already void`);
    const milestone = original.milestoneId ? await db.milestones.get(original.milestoneId) : undefined;
    const moved = milestone ? transition(milestone.state, 'void') : undefined;
    if (moved && !moved.ok) throw new InputError(moved.error);

    const { id: _, number: __, series: ___, sequence: ____, createdAt: _____, milestoneId: ______, prepayments: _______, ...copy } = original;
    const { invoice: creditNote } = await issueInvoice(
      db,
      { ...copy, kind: 'credit-note', creditsInvoiceId: original.id, issueDate, dueDate: issueDate, lines: original.lines.map((line) => ({ ...line, description: `Credit for ${line.description}` })) },
      rule,
      now,
      options,
    );
    await db.invoices.update(original.id, { voidedBy: creditNote.id });
    if (milestone) await db.milestones.put(billableAgain(milestone));
    await recordActivity(
      db,
      { kind: 'void', projectId: original.projectId, milestoneId: original.milestoneId, summary: `Invoice ${original.number} voided by credit note ${creditNote.number}` },
      now,
    );
    return { creditNote, original: { ...original, voidedBy: creditNote.id } };
  });
}

export interface InvoiceRow {
  invoice: Invoice;
  paid: number;
  balance: number;
}

/** A project's invoices and credit notes with what was paid on each, without the PDF bytes. */
export async function projectInvoices(db: MilestoneDatabase, projectId: string): Promise<InvoiceRow[]> {
  return db.transaction('r', db.invoices, db.payments, async () => {
    const invoices = await db.invoices.where('projectId').equals(projectId).sortBy('sequence');
    const payments = await db.payments.where('invoiceId').anyOf(invoices.map((invoice) => invoice.id)).toArray();
    const balances = new Map(invoiceBalances(invoices, payments, '9999-12-31').map((row) => [row.invoice.id, row.balance]));
    return invoices.map((invoice) => ({
      invoice,
      paid: payments.filter((payment) => payment.invoiceId === invoice.id).reduce((acc, payment) => acc + payment.amount, 0),
      balance: balances.get(invoice.id) ?? 0,
    }));
  });
}
