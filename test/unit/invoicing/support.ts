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

export interface PlacedText {
  str: string;
  page: number;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** Every piece of text with the box it occupies, in PDF points: what overlap checks measure. */
export async function pdfLayout(bytes: Uint8Array): Promise<PlacedText[]> {
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const placed: PlacedText[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    for (const item of (await (await pdf.getPage(number)).getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      placed.push({ str: item.str, page: number, left: x!, right: x! + item.width, bottom: y!, top: y! + item.height });
    }
  }
  return placed;
}

/** Pairs of text pieces on the same page whose boxes overlap. */
export function overlaps(placed: readonly PlacedText[]): [string, string][] {
  const found: [string, string][] = [];
  for (const [i, a] of placed.entries()) {
    for (const b of placed.slice(i + 1)) {
      const apart = a.page !== b.page || a.right <= b.left || b.right <= a.left || a.top <= b.bottom || b.top <= a.bottom;
      if (!apart) found.push([a.str, b.str]);
    }
  }
  return found;
}
