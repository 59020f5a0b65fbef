import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import type { EInvoiceDelivery } from '../../../lib/db/entities';
import { deliveredFiles, einvoiceFile } from '../../../lib/invoicing/einvoice/delivery';
import { invoiceMilestone, invoicePdf, type EngineContext } from '../../../lib/invoicing/engine';
import { handlers } from '../../../lib/messaging/handlers';
import { freshDatabase } from '../db/helpers';
import { handlerContext } from '../messaging/context';
import { contract, mixedRates } from './support';
import { brokenRules, loadRules } from './validate';

// Compiling the CEN rules takes about 20 s a syntax when idle, minutes on a busy two-core machine (cached afterwards).
beforeAll(loadRules, 300_000);

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** An issued invoice whose client receives it as `delivery`. */
async function issuedFor(delivery: EInvoiceDelivery, client: { address?: string; taxId?: string; locale?: string } = {}) {
  const made = await contract(mixedRates(), client);
  await made.db.clients.update(made.client.id, { einvoice: delivery, ...(client.locale ? { locale: client.locale } : {}) });
  await made.deliver(made.prototype);
  const issued = await invoiceMilestone(made.ctx, made.prototype);
  return { ...made, ...issued };
}

/** The XML a Factur-X PDF carries, as pdf-lib reads its attachments. */
async function attachedXml(pdf: Uint8Array) {
  const attachments = (await PDFDocument.load(pdf)).getAttachments();
  return attachments.map((attachment) => ({ name: attachment.name, xml: text(attachment.data) }));
}

// Each test issues invoices, builds e-invoices and validates them: room for a busy two-core machine.
describe('e-invoices as the client receives them', { timeout: 30_000 }, () => {
  it('a Factur-X client gets the Factur-X PDF instead of the plain one, carrying valid XML', async () => {
    const { ctx, invoice, file } = await issuedFor({ format: 'facturx', syntax: 'cii', customization: 'en16931', buyerReference: 'PO-4711' });
    const { files, problem } = await deliveredFiles(ctx, invoice, file);
    expect(problem).toBeUndefined();
    expect(files.map((delivered) => delivered.filename)).toEqual(['INV-2026-0001 Acme Retail GmbH - Functional prototype (Factur-X).pdf']);
    const [attached] = await attachedXml(files[0]!.bytes);
    expect(attached!.name).toBe('factur-x.xml');
    expect(attached!.xml).toContain('<ram:BuyerReference>PO-4711</ram:BuyerReference>');
    expect(await brokenRules(attached!.xml)).toEqual([]);
  });

  it('a PDF-and-XML client gets the PDF and the XRechnung UBL, which validates', async () => {
    const { ctx, invoice, file } = await issuedFor({ format: 'pdf-xml', syntax: 'ubl', customization: 'xrechnung', buyerReference: '04011000-12345-34' });
    const { files } = await deliveredFiles(ctx, invoice, file);
    expect(files.map(({ filename, mime }) => [filename, mime])).toEqual([
      ['INV-2026-0001 Acme Retail GmbH - Functional prototype.pdf', 'application/pdf'],
      ['INV-2026-0001 Acme Retail GmbH - Functional prototype (UBL).xml', 'application/xml'],
    ]);
    expect(files[0]!.bytes).toEqual(file.bytes);
    const xml = text(files[1]!.bytes);
    expect(xml).toContain('xrechnung_3.0');
    expect(await brokenRules(xml)).toEqual([]);
  });

  it('a PDF client gets the PDF alone', async () => {
    const { ctx, invoice, file } = await issuedFor({ format: 'pdf', syntax: 'cii', customization: 'en16931', buyerReference: '' });
    expect((await deliveredFiles(ctx, invoice, file)).files.map((delivered) => delivered.filename)).toEqual(['INV-2026-0001 Acme Retail GmbH - Functional prototype.pdf']);
  });

  it('an e-invoice that cannot be made leaves the plain PDF and says what to add', async () => {
    const nowhere = { address: 'Somewhere 1\n12345 Town', taxId: '', locale: 'de' };
    const { ctx, invoice, file, db } = await issuedFor({ format: 'facturx', syntax: 'cii', customization: 'en16931', buyerReference: '' }, nowhere);
    const { files, problem } = await deliveredFiles(ctx, invoice, file);
    expect(files.map((delivered) => delivered.filename)).toEqual(['INV-2026-0001 Acme Retail GmbH - Functional prototype.pdf']);
    expect(problem).toBe('INV-2026-0001 was saved as a plain PDF, without its e-invoice. Add the country of Acme Retail GmbH as the last line of the client’s address: e-invoices state it.');
    expect(await db.invoices.count()).toBe(1);
  });

  it('rebuilds Factur-X, UBL and CII byte-identically after a backup is restored into another browser', async () => {
    const { ctx, db, invoice } = await issuedFor({ format: 'pdf-xml', syntax: 'cii', customization: 'peppol', buyerReference: 'PO-4711' });
    const before = await Promise.all((['facturx', 'ubl', 'cii'] as const).map((kind) => einvoiceFile(ctx, invoice.id, kind)));
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(await exportBackup(db)));
    if (!plan.ok) throw new Error(plan.error);
    await applyImport(fresh, plan.backup, 'replace');
    const elsewhere: EngineContext = { ...ctx, db: fresh, today: '2027-03-01', now: 99_000_000 };
    const after = await Promise.all((['facturx', 'ubl', 'cii'] as const).map((kind) => einvoiceFile(elsewhere, invoice.id, kind)));
    expect(after.map((file) => file.bytes)).toEqual(before.map((file) => file.bytes));
    expect((await invoicePdf(elsewhere, invoice.id)).file.sha256).toBe((await invoicePdf(ctx, invoice.id)).file.sha256);
  });

  it('the workspace’s "invoice.einvoice" message downloads the chosen file into the invoices folder', async () => {
    const { db, invoice } = await issuedFor({ format: 'pdf-xml', syntax: 'ubl', customization: 'en16931', buyerReference: '' });
    const context = handlerContext(db);
    const downloads: { filename: string; mime?: string }[] = [];
    context.invoices.outbox.download = async (_bytes, filename, mime) => void downloads.push({ filename, mime });
    expect(await handlers['invoice.einvoice']({ invoiceId: invoice.id, kind: 'ubl' }, context)).toEqual({ filename: 'INV-2026-0001 Acme Retail GmbH - Functional prototype (UBL).xml' });
    expect(downloads).toEqual([{ filename: 'Invoices/INV-2026-0001 Acme Retail GmbH - Functional prototype (UBL).xml', mime: 'application/xml' }]);
  });
});
