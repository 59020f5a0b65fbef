import type { MilestoneDatabase } from '../../../lib/db/database';
import type { IssuedInvoice } from '../../../lib/invoicing/engine';
import type { HandlerContext } from '../../../lib/messaging/handlers';
import { testFonts } from '../invoicing/support';

/** What the background would have shown or saved, recorded instead of done. */
export interface RecordedOutbox {
  issued: { number: string; folder: string; now: boolean }[];
  notices: { title: string; message: string }[];
  downloads: { filename: string; bytes: number }[];
}

export function handlerContext(db: MilestoneDatabase, today = '2026-11-24'): HandlerContext & { sent: RecordedOutbox } {
  const sent: RecordedOutbox = { issued: [], notices: [], downloads: [] };
  const now = () => new Date(`${today}T10:00:00Z`);
  return {
    db,
    now,
    locale: 'en-US',
    sent,
    invoices: {
      engine: () => ({ db, fonts: testFonts, today, locale: 'en-US', now: now().getTime() }),
      outbox: {
        issued: async ({ invoice }: IssuedInvoice, download) => void sent.issued.push({ number: invoice.number, ...download }),
        notice: async (title, message) => void sent.notices.push({ title, message }),
        download: async (bytes, filename) => void sent.downloads.push({ filename, bytes: bytes.length }),
      },
    },
  };
}
