import { labelsFor } from '../labels';
import { paymentTermsText } from '../labels/terms';
import { plainPdfDelivery, type EInvoiceDelivery, type Invoice, type InvoiceFile } from '../../db/entities';
import { InputError } from '../../db/errors';
import { invoicePdf, type EngineContext } from '../engine';
import type { EInvoiceSource } from './business-terms';
import { offeredKinds, type EInvoiceKind } from './kinds';
import { ciiXml } from './cii';
import { facturXPdf } from './facturx';
import { ublXml } from './ubl';
import { t } from '../../ui/i18n';


export interface DeliveredFile {
  bytes: Uint8Array;
  filename: string;
  mime: string;
}

/** How the invoice's client receives invoices; the PDF alone for clients saved before e-invoices. */
export async function deliveryFor(ctx: EngineContext, invoice: Pick<Invoice, 'clientId'>): Promise<EInvoiceDelivery> {
  return (await ctx.db.clients.get(invoice.clientId))?.einvoice ?? plainPdfDelivery;
}


/**
 * An invoice's e-invoice, rebuilt from its records: the stored PDF, the invoice, its project's
 * contract reference and terms and the client's buyer reference. Nothing reads the clock, so the
 * same records always give the same bytes and the backup needs to carry nothing more.
 */
export async function einvoiceFile(ctx: EngineContext, invoiceId: string, kind: EInvoiceKind): Promise<DeliveredFile> {
  const { invoice, file } = await invoicePdf(ctx, invoiceId);
  const delivery = await deliveryFor(ctx, invoice);
  const base = file.filename.replace(/\.pdf$/i, '');
  if (kind === 'facturx') {
    // Factur-X's EN 16931 profile names EN 16931 itself; XRechnung and Peppol apply to the separate XML.
    const xml = ciiXml(await sourceFor(ctx, invoice, { ...delivery, customization: 'en16931' }));
    return { bytes: await facturXPdf(file.bytes, xml, invoice.createdAt), filename: `${base} (Factur-X).pdf`, mime: 'application/pdf' };
  }
  const source = await sourceFor(ctx, invoice, delivery);
  const xml = kind === 'ubl' ? ublXml(source) : ciiXml(source);
  return { bytes: new TextEncoder().encode(xml), filename: `${base} (${kind.toUpperCase()}).xml`, mime: 'application/xml' };
}

/**
 * What a client receives when an invoice is issued: the PDF, the Factur-X PDF instead, or the PDF
 * and the XML. An e-invoice that cannot be made (a country missing) leaves the PDF and says why.
 */
export async function deliveredFiles(ctx: EngineContext, invoice: Invoice, file: InvoiceFile): Promise<{ files: DeliveredFile[]; problem?: string }> {
  const delivery = await deliveryFor(ctx, invoice);
  const pdf = { bytes: file.bytes, filename: file.filename, mime: 'application/pdf' };
  try {
    const extras = await Promise.all(offeredKinds(delivery).map((kind) => einvoiceFile(ctx, invoice.id, kind)));
    return { files: delivery.format === 'facturx' ? extras : [pdf, ...extras] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { files: [pdf], problem: `${invoice.number} was saved as a plain PDF, without its e-invoice. ${error.message}.` };
  }
}

async function sourceFor(ctx: EngineContext, invoice: Invoice, delivery: EInvoiceDelivery): Promise<EInvoiceSource> {
  const project = await ctx.db.projects.get(invoice.projectId);
  if (!project) throw new InputError(t('invoiceProjectGone'));
  const original = invoice.creditsInvoiceId ? await ctx.db.invoices.get(invoice.creditsInvoiceId) : undefined;
  return {
    invoice,
    customization: delivery.customization,
    buyerReference: delivery.buyerReference,
    contractRef: project.contractRef,
    paymentTerms: paymentTermsText(project.terms, labelsFor(invoice.buyer.locale)),
    credits: original && { number: original.number, issueDate: original.issueDate },
  };
}
