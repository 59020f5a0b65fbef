/**
 * `npm run bench`: one `BENCH <name> <value> <unit>` line per figure, on realistic data sizes.
 * Figures are medians; the database figure runs on fake-indexeddb in Node, not a browser's IDB.
 */
import 'fake-indexeddb/auto';
import { addDays } from '../../lib/billing/dates';
import { milestoneInvoiceDraft } from '../../lib/billing/invoice-draft';
import { receivables, type InvoiceFacts, type MilestoneFacts, type PaymentFacts, type ProjectFacts } from '../../lib/billing/receivables';
import { allocate, scheduleTemplates } from '../../lib/billing/schedule';
import { saveClient } from '../../lib/db/clients';
import { openDatabase } from '../../lib/db/database';
import { attachInvoiceFile, issueInvoice } from '../../lib/db/invoices';
import { createProject } from '../../lib/db/projects';
import { medianMs, report } from './measure';
import { statSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { toBase64 } from '../../lib/bytes';
import type { Invoice } from '../../lib/db/entities';
import { FONT_FILES } from '../../lib/invoicing/fonts';
import { invoiceFontFiles } from '../../lib/invoicing/font-subset';
import { paymentCodeFor } from '../../lib/invoicing/payment-code';
import { renderInvoicePdf } from '../../lib/invoicing/pdf';
import { ciiXml } from '../../lib/invoicing/einvoice/cii';
import { facturXPdf } from '../../lib/invoicing/einvoice/facturx';
import { ublXml } from '../../lib/invoicing/einvoice/ubl';
import { extensionDir } from '../harness/browser';

const PROJECTS = 10_000;
const INVOICES = 10_000;
const PAYMENTS = 30_000;

async function benchSchedules() {
  const totals = Array.from({ length: PROJECTS }, (_, i) => 100_000 + i * 7_919);
  const ms = await medianMs(15, () => {
    for (let i = 0; i < PROJECTS; i++) allocate(totals[i]!, scheduleTemplates[i % scheduleTemplates.length]!.milestones);
  });
  report('schedule.allocate.10k-projects', ms, 'ms');
}

/** 1,000 projects of 10 invoiced milestones each; three part-payments per invoice over a year. */
function receivableFacts() {
  const projects: ProjectFacts[] = [];
  const milestones: MilestoneFacts[] = [];
  const invoices: InvoiceFacts[] = [];
  const payments: PaymentFacts[] = [];
  for (let p = 0; p < INVOICES / 10; p++) {
    projects.push({ id: `p${p}`, currency: p % 3 ? 'EUR' : 'USD', total: 1_000_000, taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }], reverseCharge: false } });
    for (let m = 0; m < 10; m++) {
      const id = `${p}-${m}`;
      const issueDate = addDays('2026-01-01', (p + m * 31) % 330);
      milestones.push({ id: `m${id}`, projectId: `p${p}`, amount: 100_000, startedOn: issueDate, deliveredOn: issueDate });
      invoices.push({ id: `i${id}`, projectId: `p${p}`, milestoneId: `m${id}`, kind: 'invoice', currency: projects[p]!.currency, net: 100_000, gross: 119_000, issueDate, dueDate: addDays(issueDate, 14) });
      for (let k = 0; k < PAYMENTS / INVOICES; k++) payments.push({ invoiceId: `i${id}`, amount: 30_000, date: addDays(issueDate, 10 + k * 20) });
    }
  }
  return { projects, milestones, invoices, payments };
}

async function benchReceivables() {
  const facts = receivableFacts();
  const ms = await medianMs(15, () => receivables(facts, '2026-11-24'));
  report('receivables.10k-invoices.30k-payments', ms, 'ms');
}

async function benchInvoiceWrite() {
  const db = openDatabase('bench');
  const client = await saveClient(db, { name: 'Acme', email: '', address: '', taxId: '', currency: 'EUR', locale: 'en' });
  const { project, milestones } = await createProject(db, {
    clientId: client.id, name: 'Bench', contractRef: '', currency: 'EUR', total: 100_000,
    taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 2000 }], reverseCharge: false },
    terms: { kind: 'net', days: 14 }, invoiceOn: 'done',
    milestones: [{ title: 'All', share: { kind: 'percent', basisPoints: 10_000 } }],
  });
  const { milestoneId: _, ...draft } = milestoneInvoiceDraft({
    seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: '2026-11-24', supplyDate: '2026-11-24',
  });
  const pdf = new Uint8Array(100 * 1024).map((_, i) => (i * 31) & 0xff);
  const ms = await medianMs(40, async () => {
    const { invoice } = await issueInvoice(db, draft, { pattern: 'INV-{seq:5}', yearlyReset: false });
    await attachInvoiceFile(db, invoice.id, pdf, `${invoice.number}.pdf`);
  });
  report('db.issue-invoice-with-100kb-pdf.fake-indexeddb', ms, 'ms');
  db.close();
}

/** An invoice as the engine builds it, with `lines` lines. */
function sampleInvoice(lines: number): Invoice {
  const party = { name: 'Acme Retail GmbH', address: 'Hafenstraße 3, 20457 Hamburg', taxId: 'DE987654321', email: 'ap@acme.example' };
  return {
    id: 'i', kind: 'invoice', number: 'INV-2026-0001', series: 'invoice:2026', sequence: 1, projectId: 'p', clientId: 'c', currency: 'EUR',
    issueDate: '2026-11-24', supplyDate: '2026-11-24', dueDate: '2026-12-08', seller: { ...party, name: 'Northwind Design Studio' }, buyer: party,
    lines: Array.from({ length: lines }, (_, i) => ({
      kind: 'extra' as const, description: `Milestone deliverable ${i + 1}: design, build and hand-over`, quantity: 1, unit: '', unitPrice: 100_000, amount: 100_000, category: 'standard' as const,
    })),
    taxLines: [{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 100_000 * lines, amount: 19_000 * lines }], reverseCharge: false,
    net: 100_000 * lines, tax: 19_000 * lines, gross: 119_000 * lines, createdAt: 0,
  };
}

async function benchInvoicePdf() {
  const files = await invoiceFontFiles();
  const fonts = { regular: toBase64(files.regular), bold: toBase64(files.bold) };
  for (const lines of [1, 40]) {
    const invoice = sampleInvoice(lines);
    const document = {
      invoice, amountDue: invoice.gross, draft: false, locale: 'en-US', paper: 'a4' as const, cardUrls: ['https://trello.com/c/Pr0toT1p/6-x'],
      project: { name: 'Acme website redesign', contractRef: 'ACME-7', termsText: 'Net 14' }, payment: { instructions: 'IBAN DE89 3704', link: '' },
    };
    let size = 0;
    const ms = await medianMs(15, () => (size = renderInvoicePdf(document, fonts).bytes.length));
    report(`invoice.pdf.${lines}-line${lines > 1 ? 's' : ''}.generate`, ms, 'ms');
    report(`invoice.pdf.${lines}-line${lines > 1 ? 's' : ''}.size`, size / 1024, 'KB');
  }
  let size = 0;
  const floor = await medianMs(15, () => {
    const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
    doc.addFileToVFS(FONT_FILES.regular, fonts.regular);
    doc.addFont(FONT_FILES.regular, 'F', 'normal');
    doc.setFont('F', 'normal').text('Invoice INV-2026-0001', 48, 48);
    size = doc.output('arraybuffer').byteLength;
  });
  report('invoice.pdf.floor-jspdf-one-line.generate', floor, 'ms');
  report('invoice.pdf.floor-jspdf-one-line.size', size / 1024, 'KB');
  report('bundle.background', statSync(`${extensionDir}/background.js`).size / 1024, 'KB');
}

/** The payment code's cost: a 1-line invoice without a code, with the EPC code (IBAN, EUR), and with a payment-link code. */
async function benchPaymentCode() {
  const files = await invoiceFontFiles();
  const fonts = { regular: toBase64(files.regular), bold: toBase64(files.bold) };
  const plain = sampleInvoice(1);
  const base = {
    amountDue: plain.gross, draft: false, locale: 'de-DE', paper: 'a4' as const, cardUrls: [],
    project: { name: 'Acme website redesign', contractRef: 'ACME-7', termsText: 'Zahlbar innerhalb von 14 Tagen' },
  };
  const variants = {
    none: { ...base, invoice: plain, payment: { instructions: '', link: '' } },
    epc: { ...base, invoice: { ...plain, seller: { ...plain.seller, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } }, payment: { instructions: '', link: '' } },
    link: { ...base, invoice: plain, payment: { instructions: '', link: 'https://pay.northwind.example/acme/INV-2026-0001' } },
  };
  for (const [name, document] of Object.entries(variants)) {
    let size = 0;
    const ms = await medianMs(15, () => (size = renderInvoicePdf(document, fonts).bytes.length));
    report(`invoice.pdf.1-line.qr-${name}.generate`, ms, 'ms');
    report(`invoice.pdf.1-line.qr-${name}.size`, size / 1024, 'KB');
  }
  const encode = await medianMs(15, () => paymentCodeFor(variants.epc));
  report('invoice.payment-code.epc.encode', encode, 'ms');
}

await benchSchedules();
await benchReceivables();
/** EN 16931 XML in both syntaxes, and the Factur-X post-processing of the rendered PDF (its time and what it adds). */
async function benchEInvoices() {
  const files = await invoiceFontFiles();
  const fonts = { regular: toBase64(files.regular), bold: toBase64(files.bold) };
  for (const lines of [1, 40]) {
    const invoice = sampleInvoice(lines);
    const name = `${lines}-line${lines > 1 ? 's' : ''}`;
    const source = { invoice, customization: 'en16931' as const, contractRef: 'ACME-7', paymentTerms: 'Net 14' };
    report(`einvoice.ubl.${name}.generate`, await medianMs(50, () => ublXml(source)), 'ms');
    report(`einvoice.cii.${name}.generate`, await medianMs(50, () => ciiXml(source)), 'ms');
    const pdf = renderInvoicePdf({
      invoice, amountDue: invoice.gross, draft: false, locale: 'en-US', paper: 'a4', cardUrls: [],
      project: { name: 'Acme website redesign', contractRef: 'ACME-7', termsText: 'Net 14' }, payment: { instructions: 'IBAN DE89 3704', link: '' },
    }, fonts).bytes;
    const xml = ciiXml(source);
    let size = 0;
    report(`einvoice.facturx.${name}.postprocess`, await medianMs(15, async () => (size = (await facturXPdf(pdf, xml, invoice.createdAt)).length)), 'ms');
    report(`einvoice.facturx.${name}.size`, size / 1024, 'KB');
    report(`einvoice.facturx.${name}.added`, (size - pdf.length) / 1024, 'KB');
  }
}

await benchInvoiceWrite();
await benchInvoicePdf();
await benchPaymentCode();
await benchEInvoices();
