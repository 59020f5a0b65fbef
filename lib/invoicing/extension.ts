import { toBase64 } from '../bytes';
import { localDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import { getSetting } from '../db/settings';
import { extensionFile, onNotificationAction, saveDownload, showNotification } from '../platform/files';
import { invoicePdf, type EngineContext } from './engine';
import { FONT_FILES, type InvoiceFonts } from './fonts';
import { issuedNotice } from './issued-notice';
import { join, type InvoiceOutbox, type InvoiceServices } from './service';

const INVOICE_NOTIFICATION = 'invoice:';

/** The invoicing services as the background runs them: shipped fonts, notifications, downloads. */
export function createInvoiceServices(db: MilestoneDatabase, locale: string): InvoiceServices {
  let fonts: Promise<InvoiceFonts> | undefined;
  const loadFonts = () =>
    (fonts ??= Promise.all([extensionFile(`fonts/${FONT_FILES.regular}`), extensionFile(`fonts/${FONT_FILES.bold}`)]).then(
      ([regular, bold]) => ({ regular: toBase64(regular), bold: toBase64(bold) }),
    ));
  const outbox: InvoiceOutbox = {
    async issued({ invoice, file }, download) {
      const { title, message } = issuedNotice(invoice);
      await showNotification(`${INVOICE_NOTIFICATION}${invoice.id}`, title, message, ['Download']);
      if (download.now) await saveDownload(file.bytes, join(download.folder, file.filename));
    },
    notice: (title, message) => showNotification(`notice:${crypto.randomUUID()}`, title, message),
    download: saveDownload,
  };
  const engine = (): EngineContext => ({ db, fonts: loadFonts, today: localDate(new Date()), locale });
  onNotificationAction(async (id) => {
    if (!id.startsWith(INVOICE_NOTIFICATION)) return;
    const { file } = await invoicePdf(engine(), id.slice(INVOICE_NOTIFICATION.length));
    const { folder } = await getSetting(db, 'invoiceFiles');
    await saveDownload(file.bytes, join(folder, file.filename));
  });
  return { engine, outbox };
}
