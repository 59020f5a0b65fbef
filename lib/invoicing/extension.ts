import { toBase64 } from '../bytes';
import { localDate } from '../billing/dates';
import { formatMoney, money } from '../billing/money';
import type { MilestoneDatabase } from '../db/database';
import { getSetting } from '../db/settings';
import { extensionFile, onNotificationAction, saveDownload, showNotification } from '../platform/files';
import { t } from '../ui/i18n';
import { invoicePdf, type EngineContext } from './engine';
import { FONT_FILES, type InvoiceFonts } from './fonts';
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
      const title = invoice.kind === 'credit-note' ? t('creditNoteIssuedTitle', invoice.number) : t('invoiceGeneratedTitle', invoice.number);
      const amount = formatMoney(money(invoice.gross, invoice.currency), locale);
      await showNotification(`${INVOICE_NOTIFICATION}${invoice.id}`, title, `${invoice.buyer.name} · ${invoice.lines[0]!.description} · ${amount}`, [t('download')]);
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
