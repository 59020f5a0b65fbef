/**
 * The embedded invoice font: DejaVu Sans (Latin, Greek, Cyrillic, ₹ ₺ ₽ ₴), regular and bold, as
 * base64 for jsPDF's virtual file system. Where the bytes come from is the caller's business.
 */
export interface InvoiceFonts {
  regular: string;
  bold: string;
}

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
