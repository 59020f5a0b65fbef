import type { Invoice } from '../db/entities';

/**
 * What jsPDF would otherwise take from the clock and Math.random: the creation date and the file
 * ID. Taken from the invoice record instead, so a PDF rendered again after a crash is byte-identical.
 */
export function pdfStamp(invoice: Pick<Invoice, 'id' | 'createdAt'>): { creationDate: string | Date; fileId: string } {
  return { creationDate: pdfDate(invoice.createdAt), fileId: fileIdOf(invoice.id) };
}

/** "D:20261124100000+00'00'", in UTC so that the time zone of the re-rendering machine does not matter. */
function pdfDate(instant: number): string | Date {
  const iso = new Date(instant).toISOString();
  // jsPDF takes date strings for 1970 to 2037 only; beyond, it formats a Date in local time itself.
  if (!/^(19[7-9]\d|20[0-2]\d|203[0-7])-/.test(iso)) return new Date(instant);
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}+00'00'`;
}

/** 32 hex digits from the invoice id: four FNV-1a lanes with different offsets. */
function fileIdOf(id: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return lanes
    .map((offset) => {
      let hash = offset;
      for (const char of id) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
      return hash.toString(16).padStart(8, '0');
    })
    .join('');
}
