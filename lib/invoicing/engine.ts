import type { IsoDate } from '../billing/dates';
import { milestoneInvoiceDraft, missingForIssue, type ExtraLine } from '../billing/invoice-draft';
import { invoiceFileName } from '../billing/file-names';
import type { MilestoneDatabase } from '../db/database';
import type { Invoice, InvoiceFile, Milestone } from '../db/entities';
import { InputError, PartialFailure } from '../db/errors';
import { attachInvoiceFile, invoiceFile, issueCreditNote, issueInvoice, issuePartialCreditNote, type InvoiceDraft, type PartialCredit } from '../db/invoices';
import { recordActivity } from '../db/activity';
import { getSetting } from '../db/settings';
import { t } from '../ui/i18n';
import type { InvoiceDocument } from './document';
import type { InvoiceFonts } from './fonts';
import { labelsFor } from './labels';
import { paymentTermsText } from './labels/terms';
import { renderInvoicePdf } from './pdf';
import { paperFor } from './print-locale';

export interface EngineContext {
  db: MilestoneDatabase;
  fonts: () => Promise<InvoiceFonts>;
  today: IsoDate;
  /** The browser's locale. PDFs never use it: they are written in the client's invoice locale. */
  locale: string;
  now?: number;
}

export interface IssuedInvoice {
  invoice: Invoice;
  file: InvoiceFile;
  /** False when the milestone already had its invoice: nothing new was issued. */
  created: boolean;
  /** Characters the invoice font could not print. */
  missingCharacters: string[];
}

/** How "Invoice now" was asked for: only the workspace, after the user confirms, may skip acceptance. */
export interface InvoiceRequest {
  withoutAcceptance?: boolean;
  /** The user confirmed an issue date earlier than the last issued invoice's (extension pages only). */
  allowEarlierDate?: boolean;
  /** Expenses, extra hours or a discount billed beside the milestone line. */
  extras?: readonly ExtraLine[];
}

/**
 * Issues a milestone's invoice and stores its PDF: the number, dates, snapshots and totals in one
 * transaction, then the PDF rendered from that record. Calling it again returns the same invoice.
 * A project that waits for the client's acceptance is invoiced only once acceptance is recorded,
 * or when the user explicitly overrides it, which the activity log keeps.
 */
export async function invoiceMilestone(ctx: EngineContext, milestoneId: string, request: InvoiceRequest = {}): Promise<IssuedInvoice> {
  const { db } = ctx;
  const milestone = await db.milestones.get(milestoneId);
  if (!milestone) throw new InputError(t('milestoneGone'));
  const existing = milestone.invoiceId ? await db.invoices.get(milestone.invoiceId) : undefined;
  const { invoice, created } = existing
    ? { invoice: existing, created: false }
    : await issueAccepted(ctx, milestone, completeDraft(await draftFor(ctx, milestone, request.extras)), request);
  return { ...(await storedPdf(ctx, invoice)), invoice, created };
}

/** No number is taken for an invoice the law would find incomplete: the user is told what to add. */
function completeDraft<D extends Parameters<typeof missingForIssue>[0]>(draft: D): D {
  const missing = missingForIssue(draft);
  if (missing.length) throw new InputError(t('nothingIssued', missing.join('. ')));
  return draft;
}

async function issueAccepted(ctx: EngineContext, milestone: Milestone, draft: InvoiceDraft, { withoutAcceptance = false, allowEarlierDate = false }: InvoiceRequest) {
  const { db } = ctx;
  const rule = await getSetting(db, 'invoiceNumbering');
  // The tables issueInvoice writes, plus the project: the acceptance check and the issue are one decision.
  return db.transaction('rw', [db.projects, db.invoices, db.issuedNumbers, db.counters, db.milestones, db.activity], async () => {
    const current = (await db.milestones.get(milestone.id))!;
    const project = await db.projects.get(current.projectId);
    const unaccepted = project?.invoiceOn === 'acceptance' && !current.acceptance && !current.invoiceId;
    if (unaccepted && !withoutAcceptance) throw new InputError(t('acceptanceFirst'));
    const issued = await issueInvoice(db, draft, rule, ctx.now, { allowEarlierDate });
    if (unaccepted && issued.created) {
      const summary = `“${current.title}” invoiced as ${issued.invoice.number} without the client’s acceptance, as confirmed by the user`;
      await recordActivity(db, { kind: 'acceptance-overridden', projectId: current.projectId, milestoneId: current.id, summary }, ctx.now);
    }
    return issued;
  });
}

/** An unnumbered preview for a milestone awaiting acceptance. Nothing is stored. */
export async function draftPdf(ctx: EngineContext, milestoneId: string) {
  const milestone = await ctx.db.milestones.get(milestoneId);
  if (!milestone) throw new InputError(t('milestoneGone'));
  const draft = await draftFor(ctx, milestone);
  const preview: Invoice = { ...draft, id: 'draft', number: 'DRAFT', series: 'draft', sequence: 1, createdAt: 0 };
  return renderInvoicePdf(await documentFor(ctx, preview, true), await ctx.fonts());
}

/** Voids an invoice by a credit note for all it still bills, and stores the credit note's PDF. */
export async function voidInvoice(ctx: EngineContext, invoiceId: string, reason?: string): Promise<IssuedInvoice> {
  const rule = await getSetting(ctx.db, 'creditNoteNumbering');
  const { creditNote } = await issueCreditNote(ctx.db, invoiceId, rule, ctx.today, ctx.now, { reason });
  return { ...(await storedPdf(ctx, creditNote)), invoice: creditNote, created: true };
}

/** Credits part of an invoice, and stores the credit note's PDF. */
export async function creditInvoice(ctx: EngineContext, invoiceId: string, credit: PartialCredit): Promise<IssuedInvoice> {
  const rule = await getSetting(ctx.db, 'creditNoteNumbering');
  const { creditNote } = await issuePartialCreditNote(ctx.db, invoiceId, credit, rule, ctx.today, ctx.now);
  return { ...(await storedPdf(ctx, creditNote)), invoice: creditNote, created: true };
}

/** An issued invoice's or credit note's PDF: the stored one, or rendered from its record and stored now. */
export async function invoicePdf(ctx: EngineContext, invoiceId: string) {
  const invoice = await ctx.db.invoices.get(invoiceId);
  if (!invoice) throw new InputError(t('invoiceGone'));
  return { invoice, ...(await storedPdf(ctx, invoice)) };
}

/** The invoice's stored PDF, rendering and storing it first if a crash or a full disk left it without one. */
async function storedPdf(ctx: EngineContext, invoice: Invoice) {
  const stored = await invoiceFile(ctx.db, invoice.id);
  if (stored) return { file: stored, missingCharacters: [] };
  try {
    const rendered = renderInvoicePdf(await documentFor(ctx, invoice, false), await ctx.fonts());
    const file = await attachInvoiceFile(ctx.db, invoice.id, rendered.bytes, await fileNameFor(ctx, invoice));
    return { file, missingCharacters: rendered.missingCharacters };
  } catch (error) {
    throw new PartialFailure(t('pdfSaveFailed', invoice.number, reasonOf(error)));
  }
}

const reasonOf = (error: unknown) =>
  error instanceof Error && /QuotaExceeded/.test(`${error.name} ${(error as { inner?: Error }).inner?.name ?? ''}`)
    ? 'the browser’s storage is full'
    : error instanceof Error ? error.message : String(error);

/**
 * A milestone bills its own share of the contract, in the contract total's basis; the shares sum
 * to the total exactly (largest remainder), so the final milestone bills exactly the rest, and a
 * voided invoice's share is billed again by its own milestone, never moved to another.
 */
async function draftFor(ctx: EngineContext, milestone: Milestone, extras: readonly ExtraLine[] = []) {
  const { db } = ctx;
  const project = await db.projects.get(milestone.projectId);
  const client = project && (await db.clients.get(project.clientId));
  if (!project || !client) throw new InputError(t('projectOrClientGone'));
  return milestoneInvoiceDraft({
    seller: await getSetting(db, 'businessProfile'),
    buyer: client,
    project,
    milestone,
    extras,
    prepayments: (await isFinalMilestone(db, milestone)) ? await prepaymentInvoices(db, project.id) : [],
    issueDate: ctx.today,
    supplyDate: milestone.deliveredOn,
  });
}

async function isFinalMilestone(db: MilestoneDatabase, milestone: Milestone): Promise<boolean> {
  const positions = (await db.milestones.where('projectId').equals(milestone.projectId).toArray()).map((m) => m.position);
  return milestone.position === Math.max(...positions);
}

/** The project's prepayment invoices still in force, oldest first: what the final invoice deducts. */
async function prepaymentInvoices(db: MilestoneDatabase, projectId: string) {
  const invoices = await db.invoices.where('projectId').equals(projectId).toArray();
  return invoices
    .filter((invoice) => invoice.kind === 'invoice' && invoice.prepayment && !invoice.voidedBy)
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.sequence - b.sequence)
    .map(({ id, number, issueDate, gross }) => ({ invoiceId: id, number, issueDate, gross }));
}

async function documentFor(ctx: EngineContext, invoice: Invoice, draft: boolean): Promise<InvoiceDocument> {
  const { db } = ctx;
  const project = (await db.projects.get(invoice.projectId))!;
  const milestone = invoice.milestoneId ? await db.milestones.get(invoice.milestoneId) : undefined;
  const profile = await getSetting(db, 'businessProfile');
  const links = milestone ? await db.cardLinks.where('milestoneId').equals(milestone.id).toArray() : [];
  const original = invoice.creditsInvoiceId ? await db.invoices.get(invoice.creditsInvoiceId) : undefined;
  const basis = project.taxes.mode === 'inclusive' ? 'tax included' : 'before tax';
  const share = milestone?.share.kind === 'percent' ? { basisPoints: milestone.share.basisPoints, contractTotal: project.total, basis } as const : undefined;
  // The buyer snapshot decides; invoices issued before it was taken follow the client as it is now.
  const client = invoice.buyer.locale ? undefined : await db.clients.get(invoice.clientId);
  const locale = invoice.buyer.locale ?? client?.locale ?? 'en';
  const paid = (await db.payments.where('invoiceId').equals(invoice.id).toArray()).reduce((acc, payment) => acc + payment.amount, 0);
  return {
    invoice,
    draft,
    locale,
    paper: paperFor({ locale, paper: invoice.buyer.paper ?? client?.paper }),
    project: { name: project.name, contractRef: project.contractRef, termsText: paymentTermsText(project.terms, labelsFor(locale)) },
    share: invoice.kind === 'invoice' ? share : undefined,
    payment: { instructions: profile.paymentInstructions, link: profile.paymentLink },
    logo: profile.logo,
    acceptance: milestone?.acceptance,
    cardUrls: links.map((link) => link.url),
    credits: original && { number: original.number, issueDate: original.issueDate },
    amountDue: invoice.gross - paid,
    summary: milestone && invoice.kind === 'invoice' ? await contractSummary(ctx, invoice, milestone) : undefined,
  };
}

/** The contract's other invoices in force and their payments, printed on the last milestone's invoice. */
async function contractSummary(ctx: EngineContext, invoice: Invoice, milestone: Milestone) {
  const { db } = ctx;
  if (!(await isFinalMilestone(db, milestone))) return undefined;
  const earlier = (await db.invoices.where('projectId').equals(invoice.projectId).toArray())
    .filter((other) => other.kind === 'invoice' && other.id !== invoice.id && !other.voidedBy && other.issueDate <= invoice.issueDate)
    .sort((a, b) => a.sequence - b.sequence);
  const payments = await db.payments.where('invoiceId').anyOf(earlier.map((other) => other.id)).toArray();
  return {
    earlier: earlier.map(({ number, issueDate, gross, prepayment }) => ({ number, issueDate, gross, prepayment: prepayment === true })),
    payments: payments.filter((p) => p.date <= invoice.issueDate).sort((a, b) => a.date.localeCompare(b.date)).map(({ date, amount }) => ({ date, amount })),
  };
}

/** "Invoices/INV-2026-0007 Acme Retail GmbH - Functional prototype.pdf", safe on every file system. */
async function fileNameFor(ctx: EngineContext, invoice: Invoice): Promise<string> {
  const milestone = invoice.milestoneId ? await ctx.db.milestones.get(invoice.milestoneId) : undefined;
  return invoiceFileName(invoice.number, invoice.buyer.name, milestone?.title);
}
