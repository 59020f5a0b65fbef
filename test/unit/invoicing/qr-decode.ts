import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The QR codes a phone would read off the printed invoice: every page rendered at 150 dpi by
 * poppler's pdftoppm, then decoded by zbar's zbarimg. One payload per code found.
 */
export function scanPdf(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-qr-'));
  try {
    writeFileSync(join(dir, 'invoice.pdf'), bytes);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'invoice.pdf'), join(dir, 'page')], { stdio: 'pipe' });
    const pages = readdirSync(dir).filter((name) => name.endsWith('.png')).map((name) => join(dir, name));
    return pages.flatMap(scanImage);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** zbarimg prints each code's data and a newline; it exits with 4 when the image holds none. */
function scanImage(png: string): string[] {
  try {
    // -Sbinary: the bytes as encoded (UTF-8 here), never re-guessed as another character set.
    const out = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', png], { stdio: 'pipe' });
    return [new TextDecoder().decode(out).replace(/\n$/, '')];
  } catch (error) {
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}
