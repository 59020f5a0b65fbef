import { transition } from '../billing/lifecycle';
import { formatMoney, money } from '../billing/money';
import { computeTaxes } from '../billing/tax';
import { invoiceBalances } from '../billing/receivables';
import { nextNumber, seriesKey, validateRule, type NumberingRule } from '../billing/numbering';
import { t } from '../ui/i18n';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { invoiceFileSchema, invoiceSchema, type Invoice, type InvoiceFile, type InvoiceLine, type Milestone } from './entities';
import { followBalance } from './payments';
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
    if (draft.milestoneId && !milestone) throw new InputError(t('milestoneGone'));
    if (draft.kind === 'invoice' && milestone?.invoiceId) return { invoice: (await db.invoices.get(milestone.invoiceId))!, created: false };
    const moved = draft.kind === 'invoice' && milestone ? transition(milestone.state, 'invoiced') : undefined;
    if (moved && !moved.ok) throw new InputError(moved.error);

    const { series, sequence, number } = await takeNumber(db, draft, rule, options);
    const invoice = parseOrThrow(invoiceSchema, { ...draft, id: newId(), number, series, sequence, createdAt: now });

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
  if (!valid.ok) throw new InputError(draft.kind === 'invoice' ? t('invoiceNumberingInvalid', valid.error) : t('creditNoteNumberingInvalid', valid.error));
  const later = await db.invoices.where('issueDate').above(draft.issueDate).reverse().filter((other) => other.kind === draft.kind).first();
  if (later && !options.allowEarlierDate) {
    throw new EarlierDateError(
      t(draft.kind === 'invoice' ? 'invoiceEarlierDate' : 'creditNoteEarlierDate', later.number, later.issueDate, draft.issueDate),
      draft.issueDate,
      { number: later.number, issueDate: later.issueDate },
    );
  }
  const next = await upcomingNumber(db, draft.kind, rule, draft.issueDate);
  if (next.taken) {
    throw new InputError(t(draft.kind === 'invoice' ? 'invoiceNumberTaken' : 'creditNoteNumberTaken', next.number));
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
  const file = parseOrThrow(invoiceFileSchema, { invoiceId, bytes, filename, sha256: await sha256Hex(bytes) });
  return db.transaction('rw', db.invoices, db.invoiceFiles, async (): Promise<InvoiceFile> => {
    if (!(await db.invoices.get(invoiceId))) throw new InputError(t('invoiceGone'));
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

/** The invoice and what it can still be credited: its gross less the credit notes already issued against it. */
async function creditableInvoice(db: MilestoneDatabase, invoiceId: string) {
  const original = await db.invoices.get(invoiceId);
  if (!original || original.kind !== 'invoice') throw new InputError(t('invoiceGone'));
  if (original.voidedBy) throw new InputError(t('invoiceAlreadyVoid', original.number));
  const credits = await db.invoices.where('projectId').equals(original.projectId).filter((other) => other.creditsInvoiceId === original.id).toArray();
  return { original, creditable: original.gross - credits.reduce((acc, credit) => acc + credit.gross, 0), credited: credits.length > 0 };
}

export interface PartialCredit {
  /** Tax included, in minor units: what the client is credited. */
  amount: number;
  reason: string;
}

/**
 * A credit note for part of an invoice (a price reduction, a returned item): at most what is
 * still creditable. It never voids the invoice; the invoice's balance falls by its amount.
 */
export async function issuePartialCreditNote(
  db: MilestoneDatabase,
  invoiceId: string,
  credit: PartialCredit,
  rule: NumberingRule,
  issueDate: string,
  now = Date.now(),
  options: IssueOptions = {},
): Promise<{ creditNote: Invoice; original: Invoice }> {
  const reason = credit.reason.trim();
  if (!reason) throw new InputError(t('creditNeedsReason'));
  if (reason.length > 500) throw new InputError(t('reasonTooLong'));
  if (!Number.isInteger(credit.amount) || credit.amount <= 0) throw new InputError(t('creditMoreThanZero'));
  return db.transaction('rw', [db.invoices, db.counters, db.milestones, db.activity, db.issuedNumbers, db.payments], async () => {
    const { original, creditable } = await creditableInvoice(db, invoiceId);
    if (credit.amount > creditable) {
      throw new InputError(t('creditMoreThanLeftOf', formatMoney(money(creditable, original.currency), 'en'), original.number));
    }
    const { invoice: creditNote } = await issueInvoice(db, creditDraft(original, credit.amount, `Credit for ${original.number}: ${reason}`, issueDate), rule, now, options);
    if (credit.amount === creditable) return voided(db, original, creditNote, `: ${reason}`, now);
    await followBalance(db, original, await db.payments.where('invoiceId').equals(original.id).toArray());
    const summary = `Credit note ${creditNote.number} credits ${formatMoney(money(credit.amount, original.currency), 'en')} of invoice ${original.number}: ${reason}`;
    await recordActivity(db, { kind: 'void', projectId: original.projectId, milestoneId: original.milestoneId, summary }, now);
    return { creditNote, original };
  });
}

/**
 * A credit note for `amount` of an invoice, tax included, shared among its tax categories in
 * proportion to what each billed, with each category's tax taken out of its share.
 */
function creditDraft(original: Invoice, amount: number, description: string, issueDate: string): InvoiceDraft {
  const shares = shareByCategory(categoryGross(original), amount);
  // Several categories: each line says which part of the invoice it credits.
  const named = (category: InvoiceLine['category']) => (shares.size > 1 ? `${description} (${partNames[category]})` : description);
  const lines = [...shares].map(([category, share]) => ({ kind: 'extra' as const, description: named(category), quantity: 1, unit: '', unitPrice: share, amount: share, category }));
  const rates = original.taxLines.map(({ name, basisPoints, category, exemption }) => ({ name, basisPoints, category, exemption }));
  const taxes = computeTaxes(lines, { mode: 'inclusive', rates, reverseCharge: original.reverseCharge });
  const { id: _, number: __, series: ___, sequence: ____, createdAt: _____, milestoneId: ______, prepayments: _______, voidedBy: ________, ...copy } = original;
  return {
    ...copy, kind: 'credit-note', creditsInvoiceId: original.id, issueDate, dueDate: issueDate, lines, pricesIncludeTax: true,
    taxLines: taxes.lines, net: taxes.net, tax: taxes.tax, gross: taxes.gross,
  };
}

const partNames: Record<InvoiceLine['category'], string> = {
  standard: 'standard-rated part', reduced: 'reduced-rated part', zero: 'zero-rated part', exempt: 'exempt part', 'reverse-charge': 'reverse-charge part',
};

/** What each tax category of an invoice billed, tax included. */
function categoryGross(invoice: Invoice): Map<InvoiceLine['category'], number> {
  const gross = new Map<InvoiceLine['category'], number>();
  const based = new Set<string>();
  for (const row of invoice.taxLines) {
    // Several rates on one base (state and county sales tax) share the base once.
    const base = based.has(row.category) ? 0 : row.base;
    based.add(row.category);
    gross.set(row.category, (gross.get(row.category) ?? 0) + base + row.amount);
  }
  if (!gross.size) gross.set(invoice.lines[0]!.category, invoice.gross);
  return gross;
}

/** `amount` shared in proportion to `weights`, the shares summing to it exactly (largest remainder). */
function shareByCategory<K>(weights: Map<K, number>, amount: number): Map<K, number> {
  const total = [...weights.values()].reduce((acc, weight) => acc + weight, 0);
  const exact = [...weights].map(([key, weight]) => ({ key, exact: total ? (amount * weight) / total : amount / weights.size }));
  const shares = exact.map(({ key, exact: value }) => ({ key, share: Math.floor(value), rest: value - Math.floor(value) }));
  let left = amount - shares.reduce((acc, row) => acc + row.share, 0);
  for (const row of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left-- <= 0) break;
    row.share += 1;
  }
  return new Map(shares.filter((row) => row.share !== 0).map((row) => [row.key, row.share]));
}

/**
 * Voids an issued invoice the only lawful way: a credit note, in its own number series, that
 * refers to it, for all it still bills. The credit note, the void mark and the milestone's return
 * to billable are one transaction. A paid invoice may be voided too: the money received stays
 * recorded until the user records its refund.
 */
export async function issueCreditNote(
  db: MilestoneDatabase,
  invoiceId: string,
  rule: NumberingRule,
  issueDate: string,
  now = Date.now(),
  options: IssueOptions & { reason?: string } = {},
): Promise<{ creditNote: Invoice; original: Invoice }> {
  return db.transaction('rw', [db.invoices, db.counters, db.milestones, db.activity, db.issuedNumbers], async () => {
    const { original, creditable, credited } = await creditableInvoice(db, invoiceId);
    const milestone = original.milestoneId ? await db.milestones.get(original.milestoneId) : undefined;
    const moved = milestone ? transition(milestone.state, 'void') : undefined;
    if (moved && !moved.ok) throw new InputError(moved.error);

    const reason = options.reason?.trim().slice(0, 500);
    const because = reason ? ` (${reason})` : '';
    const draft: InvoiceDraft = credited
      ? creditDraft(original, creditable, `Credit for the rest of ${original.number}${because}`, issueDate)
      : fullCreditDraft(original, because, issueDate);
    const { invoice: creditNote } = await issueInvoice(db, draft, rule, now, options);
    return voided(db, original, creditNote, because, now);
  });
}

/** Marks an invoice void by the credit note that took all it still billed; its milestone is billable again. Inside the issuing transaction. */
async function voided(db: MilestoneDatabase, original: Invoice, creditNote: Invoice, because: string, now: number) {
  await db.invoices.update(original.id, { voidedBy: creditNote.id });
  const milestone = original.milestoneId ? await db.milestones.get(original.milestoneId) : undefined;
  if (milestone?.invoiceId === original.id) await db.milestones.put(billableAgain(milestone));
  await recordActivity(
    db,
    { kind: 'void', projectId: original.projectId, milestoneId: original.milestoneId, summary: `Invoice ${original.number} voided by credit note ${creditNote.number}${because}` },
    now,
  );
  return { creditNote, original: { ...original, voidedBy: creditNote.id } };
}

/** A credit note mirroring every line of an invoice not credited before. */
function fullCreditDraft(original: Invoice, because: string, issueDate: string): InvoiceDraft {
  const { id: _, number: __, series: ___, sequence: ____, createdAt: _____, milestoneId: ______, prepayments: _______, ...copy } = original;
  const lines = original.lines.map((line) => ({ ...line, description: `Credit for ${line.description}${because}` }));
  return { ...copy, kind: 'credit-note', creditsInvoiceId: original.id, issueDate, dueDate: issueDate, lines };
}

export interface InvoiceRow {
  invoice: Invoice;
  paid: number;
  balance: number;
  /** What credit notes took off it. */
  credited?: number;
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
      credited: invoices.filter((credit) => credit.creditsInvoiceId === invoice.id).reduce((acc, credit) => acc + credit.gross, 0),
    }));
  });
}
