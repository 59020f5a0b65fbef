import { InputError, PartialFailure } from '../db/errors';
import { EarlierDateError } from '../db/invoices';
import { advanceMilestone, recordAcceptance } from '../db/milestones';
import { getSetting } from '../db/settings';
import type { PartialCredit } from '../db/invoices';
import { t } from '../ui/i18n';
import { creditInvoice, draftPdf, invoiceMilestone, invoicePdf, voidInvoice, type EngineContext, type InvoiceRequest, type IssuedInvoice } from './engine';

/** Where issued documents go: a notification and the downloads folder, in the extension. */
export interface InvoiceOutbox {
  issued(issued: IssuedInvoice, download: { folder: string; now: boolean }): Promise<void>;
  notice(title: string, message: string): Promise<void>;
  download(bytes: Uint8Array, filename: string, mime?: string): Promise<void>;
}

export interface InvoiceServices {
  engine: () => EngineContext;
  outbox: InvoiceOutbox;
}

async function announce(services: InvoiceServices, issued: IssuedInvoice): Promise<IssuedInvoice> {
  if (!issued.created) return issued;
  const { folder, downloadOnIssue } = await getSetting(services.engine().db, 'invoiceFiles');
  await services.outbox.issued(issued, { folder, now: downloadOnIssue });
  if (issued.missingCharacters.length) {
    await services.outbox.notice(
      t('missingCharactersTitle', issued.invoice.number),
      t('missingCharactersMessage', issued.missingCharacters.join(' ')),
    );
  }
  return issued;
}

/** Issues and announces a milestone's invoice (one click, or its delivery). */
export async function issueFor(services: InvoiceServices, milestoneId: string, request: InvoiceRequest = {}): Promise<IssuedInvoice> {
  return announce(services, await invoiceMilestone(services.engine(), milestoneId, request));
}

export async function voidAndAnnounce(services: InvoiceServices, invoiceId: string, reason?: string): Promise<IssuedInvoice> {
  return announce(services, await voidInvoice(services.engine(), invoiceId, reason));
}

export async function creditAndAnnounce(services: InvoiceServices, invoiceId: string, credit: PartialCredit): Promise<IssuedInvoice> {
  return announce(services, await creditInvoice(services.engine(), invoiceId, credit));
}

/**
 * A milestone was just delivered: issue its invoice, or, when its project waits for the client's
 * acceptance, say so. A failure to issue never undoes the delivery; the user is told why. With
 * `askEarlierDate` (the user is at the workspace to answer), an earlier issue date is thrown, not noticed.
 */
export async function afterDelivery(services: InvoiceServices, milestoneId: string, { askEarlierDate = false } = {}): Promise<void> {
  const { db } = services.engine();
  const milestone = (await db.milestones.get(milestoneId))!;
  const project = (await db.projects.get(milestone.projectId))!;
  if (project.invoiceOn === 'acceptance') {
    return services.outbox.notice(t('deliveredTitle', milestone.title), t('recordAcceptanceToIssue'));
  }
  try {
    await issueFor(services, milestoneId);
  } catch (error) {
    if (error instanceof EarlierDateError && askEarlierDate) throw error;
    if (error instanceof PartialFailure) return services.outbox.notice(t('deliveredAndInvoiced', milestone.title), error.message);
    if (!(error instanceof InputError)) throw error;
    await services.outbox.notice(t('deliveredNotInvoicedTitle', milestone.title), error.message);
  }
}

/**
 * Invoices and credit notes issued before this worker started whose PDF was never stored (the
 * worker was stopped, or the disk was full): rendered from their records, stored and announced.
 */
export async function saveMissingPdfs(services: InvoiceServices, issuedBefore: number): Promise<string[]> {
  const ctx = services.engine();
  const stored = new Set(await ctx.db.invoiceFiles.toCollection().primaryKeys());
  const missing = await ctx.db.invoices.filter((invoice) => invoice.createdAt < issuedBefore && !stored.has(invoice.id)).primaryKeys();
  const saved: string[] = [];
  for (const invoiceId of missing) {
    try {
      const { invoice, ...pdf } = await invoicePdf(ctx, invoiceId);
      await announce(services, { invoice, ...pdf, created: true });
      saved.push(invoice.number);
    } catch (error) {
      // Still failing (a full disk): downloading the invoice tries again.
      console.warn('[milestone-invoicer] saving a missing PDF failed', error);
    }
  }
  return saved;
}

/** "Mark delivered" from the workspace: the same path as a card reaching Done, but an earlier date is asked about. */
export async function markDelivered(services: InvoiceServices, milestoneId: string): Promise<void> {
  const ctx = services.engine();
  await advanceMilestone(ctx.db, milestoneId, 'delivered', ctx.today, ctx.now);
  await afterDelivery(services, milestoneId, { askEarlierDate: true });
}

export async function acceptAndIssue(services: InvoiceServices, milestoneId: string, acceptance: { by: string; on: string; evidence: string }) {
  const ctx = services.engine();
  await recordAcceptance(ctx.db, milestoneId, acceptance, ctx.now);
  return issueFor(services, milestoneId);
}

export async function downloadDraft(services: InvoiceServices, milestoneId: string): Promise<void> {
  const ctx = services.engine();
  const milestone = (await ctx.db.milestones.get(milestoneId))!;
  const { folder } = await getSetting(ctx.db, 'invoiceFiles');
  const rendered = await draftPdf(ctx, milestoneId);
  await services.outbox.download(rendered.bytes, join(folder, `DRAFT ${milestone.title.replace(/[\\/:*?"<>|]+/g, '-')}.pdf`));
}

export const join = (folder: string, file: string) => (folder ? `${folder.replace(/\/+$/, '')}/${file}` : file);
