import { z } from 'zod';
import { isIsoDate } from '../billing/dates';
import { milestoneStates } from '../billing/lifecycle';
import { isCurrency } from '../billing/money';
import { taxCategories } from '../billing/tax';
import { t } from '../ui/i18n';

/** zod's own messages for checks that name none, in the user's words and language. */
function plainIssue(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return t('valueRequired');
  if (issue.code === 'too_big' && issue.origin === 'string') return t('valueTooLong', String(issue.maximum));
  if (issue.code === 'too_big' && issue.origin === 'array') return t('tooManyItems', String(issue.maximum));
  if (issue.code === 'too_small' || issue.code === 'too_big') return t('numberOutOfRange');
  return t('valueNotUnderstood');
}
z.config({ customError: plainIssue });

/** The shape of every stored record. Repositories parse with these before each write. */
const id = z.string().min(1);
const isoDate = z.string().refine(isIsoDate, { error: () => t('expectedIsoDate') });
const minorUnits = z.number().int().refine(Number.isSafeInteger, { error: () => t('amountOutOfRange') });
const currency = z.string().refine(isCurrency, { error: () => t('unknownCurrencyCode') });
const instant = z.number().int().nonnegative();
const text = z.string().max(2000);
/** Card links are opened from our UI, so only https pages qualify (never javascript: or data:). */
export const httpsUrl = z.url({ protocol: /^https$/, error: () => t('expectedHttpsAddress') });

export const boardHosts = ['trello', 'github', 'notion'] as const;
export const boardHost = z.enum(boardHosts);
export type BoardHost = z.infer<typeof boardHost>;

/** How a client receives invoices: the PDF alone, Factur-X, or the PDF with a separate EN 16931 XML. */
export const einvoiceFormats = ['pdf', 'facturx', 'pdf-xml'] as const;
export const einvoiceCustomizations = ['en16931', 'xrechnung', 'peppol'] as const;
export const einvoiceSchema = z.object({
  format: z.enum(einvoiceFormats),
  /** The separate XML's syntax; Factur-X always carries CII. */
  syntax: z.enum(['ubl', 'cii']),
  /** The separate XML's specification (BT-24); Factur-X follows EN 16931 itself. */
  customization: z.enum(einvoiceCustomizations),
  /** BT-10, quoted on every e-invoice (a purchase order number, Germany's Leitweg-ID). */
  buyerReference: z.string().trim().max(100, { error: () => t('buyerReferenceTooLong') }),
}).refine((delivery) => delivery.format !== 'pdf-xml' || delivery.customization !== 'xrechnung' || delivery.buyerReference !== '', {
  path: ['buyerReference'],
  error: () => t('xrechnungNeedsReference'),
});
export type EInvoiceDelivery = z.infer<typeof einvoiceSchema>;
export const plainPdfDelivery: EInvoiceDelivery = { format: 'pdf', syntax: 'cii', customization: 'en16931', buyerReference: '' };

export const clientSchema = z.object({
  id,
  name: z.string().trim().min(1, { error: () => t('clientNeedsName') }).max(200),
  email: z.union([z.literal(''), z.email({ error: () => t('enterValidEmail') })]),
  address: text,
  taxId: z.string().max(64),
  currency,
  locale: z.string().min(2),
  /** Paper of their invoices; absent means Letter for US and Canadian locales, A4 elsewhere. */
  paper: z.enum(['a4', 'letter']).optional(),
  /** Absent on clients saved before e-invoices: the PDF alone (schema version 6 fills it in). */
  einvoice: einvoiceSchema.optional(),
  createdAt: instant,
  /** Archived clients are hidden from pickers and lists until restored. */
  archivedAt: instant.optional(),
});
export type Client = z.infer<typeof clientSchema>;

export const shareSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int() }),
  z.object({ kind: z.literal('fixed'), amount: minorUnits }),
]);

export const paymentTermsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on-receipt') }),
  z.object({ kind: z.literal('net'), days: z.number().int().min(0).max(365) }),
  z.object({ kind: z.literal('end-of-month'), days: z.number().int().min(0).max(365) }),
]);

/** Optional late-payment terms (lib/billing/terms.ts): a rate per month, EU statutory interest, or a flat fee. */
export const latePaymentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly-percent'), basisPoints: z.number().int().min(1).max(1_000) }),
  z.object({ kind: z.literal('eu-statutory'), referenceBasisPoints: z.number().int().min(0).max(2_000) }),
  z.object({ kind: z.literal('flat-fee'), amount: minorUnits.refine((n) => n > 0, { error: () => t('lateFeePositive') }) }),
]);

export const taxCategory = z.enum(taxCategories);

/** A named rate ("VAT", "State sales tax") of a category; zero and exempt rates carry their legal wording. */
export const taxRateSchema = z.object({
  name: z.string().trim().min(1, { error: () => t('taxRateNeedsName') }).max(60),
  basisPoints: z.number().int().min(0).max(10_000),
  category: taxCategory.optional(),
  exemption: z.string().max(500).optional(),
});

export const taxPolicySchema = z.object({
  /** Whether the contract total and line prices include the tax ("inclusive") or have it added on top. */
  mode: z.enum(['exclusive', 'inclusive']),
  rates: z.array(taxRateSchema).max(6),
  reverseCharge: z.boolean(),
});

export const projectSchema = z.object({
  id,
  clientId: id,
  name: z.string().trim().min(1, { error: () => t('projectNeedsName') }).max(200),
  contractRef: z.string().max(100),
  currency,
  total: minorUnits.refine((n) => n > 0, { error: () => t('totalMoreThanZero') }),
  taxes: taxPolicySchema,
  terms: paymentTermsSchema,
  latePayment: latePaymentSchema.optional(),
  /** Issue the invoice when the card reaches Done, or wait for the client's written acceptance. */
  invoiceOn: z.enum(['done', 'acceptance']),
  createdAt: instant,
  /** Archived projects are hidden from pickers and lists until restored; their invoices count as before. */
  archivedAt: instant.optional(),
});
export type Project = z.infer<typeof projectSchema>;

export const acceptanceSchema = z.object({ by: z.string().trim().min(1, { error: () => t('acceptanceNeedsName') }), on: isoDate, evidence: z.string().max(2000) });

export const milestoneSchema = z.object({
  id,
  projectId: id,
  position: z.number().int().min(0),
  title: z.string().trim().min(1).max(200),
  deliverable: text,
  share: shareSchema,
  /** The allocated net amount in minor units; frozen once invoiced. */
  amount: minorUnits,
  state: z.enum(milestoneStates),
  startedOn: isoDate.optional(),
  deliveredOn: isoDate.optional(),
  acceptance: acceptanceSchema.optional(),
  invoiceId: id.optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const boardSchema = z.object({
  /** `${host}:${boardId}` */
  id,
  host: boardHost,
  boardId: id,
  name: z.string().max(300),
  projectId: id.optional(),
  /** Column names that count as Done; null means the default names (Done, Complete, Shipped…). */
  doneColumns: z.array(z.string().max(200)).max(50).nullable(),
  /** The in-board milestone panel is folded away on this board. */
  panelCollapsed: z.boolean().optional(),
  /** A card the host marks complete (Trello's checkmark) counts as Done; off unless the user turns it on. */
  completeCountsAsDone: z.boolean().optional(),
});
export type Board = z.infer<typeof boardSchema>;

/** Trello's 24-hex card id; other hosts' long ids fit the same bounds. */
export const hostCardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => t('notACardId') });

export const cardLinkSchema = z.object({
  /** `${host}:${cardId}`: a card links to one milestone at most. */
  id,
  host: boardHost,
  boardId: id,
  cardId: id,
  milestoneId: id,
  title: z.string().max(500),
  url: httpsUrl,
  linkedAt: instant,
  /** The column the card was last seen in. */
  column: z.string().max(200).optional(),
  /** Set when the card left Done after its milestone was delivered: shown, never silently undone. */
  leftDoneOn: isoDate.optional(),
  /** Whether the host showed the card marked complete when it was last seen. */
  complete: z.boolean().optional(),
  /** The host's long id, for a card whose front shows no cardId (Trello's full-cover and link cards). */
  hostCardId: hostCardId.optional(),
});
export type CardLink = z.infer<typeof cardLinkSchema>;

export const partySchema = z.object({
  name: z.string(),
  address: text,
  taxId: z.string(),
  email: z.string(),
});

/** The seller as invoiced; the bank account (electronic form) feeds the payment code, absent on older invoices. */
export const sellerSchema = partySchema.extend({ iban: z.string().optional(), bic: z.string().optional() });

/** The buyer as invoiced, with how their invoice is printed, so a re-render never follows later edits. */
export const buyerSchema = partySchema.extend({
  locale: z.string().optional(),
  paper: z.enum(['a4', 'letter']).optional(),
});

export const invoiceLineSchema = z.object({
  /** The milestone's share of the contract, or an extra (expenses, extra hours, a discount). */
  kind: z.enum(['milestone', 'extra']),
  description: z.string(),
  quantity: z.number().refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, { error: () => t('quantityThreeDecimals') }),
  unit: z.string().max(20),
  unitPrice: minorUnits,
  /** quantity × unit price, in the invoice's price basis (see pricesIncludeTax). */
  amount: minorUnits,
  category: taxCategory,
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

/**
 * An invoice stored before lines had prices and categories (one line of description and net
 * amount, untagged tax rows), read as one milestone line: how old databases and backups load.
 */
export function withInvoiceLines(record: unknown): unknown {
  if (!record || typeof record !== 'object') return record;
  const invoice = record as { lines?: unknown; taxLines?: unknown; reverseCharge?: boolean };
  const category = invoice.reverseCharge ? 'reverse-charge' : 'standard';
  const lines = Array.isArray(invoice.lines)
    ? invoice.lines.map((line: { description?: string; amount?: number; kind?: string }) =>
        line && typeof line === 'object' && !('kind' in line)
          ? { kind: 'milestone', description: line.description, quantity: 1, unit: '', unitPrice: line.amount, amount: line.amount, category }
          : line)
    : invoice.lines;
  const taxLines = Array.isArray(invoice.taxLines)
    ? invoice.taxLines.map((row: { category?: string; basisPoints?: number }) =>
        row && typeof row === 'object' && !row.category ? { ...row, category: row.basisPoints === 0 ? 'zero' : 'standard' } : row)
    : invoice.taxLines;
  return { ...invoice, lines, taxLines };
}

export const invoiceSchema = z.preprocess(withInvoiceLines, z.object({
  id,
  kind: z.enum(['invoice', 'credit-note']),
  number: z.string().min(1),
  series: z.string().min(1),
  sequence: z.number().int().positive(),
  projectId: id,
  clientId: id,
  milestoneId: id.optional(),
  creditsInvoiceId: id.optional(),
  currency,
  issueDate: isoDate,
  supplyDate: isoDate,
  dueDate: isoDate,
  seller: sellerSchema,
  buyer: buyerSchema,
  lines: z.array(invoiceLineSchema).min(1),
  /** Line prices include the tax (the net is derived); absent on invoices issued before lines had prices. */
  pricesIncludeTax: z.boolean().optional(),
  /** One row per rate: the net base of its category's lines and the tax, rounded once (EN 16931 BG-23). */
  taxLines: z.array(taxRateSchema.extend({ name: z.string(), category: taxCategory, basisPoints: z.number().int(), base: minorUnits, amount: minorUnits })),
  reverseCharge: z.boolean(),
  /** A payment on account billed before any delivery (EN 16931 type 386): its supply date is not printed. */
  prepayment: z.literal(true).optional(),
  /** On the final invoice: the prepayment invoices it lists and deducts (EN 16931 BG-3). */
  prepayments: z.array(z.object({ invoiceId: id, number: z.string().min(1), issueDate: isoDate, gross: minorUnits })).optional(),
  net: minorUnits,
  tax: minorUnits,
  gross: minorUnits,
  /** The project's late-payment terms as they stood at issue, printed beside the payment terms. */
  latePayment: latePaymentSchema.optional(),
  /** Issued invoices are never edited: a credit note voids one. */
  voidedBy: id.optional(),
  createdAt: instant,
}));
export type Invoice = z.infer<typeof invoiceSchema>;

/** The PDF as issued, kept apart so listing invoices never loads file bytes. */
export const invoiceFileSchema = z.object({
  invoiceId: id,
  bytes: z.instanceof(Uint8Array),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1),
});
export type InvoiceFile = z.infer<typeof invoiceFileSchema>;

export const paymentSchema = z.object({
  id,
  invoiceId: id,
  /** Negative for a refund, which names the payment it pays back. */
  amount: minorUnits.refine((n) => n !== 0, { error: () => t('paymentMoreThanZero') }),
  date: isoDate,
  method: z.string().max(100),
  note: text,
  refundOf: id.optional(),
}).refine((payment) => (payment.amount < 0) === (payment.refundOf !== undefined), {
  path: ['amount'],
  error: () => t('paymentMoreThanZero'),
});
export type Payment = z.infer<typeof paymentSchema>;

export const counterSchema = z.object({ series: z.string().min(1), last: z.number().int().nonnegative() });
export type Counter = z.infer<typeof counterSchema>;

export const activityKinds = [
  'client-saved', 'project-created', 'project-updated', 'board-bound', 'card-linked', 'card-unlinked', 'delivered', 'card-left-done',
  'accepted', 'issued', 'payment', 'void', 'acceptance-overridden',
  'payment-deleted', 'board-unbound', 'archived', 'restored', 'deleted',
] as const;

export const activitySchema = z.object({
  id: z.number().int().optional(),
  at: instant,
  kind: z.enum(activityKinds),
  projectId: id.optional(),
  milestoneId: id.optional(),
  summary: z.string().min(1),
});
export type Activity = z.infer<typeof activitySchema>;

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/** A derived value kept ready for the pages; never the only copy of anything. */
export const snapshotSchema = z.object({ key: z.string().min(1), asOf: isoDate, value: z.unknown() });
export type Snapshot = z.infer<typeof snapshotSchema>;

/** The register of issued invoice and credit-note numbers: keyed by the number, so none is stored twice. */
export const issuedNumberSchema = z.object({ number: z.string().min(1), invoiceId: id });
export type IssuedNumber = z.infer<typeof issuedNumberSchema>;
