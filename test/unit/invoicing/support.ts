import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { invoiceFontFiles } from '../../../lib/invoicing/font-subset';
import { toBase64 } from '../../../lib/bytes';
import type { InvoiceFonts } from '../../../lib/invoicing/fonts';

let fonts: Promise<InvoiceFonts> | undefined;

/** The invoice fonts exactly as the build ships them. */
export const testFonts = (): Promise<InvoiceFonts> =>
  (fonts ??= invoiceFontFiles().then(({ regular, bold }) => ({ regular: toBase64(regular), bold: toBase64(bold) })));

/** The text of every page, as a PDF reader extracts it (one string per page, items joined by spaces). */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}
