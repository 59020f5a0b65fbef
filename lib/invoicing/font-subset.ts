/**
 * Build-time only (Node): cuts DejaVu Sans down to the scripts invoices promise to print.
 * jsPDF copies a font's cmap, hmtx, post and name tables whole into every PDF; on the full
 * 6,000-glyph font that alone is ~50 KB per face, on this subset a few KB.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { FONT_FILES } from './fonts';

/** Latin (with Vietnamese), Greek, Cyrillic, punctuation, currency signs (₹ ₺ ₽ ₴ …), letterlike symbols, minus. */
export const INVOICE_FONT_RANGES: readonly [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x52f], [0x1e00, 0x1eff],
  [0x2000, 0x206f], [0x20a0, 0x20c0], [0x2100, 0x214f], [0x2212, 0x2212],
];

const characters = INVOICE_FONT_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, offset) => String.fromCodePoint(from + offset)),
).join('');

export async function invoiceFontFiles(): Promise<Record<keyof typeof FONT_FILES, Buffer>> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const subset = async (file: string) => subsetFont(await readFile(join(dir, file)), characters, { targetFormat: 'truetype' });
  return { regular: await subset(FONT_FILES.regular), bold: await subset(FONT_FILES.bold) };
}
