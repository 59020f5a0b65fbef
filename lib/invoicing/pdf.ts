import { jsPDF } from 'jspdf';
import { formatMoney, money } from '../billing/money';
import type { InvoiceDocument } from './document';
import { FONT_FILES, type InvoiceFonts } from './fonts';
import { pdfStamp } from './stamp';

const PAGE = { width: 595.28, height: 841.89, margin: 48, footer: 36 };
const FAMILY = 'InvoiceSans';
const MUTED: [number, number, number] = [90, 98, 110];

export interface RenderedInvoice {
  bytes: Uint8Array;
  /** Characters the embedded font cannot print; they are left out of the PDF. */
  missingCharacters: string[];
  pages: number;
}

/** Writes the invoice as a vector PDF: real text in an embedded font, never a picture of HTML. */
export function renderInvoicePdf(document: InvoiceDocument, fonts: InvoiceFonts): RenderedInvoice {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  doc.addFileToVFS(FONT_FILES.regular, fonts.regular);
  doc.addFileToVFS(FONT_FILES.bold, fonts.bold);
  doc.addFont(FONT_FILES.regular, FAMILY, 'normal');
  doc.addFont(FONT_FILES.bold, FAMILY, 'bold');
  doc.setProperties({ title: titleOf(document), creator: 'Milestone Invoicer' });
  const { creationDate, fileId } = pdfStamp(document.invoice);
  doc.setCreationDate(creationDate).setFileId(fileId);
  const page = new PageWriter(doc);
  const missing = new Set<string>();
  page.onText = (text, style) => {
    for (const char of unprintable(doc, text, style)) missing.add(char);
  };
  writeInvoice(page, document);
  page.numberPages();
  return { bytes: new Uint8Array(doc.output('arraybuffer')), missingCharacters: [...missing], pages: doc.getNumberOfPages() };
}

function titleOf({ invoice, draft }: InvoiceDocument): string {
  if (draft) return 'DRAFT invoice';
  return invoice.kind === 'credit-note' ? `Credit note ${invoice.number}` : `Invoice ${invoice.number}`;
}

/** Characters of `text` that the current font has no glyph for. */
function unprintable(doc: jsPDF, text: string, style: 'normal' | 'bold'): string[] {
  doc.setFont(FAMILY, style);
  const codeMap = (doc.getFont() as unknown as { metadata: { cmap: { unicode: { codeMap: Record<number, number> } } } })
    .metadata.cmap.unicode.codeMap;
  return [...text].filter((char) => !/\s/.test(char) && !codeMap[char.codePointAt(0)!]);
}

/** A cursor down the page that starts a new page when the next block does not fit. */
class PageWriter {
  y = PAGE.margin;
  onText: (text: string, style: 'normal' | 'bold') => void = () => undefined;
  readonly contentWidth = PAGE.width - 2 * PAGE.margin;

  constructor(readonly doc: jsPDF) {}

  ensure(height: number): void {
    if (this.y + height <= PAGE.height - PAGE.margin - PAGE.footer) return;
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  text(text: string, x: number, options: { size?: number; style?: 'normal' | 'bold'; align?: 'left' | 'right'; width?: number; color?: [number, number, number] } = {}): number {
    const { size = 10, style = 'normal', align = 'left', width = this.contentWidth, color = [20, 24, 32] } = options;
    this.onText(text, style);
    this.doc.setFont(FAMILY, style).setFontSize(size).setTextColor(...color);
    const lines = this.doc.splitTextToSize(text, width) as string[];
    const height = lines.length * size * 1.3;
    this.ensure(height);
    this.doc.text(lines, x, this.y + size, { align, lineHeightFactor: 1.3 });
    return height;
  }

  line(gap = 8): void {
    this.ensure(gap * 2);
    this.y += gap;
    this.doc.setDrawColor(210, 214, 220).line(PAGE.margin, this.y, PAGE.width - PAGE.margin, this.y);
    this.y += gap;
  }

  numberPages(): void {
    const total = this.doc.getNumberOfPages();
    for (let number = 1; number <= total; number++) {
      this.doc.setPage(number);
      this.doc.setFont(FAMILY, 'normal').setFontSize(8).setTextColor(...MUTED);
      this.doc.text(`Page ${number} of ${total}`, PAGE.width - PAGE.margin, PAGE.height - PAGE.margin / 2, { align: 'right' });
    }
  }
}

function writeInvoice(page: PageWriter, document: InvoiceDocument): void {
  const { invoice } = document;
  const show = (amount: number) => formatMoney(money(amount, invoice.currency), document.locale);
  writeHeader(page, document);
  writeParties(page, document);
  writeFacts(page, document);
  page.line();
  writeLines(page, document, show);
  writeTotals(page, document, show);
  if (document.summary) writeSummary(page, document.summary, invoice.gross, show);
  page.line();
  writeFooterNotes(page, document);
}

function writeHeader(page: PageWriter, { invoice, draft, logo }: InvoiceDocument): void {
  const right = PAGE.width - PAGE.margin;
  if (logo) page.doc.addImage(logo, PAGE.margin, page.y, 64, 64, undefined, 'FAST');
  const x = logo ? PAGE.margin + 76 : PAGE.margin;
  const nameHeight = page.text(invoice.seller.name, x, { size: 16, style: 'bold', width: 260 });
  const title = draft ? 'DRAFT – NOT AN INVOICE' : invoice.kind === 'credit-note' ? 'CREDIT NOTE' : 'INVOICE';
  const titleHeight = page.text(title, right, { size: 18, style: 'bold', align: 'right', width: 200, color: draft ? [180, 35, 24] : [11, 110, 79] });
  page.y += Math.max(nameHeight, titleHeight, logo ? 64 : 0) + 16;
}

/** Seller and buyer side by side: name, address, tax id, email. */
function writeParties(page: PageWriter, { invoice }: InvoiceDocument): void {
  const column = page.contentWidth / 2 - 12;
  const top = page.y;
  const block = (label: string, party: InvoiceDocument['invoice']['seller'], x: number, taxLabel: string) => {
    page.y = top;
    page.text(label, x, { size: 8, style: 'bold', width: column, color: MUTED });
    page.y += 12;
    page.y += page.text(party.name, x, { style: 'bold', width: column });
    for (const line of [party.address, party.taxId && `${taxLabel} ${party.taxId}`, party.email].filter(Boolean)) {
      page.y += page.text(line as string, x, { width: column });
    }
    return page.y;
  };
  const sellerEnd = block('FROM', invoice.seller, PAGE.margin, 'Tax ID');
  const buyerEnd = block('BILL TO', invoice.buyer, PAGE.margin + page.contentWidth / 2 + 12, 'VAT ID');
  page.y = Math.max(sellerEnd, buyerEnd) + 14;
}

/** Number, dates and references as label–value rows. */
function writeFacts(page: PageWriter, { invoice, draft, project, credits }: InvoiceDocument): void {
  const rows: [string, string][] = [
    [invoice.kind === 'credit-note' ? 'Credit note number' : 'Invoice number', draft ? 'Assigned when issued' : invoice.number],
    ['Issue date', invoice.issueDate],
    [invoice.kind === 'credit-note' ? 'Original supply date' : 'Date of supply', invoice.supplyDate],
    ...(invoice.kind === 'invoice' ? ([['Due date', invoice.dueDate], ['Payment terms', project.termsText]] as [string, string][]) : []),
    ['Project', project.name],
    ...(project.contractRef ? [['Contract reference', project.contractRef] as [string, string]] : []),
    ...(credits ? [['Corrects invoice', `${credits.number} of ${credits.issueDate}`] as [string, string]] : []),
  ];
  for (const [label, value] of rows) {
    page.text(label, PAGE.margin, { size: 9, color: MUTED, width: 140 });
    page.y += page.text(value, PAGE.margin + 150, { size: 9, width: page.contentWidth - 150 });
  }
}

function writeLines(page: PageWriter, { invoice, shareText }: InvoiceDocument, show: (n: number) => string): void {
  const amountX = PAGE.width - PAGE.margin;
  page.text('Description', PAGE.margin, { size: 9, style: 'bold', color: MUTED });
  page.y += page.text('Amount', amountX, { size: 9, style: 'bold', align: 'right', width: 120, color: MUTED });
  page.y += 4;
  for (const [index, line] of invoice.lines.entries()) {
    page.ensure(28);
    const top = page.y;
    page.y += page.text(line.description, PAGE.margin, { width: page.contentWidth - 140 });
    if (index === 0 && shareText) page.y += page.text(shareText, PAGE.margin, { size: 8, color: MUTED, width: page.contentWidth - 140 });
    const bottom = page.y;
    page.y = top;
    page.text(show(line.amount), amountX, { align: 'right', width: 120 });
    page.y = Math.max(bottom, top + 14) + 6;
  }
}

function writeTotals(page: PageWriter, { invoice }: InvoiceDocument, show: (n: number) => string): void {
  page.line(4);
  const row = (label: string, value: string, style: 'normal' | 'bold' = 'normal', size = 10) => {
    page.ensure(size * 1.6);
    page.text(label, PAGE.width - PAGE.margin - 300, { width: 180, style, size });
    page.y += page.text(value, PAGE.width - PAGE.margin, { align: 'right', width: 120, style, size });
  };
  row('Net amount', show(invoice.net));
  for (const tax of invoice.taxLines) row(`${tax.name} ${tax.basisPoints / 100} % of ${show(tax.base)}`, show(tax.amount));
  if (invoice.reverseCharge) row('VAT', show(0));
  row(`Total (${invoice.currency})`, show(invoice.gross), 'bold', 12);
  row(invoice.kind === 'credit-note' ? 'Amount credited' : 'Amount due', show(invoice.gross), 'bold', 12);
  if (invoice.reverseCharge) {
    page.y += 4;
    page.y += page.text('Reverse charge: VAT is to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).', PAGE.margin, { size: 9, style: 'bold' });
  }
}

/** On the final milestone: what was invoiced and paid before, so the client sees the whole contract. */
function writeSummary(page: PageWriter, summary: NonNullable<InvoiceDocument['summary']>, thisGross: number, show: (n: number) => string): void {
  page.line();
  page.y += page.text('Contract summary', PAGE.margin, { style: 'bold' });
  for (const earlier of summary.earlier) {
    page.text(`Invoice ${earlier.number} of ${earlier.issueDate}`, PAGE.margin, { size: 9 });
    page.y += page.text(show(earlier.gross), PAGE.width - PAGE.margin, { size: 9, align: 'right', width: 120 });
  }
  for (const payment of summary.payments) {
    page.text(`Payment received ${payment.date}`, PAGE.margin, { size: 9 });
    page.y += page.text(`−${show(payment.amount)}`, PAGE.width - PAGE.margin, { size: 9, align: 'right', width: 120 });
  }
  const invoiced = summary.earlier.reduce((acc, earlier) => acc + earlier.gross, 0) + thisGross;
  const paid = summary.payments.reduce((acc, payment) => acc + payment.amount, 0);
  page.text('Outstanding on the contract after this invoice', PAGE.margin, { size: 9, style: 'bold' });
  page.y += page.text(show(invoiced - paid), PAGE.width - PAGE.margin, { size: 9, style: 'bold', align: 'right', width: 120 });
}

function writeFooterNotes(page: PageWriter, { invoice, project, payment, acceptance, cardUrls }: InvoiceDocument): void {
  const note = (label: string, value: string) => {
    page.text(label, PAGE.margin, { size: 9, style: 'bold', width: 140 });
    page.y += page.text(value, PAGE.margin + 150, { size: 9, width: page.contentWidth - 150 }) + 4;
  };
  if (invoice.kind === 'invoice') {
    note('Payment', `${project.termsText}, due ${invoice.dueDate}.`);
    if (payment.instructions) note('Pay to', payment.instructions);
    if (payment.link) note('Pay online', payment.link);
  }
  if (acceptance) note('Accepted', `by ${acceptance.by} on ${acceptance.on}${acceptance.evidence ? ` (${acceptance.evidence})` : ''}`);
  for (const url of cardUrls) note('Delivered work', url);
}
