/**
 * The embedded invoice font: DejaVu Sans (Latin, Greek, Cyrillic, ₹ ₺ ₽ ₴), regular and bold, as
 * base64 for jsPDF's virtual file system. Where the bytes come from is the caller's business.
 */
export interface InvoiceFonts {
  regular: string;
  bold: string;
}

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
