import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ciiXml } from '../../../lib/invoicing/einvoice/cii';
import { facturXPdf } from '../../../lib/invoicing/einvoice/facturx';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { contract, mixedRates } from './support';
import { brokenRules, loadRules } from './validate';

// Compiling the CEN rules takes about 20 s a syntax when idle, minutes on a busy two-core machine (cached afterwards).
beforeAll(loadRules, 300_000);

const workdir = mkdtempSync(path.join(tmpdir(), 'facturx-'));
afterAll(() => rmSync(workdir, { recursive: true }));
/** Runs a poppler tool on the PDF, as a user's PDF reader or accountant's tool would read it. */
function poppler(tool: string, bytes: Uint8Array, ...args: string[]): string {
  const file = path.join(workdir, `${tool}.pdf`);
  writeFileSync(file, bytes);
  // pdftotext writes to a file unless told "-" (standard output) after the input.
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { cwd: workdir, encoding: 'utf8' });
}

async function issuedPdf() {
  const { ctx, prototype, deliver } = await contract(mixedRates());
  await deliver(prototype);
  return invoiceMilestone(ctx, prototype, { extras: [{ description: 'Printed manuals', quantity: 3, unit: 'pcs', unitPrice: 2_999, category: 'reduced' }] });
}

async function issued() {
  const { invoice, file } = await issuedPdf();
  const xml = ciiXml({ invoice, customization: 'en16931', contractRef: 'ACME-2026-07', paymentTerms: 'Net 14' });
  return { invoice, xml, pdf: await facturXPdf(file.bytes, xml, invoice.createdAt) };
}

// Each test issues an invoice, post-processes its PDF and runs poppler tools: room for a busy two-core machine.
describe('Factur-X PDFs', { timeout: 30_000 }, () => {
  it('carry factur-x.xml, which pdfdetach extracts and which validates against the CEN rules', async () => {
    const { xml, pdf } = await issued();
    expect(poppler('pdfdetach', pdf, '-list')).toMatch(/^1 embedded files\n1: factur-x.xml\n$/);
    poppler('pdfdetach', pdf, '-save', '1', '-o', path.join(workdir, 'extracted.xml'));
    const extracted = readFileSync(path.join(workdir, 'extracted.xml'), 'utf8');
    expect(extracted).toBe(xml);
    expect(await brokenRules(extracted)).toEqual([]);
  });

  it('say PDF/A-3b and Factur-X EN 16931 in their XMP, with an sRGB output intent and the file linked from /AF', async () => {
    const { pdf } = await issued();
    const meta = poppler('pdfinfo', pdf, '-meta');
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>|pdfaid:part="3"/);
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>|pdfaid:conformance="B"/);
    expect(meta).toMatch(/fx:DocumentType[>="]+INVOICE/);
    expect(meta).toMatch(/fx:DocumentFileName[>="]+factur-x\.xml/);
    expect(meta).toMatch(/fx:Version[>="]+1\.0/);
    expect(meta).toMatch(/fx:ConformanceLevel[>="]+EN 16931/);
    // The PDF/A extension schema that declares the fx: properties, so PDF/A validators accept them.
    expect(meta).toContain('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#');
    expect(meta).toMatch(/pdfaExtension:schemas/);
    const catalog = (await PDFDocument.load(pdf)).catalog;
    const associated = catalog.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict);
    expect(associated.lookup(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    expect(associated.lookup(PDFName.of('UF'), PDFHexString).decodeText()).toBe('factur-x.xml');
    const intent = catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
    expect(poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean).every((row) => / yes /.test(row))).toBe(true);
  });

  it('still read as the invoice: pdftotext finds the amount the XML states', async () => {
    const { invoice, xml, pdf } = await issued();
    const grand = /<ram:GrandTotalAmount>([^<]+)</.exec(xml)![1]!;
    expect(grand).toBe((invoice.gross / 100).toFixed(2));
    const german = Number(grand).toLocaleString('de-DE', { minimumFractionDigits: 2 });
    expect(poppler('pdftotext', pdf, '-layout').replace(/\s+/g, ' ')).toContain(`${german} €`);
  });

  it('do not depend on the clock: built again a year later, the bytes are the same', async () => {
    const { invoice, file } = await issuedPdf();
    const xml = ciiXml({ invoice, customization: 'en16931' });
    const first = await facturXPdf(file.bytes, xml, invoice.createdAt);
    vi.useFakeTimers({ now: new Date('2027-11-24T12:00:00Z'), toFake: ['Date'] });
    try {
      expect(await facturXPdf(file.bytes, xml, invoice.createdAt)).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });
});
