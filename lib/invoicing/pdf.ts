import { jsPDF } from 'jspdf';
import { printedIban } from '../billing/bank-account';
import type { InvoiceLine } from '../db/entities';
import type { InvoiceDocument } from './document';
import { FONT_FILES, type InvoiceFonts } from './fonts';
import { labelsFor, type Labels } from './labels';
import { lateTermsText } from './labels/terms';
import { printFormats, type Paper, type PrintFormats } from './print-locale';
import { paymentCodeFor, type PaymentCode } from './payment-code';
import { pdfStamp } from './stamp';

/** Page sizes in points, as jsPDF and PDF readers measure them. */
const PAPER: Record<Paper, { width: number; height: number }> = { a4: { width: 595.28, height: 841.89 }, letter: { width: 612, height: 792 } };
const MARGIN = 48;
const FOOTER = 36;
/** The content box is as wide on Letter as on A4 and centred, so one layout fits both papers. */
const CONTENT_WIDTH = PAPER.a4.width - 2 * MARGIN;
/** Horizontal positions below are measured from the content box's left edge. */
const RIGHT = CONTENT_WIDTH;
const FAMILY = 'InvoiceSans';
const INK: Color = [20, 24, 32];
const MUTED: Color = [90, 98, 110];
const DRAFT_RED: Color = [180, 35, 24];
const ACCENT: Color = [11, 110, 79];

type Color = [number, number, number];
type Style = 'normal' | 'bold';
interface TextOptions { size?: number; style?: Style; align?: 'left' | 'right'; width?: number; color?: Color }
/** How one invoice writes: amounts and dates in the client's locale, words in the client's language. */
type Writing = PrintFormats & { words: Labels };

/** The lines table: where each column ends (numbers are right-aligned) and how wide it is. */
const COLUMNS = {
  description: { x: 0, width: 214 },
  quantity: { right: 278, width: 56 },
  unitPrice: { right: 384, width: 100 },
  amount: { right: RIGHT, width: 108 },
};
/** The totals block: a wrapping label column and a right-aligned amount column. */
const TOTALS = { labelX: 140, labelWidth: 200, valueWidth: 150 };
/** The payment QR code's width in points (3.4 cm: banking apps want at least 2 cm) and its quiet zone in modules. */
const QR = { width: 96, quietModules: 4 };

export interface RenderedInvoice {
  bytes: Uint8Array;
  /** Characters the embedded font cannot print; they are left out of the PDF. */
  missingCharacters: string[];
  pages: number;
}

/** Writes the invoice as a vector PDF: real text in an embedded font, never a picture of HTML. */
export function renderInvoicePdf(document: InvoiceDocument, fonts: InvoiceFonts): RenderedInvoice {
  const doc = new jsPDF({ unit: 'pt', format: document.paper, compress: true });
  doc.addFileToVFS(FONT_FILES.regular, fonts.regular);
  doc.addFileToVFS(FONT_FILES.bold, fonts.bold);
  doc.addFont(FONT_FILES.regular, FAMILY, 'normal');
  doc.addFont(FONT_FILES.bold, FAMILY, 'bold');
  doc.setProperties({ title: titleOf(document, labelsFor(document.locale)), creator: 'Milestone Invoicer' });
  const { creationDate, fileId } = pdfStamp(document.invoice);
  doc.setCreationDate(creationDate).setFileId(fileId);
  const page = new PageWriter(doc, PAPER[document.paper]);
  const missing = new Set<string>();
  page.onText = (text, style) => {
    for (const char of unprintable(doc, text, style)) missing.add(char);
  };
  const writing: Writing = { ...printFormats(document.locale, document.invoice.currency, (char) => fontHas(doc, char)), words: labelsFor(document.locale) };
  page.continuation = () => writeRunningHeader(page, document, writing.words);
  writeInvoice(page, document, writing);
  page.finishPages(document.draft, writing.words);
  return { bytes: new Uint8Array(doc.output('arraybuffer')), missingCharacters: [...missing], pages: doc.getNumberOfPages() };
}

/** "Invoice", "Credit note", "Prepayment invoice" in the client's language. */
function kindOf({ invoice }: InvoiceDocument, words: Labels): string {
  if (invoice.kind === 'credit-note') return words.creditNote;
  return invoice.prepayment ? words.prepaymentInvoice : words.invoice;
}

function headingOf(document: InvoiceDocument, words: Labels, locale: string): string {
  return document.draft ? words.draft : kindOf(document, words).toLocaleUpperCase(locale);
}

function titleOf(document: InvoiceDocument, words: Labels): string {
  return document.draft ? words.draftTitle : `${kindOf(document, words)} ${document.invoice.number}`;
}

/** Characters of `text` that the current font has no glyph for. */
function unprintable(doc: jsPDF, text: string, style: Style): string[] {
  return [...text].filter((char) => !/\s/.test(char) && !fontHas(doc, char, style));
}

function fontHas(doc: jsPDF, char: string, style: Style = 'normal'): boolean {
  doc.setFont(FAMILY, style);
  const codeMap = (doc.getFont() as unknown as { metadata: { cmap: { unicode: { codeMap: Record<number, number> } } } })
    .metadata.cmap.unicode.codeMap;
  return Boolean(codeMap[char.codePointAt(0)!]);
}

/** A cursor down the page that starts a new page, with its running header, when a block does not fit. */
class PageWriter {
  y = MARGIN;
  onText: (text: string, style: Style) => void = () => undefined;
  /** Drawn at the top of every page after the first (number, and column headings inside a table). */
  continuation: () => void = () => undefined;
  readonly contentWidth = CONTENT_WIDTH;
  /** Where the content box starts on this paper. */
  readonly left: number;
  readonly height: number;

  constructor(readonly doc: jsPDF, paper: { width: number; height: number }) {
    this.left = (paper.width - CONTENT_WIDTH) / 2;
    this.height = paper.height;
  }

  ensure(height: number): void {
    if (this.y + height <= this.height - MARGIN - FOOTER) return;
    this.doc.addPage();
    this.y = MARGIN;
    this.continuation();
  }

  /** The wrapped lines of `text` in a column and the height they take. */
  measure(text: string, { size = 10, style = 'normal', width = this.contentWidth }: TextOptions = {}): { lines: string[]; height: number } {
    this.doc.setFont(FAMILY, style).setFontSize(size);
    const lines = this.doc.splitTextToSize(text, width) as string[];
    return { lines, height: lines.length * size * 1.3 };
  }

  /** The font size, at most `size`, at which `text` fits `width` on one line: a long word is shrunk, never broken. */
  fit(text: string, { size = 10, style = 'normal', width = this.contentWidth }: TextOptions): number {
    this.doc.setFont(FAMILY, style).setFontSize(size);
    const natural = this.doc.getTextWidth(text);
    return natural <= width ? size : Math.floor((size * width) / natural * 10) / 10;
  }

  /** Draws wrapped text at the cursor without moving it; returns its height. */
  draw(text: string, x: number, options: TextOptions = {}): number {
    const { size = 10, style = 'normal', align = 'left', color = INK } = options;
    this.onText(text, style);
    const { lines, height } = this.measure(text, options);
    this.doc.setTextColor(...color);
    this.doc.text(lines, this.left + x, this.y + size, { align, lineHeightFactor: 1.3 });
    return height;
  }

  /** Text that must fit whole on one page: moves to the next page first if it does not. */
  text(text: string, x: number, options: TextOptions = {}): number {
    this.ensure(this.measure(text, options).height);
    return this.draw(text, x, options);
  }

  /** Cells drawn side by side as one row, kept on one page; the cursor moves below the tallest. */
  row(cells: [text: string, x: number, options: TextOptions][], gap = 2): void {
    const height = Math.max(...cells.map(([text, , options]) => this.measure(text, options).height));
    this.ensure(height + gap);
    for (const [text, x, options] of cells) this.draw(text, x, options);
    this.y += height + gap;
  }

  rule(gap = 8): void {
    this.ensure(gap * 2);
    this.y += gap;
    this.doc.setDrawColor(210, 214, 220).line(this.left, this.y, this.left + RIGHT, this.y);
    this.y += gap;
  }

  /** Page numbers on every page, and the DRAFT mark on every page of a draft. */
  finishPages(draft: boolean, words: Labels): void {
    const total = this.doc.getNumberOfPages();
    for (let number = 1; number <= total; number++) {
      this.doc.setPage(number);
      this.doc.setFont(FAMILY, 'normal').setFontSize(8).setTextColor(...MUTED);
      this.doc.text(words.pageOf(String(number), String(total)), this.left + RIGHT, this.height - MARGIN / 2, { align: 'right' });
      if (draft) {
        this.doc.setFont(FAMILY, 'bold').setFontSize(9).setTextColor(...DRAFT_RED);
        this.doc.text(words.draft, this.left, this.height - MARGIN / 2);
      }
    }
  }
}

function writeInvoice(page: PageWriter, document: InvoiceDocument, formats: Writing): void {
  writeHeader(page, document, formats);
  writeParties(page, document, formats);
  writeFacts(page, document, formats);
  page.rule();
  writeLines(page, document, formats);
  writeTotals(page, document, formats);
  if (document.summary) writeSummary(page, document, formats);
  page.rule();
  writeFooterNotes(page, document, formats);
}

/** Seller and title, then what the client must act on: the amount due and when. */
function writeHeader(page: PageWriter, document: InvoiceDocument, { money: show, date, words, locale }: Writing): void {
  const { invoice, logo, draft } = document;
  if (logo) page.doc.addImage(logo, page.left, page.y, 64, 64, undefined, 'FAST');
  const x = logo ? 76 : 0;
  const nameHeight = page.draw(invoice.seller.name, x, { size: 16, style: 'bold', width: 240 });
  const heading = headingOf(document, words, locale);
  const headingSize = page.fit(heading, { size: 18, style: 'bold', width: 250 });
  const titleHeight = page.draw(heading, RIGHT, { size: headingSize, style: 'bold', align: 'right', width: 250, color: draft ? DRAFT_RED : ACCENT });
  page.y += Math.max(nameHeight, titleHeight, logo ? 64 : 0) + 10;
  const credit = invoice.kind === 'credit-note';
  page.row([[credit ? words.amountCredited : words.amountDue, RIGHT, { size: 9, align: 'right', width: 220, color: MUTED }]], 0);
  page.row([[show(credit ? invoice.gross : document.amountDue), RIGHT, { size: 20, style: 'bold', align: 'right', width: 260 }]], 2);
  if (!credit) page.row([[words.dueOn(date(invoice.dueDate)), RIGHT, { size: 10, style: 'bold', align: 'right', width: 220 }]], 0);
  page.y += 10;
}

/** On pages after the first: which document this is, so a loose page is never anonymous. */
function writeRunningHeader(page: PageWriter, document: InvoiceDocument, words: Labels): void {
  const number = document.draft ? words.draft : titleOf(document, words);
  page.row([
    [number, 0, { size: 9, style: 'bold', width: 300, color: document.draft ? DRAFT_RED : INK }],
    [document.invoice.seller.name, RIGHT, { size: 9, align: 'right', width: 190, color: MUTED }],
  ], 12);
}

/** Seller and buyer side by side. The seller's name heads the page, so it is not repeated here. */
function writeParties(page: PageWriter, { invoice }: InvoiceDocument, { words }: Writing): void {
  const column = page.contentWidth / 2 - 12;
  const top = page.y;
  const block = (label: string, lines: string[], x: number, nameFirst: boolean) => {
    page.y = top;
    page.y += page.draw(label, x, { size: 8, style: 'bold', width: column, color: MUTED }) + 2;
    for (const [index, line] of lines.entries()) page.y += page.draw(line, x, { width: column, style: index === 0 && nameFirst ? 'bold' : 'normal' });
    return page.y;
  };
  const { seller, buyer } = invoice;
  const sellerEnd = block(words.from, [seller.address, seller.taxId && words.sellerTaxId(seller.taxId), seller.email].filter(Boolean), 0, false);
  const buyerEnd = block(words.billTo, [buyer.name, buyer.address, buyer.taxId && words.buyerVatId(buyer.taxId), buyer.email].filter(Boolean), page.contentWidth / 2 + 12, true);
  page.y = Math.max(sellerEnd, buyerEnd) + 14;
}

/** Number, dates and references as label–value rows. A prepayment has no date of supply yet. */
function writeFacts(page: PageWriter, { invoice, draft, project, credits }: InvoiceDocument, { date, words }: Writing): void {
  const isInvoice = invoice.kind === 'invoice';
  const rows: [string, string][] = [
    [isInvoice ? words.invoiceNumber : words.creditNoteNumber, draft ? words.assignedWhenIssued : invoice.number],
    [words.issueDate, date(invoice.issueDate)],
    ...(invoice.prepayment
      ? ([[words.type, isInvoice ? words.prepaymentType : words.prepaymentCreditType]] as [string, string][])
      : ([[isInvoice ? words.supplyDate : words.originalSupplyDate, date(invoice.supplyDate)]] as [string, string][])),
    ...(isInvoice ? ([[words.dueDate, date(invoice.dueDate)], [words.paymentTerms, project.termsText]] as [string, string][]) : []),
    [words.project, project.name],
    ...(project.contractRef ? [[words.contractReference, project.contractRef] as [string, string]] : []),
    ...(credits ? [[words.correctsInvoice, words.numberOfDate(credits.number, date(credits.issueDate))] as [string, string]] : []),
  ];
  for (const [label, value] of rows) {
    page.row([[label, 0, { size: 9, color: MUTED, width: 140 }], [value, 150, { size: 9, width: page.contentWidth - 150 }]], 0);
  }
}

function lineHeadings(page: PageWriter, pricesIncludeTax: boolean, words: Labels): void {
  const heading: TextOptions = { size: 8, style: 'bold', color: MUTED };
  const amount = pricesIncludeTax ? words.amountInclTax : words.amount;
  page.row([
    [words.description, COLUMNS.description.x, { ...heading, width: COLUMNS.description.width }],
    [words.quantity, COLUMNS.quantity.right, { ...heading, align: 'right', width: COLUMNS.quantity.width }],
    [words.unitPrice, COLUMNS.unitPrice.right, { ...heading, align: 'right', width: COLUMNS.unitPrice.width }],
    [amount, COLUMNS.amount.right, { ...heading, align: 'right', width: COLUMNS.amount.width }],
  ], 6);
}

/** The table of lines; on every further page the table's headings are repeated. */
function writeLines(page: PageWriter, { invoice, share }: InvoiceDocument, formats: Writing): void {
  const { money: show, words } = formats;
  const shareText = share && words.shareOfContract(formats.percent(share.basisPoints), show(share.contractTotal), share.basis === 'tax included' ? words.taxIncluded : words.beforeTax);
  const pricesIncludeTax = invoice.pricesIncludeTax === true;
  page.ensure(60);
  lineHeadings(page, pricesIncludeTax, words);
  const running = page.continuation;
  page.continuation = () => {
    running();
    lineHeadings(page, pricesIncludeTax, words);
  };
  for (const line of invoice.lines) {
    const description = line.kind === 'milestone' && shareText ? `${line.description}\n${shareText}` : line.description;
    page.row([
      [description, COLUMNS.description.x, { width: COLUMNS.description.width, size: 9.5 }],
      [quantityText(line, formats), COLUMNS.quantity.right, { align: 'right', width: COLUMNS.quantity.width, size: 9.5 }],
      [show(line.unitPrice), COLUMNS.unitPrice.right, { align: 'right', width: COLUMNS.unitPrice.width, size: 9.5 }],
      [show(line.amount), COLUMNS.amount.right, { align: 'right', width: COLUMNS.amount.width, size: 9.5 }],
    ], 8);
  }
  page.continuation = running;
}

function quantityText(line: InvoiceLine, formats: PrintFormats): string {
  const quantity = formats.quantity(line.quantity);
  return line.unit ? `${quantity} ${line.unit}` : quantity;
}

/** A label and an amount, the label wrapping in its own column so long names never overlap. */
function totalRow(page: PageWriter, label: string, value: string, style: Style = 'normal', size = 10): void {
  page.row([
    [label, TOTALS.labelX, { width: TOTALS.labelWidth, style, size }],
    [value, RIGHT, { align: 'right', width: TOTALS.valueWidth, style, size }],
  ], 3);
}

function writeTotals(page: PageWriter, { invoice, amountDue }: InvoiceDocument, { money: show, percent, words }: Writing): void {
  page.rule(4);
  totalRow(page, words.netAmount, show(invoice.net));
  for (const tax of invoice.taxLines) {
    const label = tax.category === 'reverse-charge' ? words.reverseChargeRow(tax.name) : words.taxOf(tax.name, percent(tax.basisPoints), show(tax.base));
    totalRow(page, label, show(tax.amount));
  }
  totalRow(page, words.total(invoice.currency), show(invoice.gross), 'bold', 12);
  if (invoice.kind === 'credit-note') totalRow(page, words.amountCredited, show(invoice.gross), 'bold', 12);
  else if (amountDue !== invoice.gross) totalRow(page, words.amountDue, show(amountDue), 'bold', 12);
  const notes = [
    ...(invoice.reverseCharge ? [words.reverseChargeNote] : []),
    ...invoice.taxLines.filter((tax) => tax.category !== 'reverse-charge' && tax.exemption).map((tax) => `${tax.name} ${percent(tax.basisPoints)}: ${tax.exemption}`),
    ...(invoice.prepayment && invoice.kind === 'invoice' ? [words.prepaymentNote] : []),
  ];
  for (const note of notes) {
    page.y += 4;
    page.y += page.text(note, 0, { size: 9, style: 'bold' });
  }
}

/**
 * On the final milestone's invoice: the contract settled in one place. The contract total less
 * the prepayment and other invoices already issued leaves this invoice; payments follow.
 */
function writeSummary(page: PageWriter, { invoice, summary }: InvoiceDocument, { money: show, date, words }: Writing): void {
  const { earlier, payments } = summary!;
  page.rule();
  page.y += page.text(words.settlement, 0, { style: 'bold' });
  const invoiced = earlier.reduce((acc, other) => acc + other.gross, 0) + invoice.gross;
  totalRow(page, words.contractTotal, show(invoiced), 'bold', 9);
  for (const other of earlier) {
    const less = other.prepayment ? words.lessPrepaymentInvoice : words.lessInvoice;
    totalRow(page, less(other.number, date(other.issueDate)), `−${show(other.gross)}`, 'normal', 9);
  }
  totalRow(page, words.thisInvoiceDueNow, show(invoice.gross), 'bold', 9);
  if (!payments.length) return;
  const paid = payments.reduce((acc, payment) => acc + payment.amount, 0);
  for (const payment of payments) totalRow(page, words.paymentReceived(date(payment.date)), `−${show(payment.amount)}`, 'normal', 9);
  totalRow(page, words.outstandingAfter, show(invoiced - paid), 'bold', 9);
}

function writeFooterNotes(page: PageWriter, document: InvoiceDocument, writing: Writing): void {
  const { date, words } = writing;
  const { invoice, acceptance, cardUrls } = document;
  if (invoice.kind === 'invoice') writePaymentNotes(page, document, writing);
  if (acceptance) writeNote(page, words.accepted, `${words.acceptedBy(acceptance.by, date(acceptance.on))}${acceptance.evidence ? ` (${acceptance.evidence})` : ''}`);
  for (const url of cardUrls) writeNote(page, words.deliveredWork, url);
}

const NOTE_LABEL: TextOptions = { size: 9, style: 'bold', width: 140 };
const noteValue = (page: PageWriter): TextOptions => ({ size: 9, width: page.contentWidth - 150 });

function writeNote(page: PageWriter, label: string, value: string): void {
  page.row([[label, 0, NOTE_LABEL], [value, 150, noteValue(page)]], 4);
}

/** How and where to pay, kept on one page with the payment code so the client reads them together. */
function writePaymentNotes(page: PageWriter, document: InvoiceDocument, writing: Writing): void {
  const { date, words } = writing;
  const { invoice, project, payment } = document;
  const late = invoice.latePayment ? ` ${lateTermsText(invoice.latePayment, writing)}` : '';
  const notes: [string, string][] = [
    [words.payment, `${words.termsDue(project.termsText, date(invoice.dueDate))}${late}`],
    ...(payment.instructions ? [[words.payTo, payment.instructions] as [string, string]] : []),
    ...(invoice.seller.iban ? [[words.bankTransfer, [`IBAN ${printedIban(invoice.seller.iban)}`, invoice.seller.bic && `BIC ${invoice.seller.bic}`].filter(Boolean).join(' · ')] as [string, string]] : []),
    ...(payment.link ? [[words.payOnline, payment.link] as [string, string]] : []),
  ];
  const code = paymentCodeFor(document);
  const notesHeight = notes.reduce((sum, [label, value]) => sum + Math.max(page.measure(label, NOTE_LABEL).height, page.measure(value, noteValue(page)).height) + 4, 0);
  if (code) page.ensure(notesHeight + codeHeight(code));
  for (const [label, value] of notes) writeNote(page, label, value);
  if (code) writePaymentCode(page, code, document, writing);
}

/** The code's height with its quiet zone above and below. */
const codeHeight = (code: PaymentCode) => QR.width * (1 + (2 * QR.quietModules) / code.modules.length);

/** The QR code with its quiet zone, and beside it what scanning it does, so the client can check it. */
function writePaymentCode(page: PageWriter, code: PaymentCode, { invoice, amountDue }: InvoiceDocument, { money: show, words }: Writing): void {
  const module = QR.width / code.modules.length;
  const quiet = QR.quietModules * module;
  page.ensure(codeHeight(code));
  page.y += quiet;
  const top = page.y;
  drawModules(page, code.modules, module);
  const captionX = QR.width + quiet + 8;
  const width = page.contentWidth - captionX;
  page.y += page.draw(code.kind === 'epc' ? words.scanBankingApp : words.scanOnline, captionX, { size: 10, style: 'bold', width }) + 2;
  const detail = code.kind === 'epc'
    ? words.sepaTransfer(show(amountDue), invoice.seller.name, printedIban(invoice.seller.iban!), invoice.number)
    : code.payload;
  page.draw(detail, captionX, { size: 9, color: MUTED, width });
  page.y = top + QR.width + quiet;
}

/** Dark modules as filled rectangles, one per run of dark modules in a row, to keep the PDF small. */
function drawModules(page: PageWriter, modules: boolean[][], module: number): void {
  page.doc.setFillColor(0, 0, 0);
  for (const [row, cells] of modules.entries()) {
    for (let column = 0; column < cells.length; column++) {
      if (!cells[column]) continue;
      const start = column;
      while (cells[column + 1]) column++;
      page.doc.rect(page.left + start * module, page.y + row * module, (column - start + 1) * module, module, 'F');
    }
  }
}
