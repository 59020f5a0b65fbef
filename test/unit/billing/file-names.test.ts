import { describe, expect, it } from 'vitest';
import { downloadPath, invoiceFileName, safeFileName, validateFolder } from '../../../lib/billing/file-names';

/** What Chrome's downloads API refuses in a file name. */
const refused = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\:*?"<>|]|^[.\s]|[.\s]$/u;

describe('download file names', () => {
  it.each([
    ['a right-to-left mark in Hebrew', 'INV-2026-0001 \u200fשלום בע"מ\u200f', 'INV-2026-0001 שלום בע-מ'],
    ['a ZWNJ in Persian', 'INV-2026-0002 می\u200cخواهم', 'INV-2026-0002 میخواهم'],
    ['a soft hyphen', 'INV-2026-0003 Fahr\u00adrad', 'INV-2026-0003 Fahrrad'],
    ['a zero-width space', 'INV-2026-0004 Acme\u200bCo', 'INV-2026-0004 AcmeCo'],
    ['a line separator and a tab', 'INV-2026-0005 Acme\u2028Co\tLtd', 'INV-2026-0005 Acme Co Ltd'],
    ['leading and trailing dots and spaces', ' ..Acme Co.. ', 'Acme Co'],
  ])('cleans %s', (_, name, expected) => {
    expect(safeFileName(name)).toBe(expected);
    expect(safeFileName(name)).not.toMatch(refused);
  });

  it('never leaves an empty name', () => {
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('\u200f\u200b', 'INV-1')).toBe('INV-1');
  });

  it('builds the invoice PDF name from number, client and milestone', () => {
    expect(invoiceFileName('INV-2026-0007', 'Acme Retail GmbH\u200e', 'Functional prototype')).toBe('INV-2026-0007 Acme Retail GmbH - Functional prototype.pdf');
    expect(invoiceFileName('CN-2026-0001', 'شرکت\u200cما')).toBe('CN-2026-0001 شرکتما.pdf');
  });

  it('cleans a stored name and folder again at download time', () => {
    expect(downloadPath('Invoices/INV-2026-0001 \u200fשלום\u200f.pdf')).toBe('Invoices/INV-2026-0001 שלום.pdf');
    expect(downloadPath('../x/INV-1.pdf')).toBe('x/INV-1.pdf');
    expect(downloadPath('/abs//a\\b/ INV-1.pdf.')).toBe('abs/a/b/INV-1.pdf');
    expect(downloadPath('INV-1.pdf')).toBe('INV-1.pdf');
  });
});

describe('downloads folder setting', () => {
  it('accepts plain relative folders', () => {
    for (const folder of ['', 'Invoices', 'Work/Invoices 2026', 'Rechnungen/Kunde A']) expect(validateFolder(folder), folder).toEqual({ ok: true, value: folder });
  });

  it.each(['../x', 'a/../b', './x', '/etc', 'C:/x', 'a\\b', 'a//b', 'a/', 'x.', 'a\u200fb'])('refuses %s', (folder) => {
    expect(validateFolder(folder).ok).toBe(false);
  });
});
