import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../lib/db/database';
import { createInvoiceServices } from '../lib/invoicing/extension';
import { saveMissingPdfs } from '../lib/invoicing/service';
import { watchReceivables } from '../lib/invoicing/reminders';
import { createRouter } from '../lib/messaging/router';
import { extensionId, extensionUrl, onKeyboardCommand, onRuntimeMessage, openWorkspace } from '../lib/platform/runtime';

export default defineBackground(() => {
  const startedAt = Date.now();
  const db = openDatabase();
  const locale = navigator.language;
  const invoices = createInvoiceServices(db, locale);
  const route = createRouter({ db, now: () => new Date(), locale, invoices }, { extensionId: extensionId(), extensionOrigin: extensionUrl() });
  onRuntimeMessage(route);
  onKeyboardCommand('open-workspace', (tab) => void openWorkspace(tab?.windowId));

  watchReceivables(db, invoices.outbox, locale);
  // A worker stopped mid-issue left an invoice without its PDF: save and announce it now.
  void saveMissingPdfs(invoices, startedAt);
});
