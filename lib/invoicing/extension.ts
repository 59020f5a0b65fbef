import { toBase64 } from '../bytes';
import { localDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import type { Invoice, InvoiceFile } from '../db/entities';
import { getSetting } from '../db/settings';
import { deliveredFiles } from './einvoice/delivery';
import { extensionFile, onNotificationAction, saveDownload, showNotification } from '../platform/files';
import { t } from '../ui/i18n';
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
      await showNotification(`${INVOICE_NOTIFICATION}${invoice.id}`, title, message, [t('download')]);
      if (download.now) await saveDelivered(invoice, file, download.folder);
    },
    notice: (title, message) => showNotification(`notice:${crypto.randomUUID()}`, title, message),
    download: saveDownload,
  };
  const engine = (): EngineContext => ({ db, fonts: loadFonts, today: localDate(new Date()), locale });
  onNotificationAction(async (id) => {
    if (!id.startsWith(INVOICE_NOTIFICATION)) return;
    const { invoice, file } = await invoicePdf(engine(), id.slice(INVOICE_NOTIFICATION.length));
    const { folder } = await getSetting(db, 'invoiceFiles');
    await saveDelivered(invoice, file, folder);
  });
  /** The files the client's delivery format asks for (Factur-X, PDF and XML), or the PDF and why not. */
  async function saveDelivered(invoice: Invoice, file: InvoiceFile, folder: string) {
    const { files, problem } = await deliveredFiles(engine(), invoice, file);
    for (const delivered of files) await saveDownload(delivered.bytes, join(folder, delivered.filename), delivered.mime);
    if (problem) await outbox.notice(`${invoice.number}: no e-invoice`, problem);
  }
  return { engine, outbox };
}
