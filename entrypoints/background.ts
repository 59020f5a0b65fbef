import Dexie from 'dexie';
import { defineBackground } from 'wxt/utils/define-background';
import { BOARD_CHECK_ALARM, createConnections } from '../lib/connections/service';
import { openDatabase } from '../lib/db/database';
import { createInvoiceServices } from '../lib/invoicing/extension';
import { afterDelivery, saveMissingPdfs } from '../lib/invoicing/service';
import { watchReceivables } from '../lib/invoicing/reminders';
import { GITHUB_INTEGRATION_FILE, GITHUB_WAKE_PORT } from '../lib/boards/github/pages';
import { createRouter, speaksForSite } from '../lib/messaging/router';
import { BOARD_REFRESH_QUERY } from '../lib/messaging/tab-queries';
import { browserAlarms, onAlarmNamed, onBrowserStart } from '../lib/platform/alarms';
import { apiFetch, systemClock } from '../lib/platform/network';
import { hasHostAccess } from '../lib/platform/permissions';
import { extensionId, extensionUrl, injectOnRequest, onFirstInstall, onKeyboardCommand, onRuntimeMessage, openExtensionTab, openWorkspace, queryEveryTab } from '../lib/platform/runtime';

export default defineBackground(() => {
  const startedAt = Date.now();
  const db = openDatabase();
  const locale = navigator.language;
  const invoices = createInvoiceServices(db, locale);
  const trust = { extensionId: extensionId(), extensionOrigin: extensionUrl() };
  const connections = createConnections({ db, transport: apiFetch, clock: systemClock, alarms: browserAlarms, hasHostAccess, afterDelivery: (id) => afterDelivery(invoices, id) });
  onRuntimeMessage(createRouter({ db, now: () => new Date(), locale, invoices, connections, openPage: openExtensionTab }, trust));
  // Connected boards: cards moved to Done while no tab was open are found by the alarm and at browser start.
  const checkBoards = () => void connections.check().catch((error: unknown) => console.error('[milestone-invoicer] board check failed', error));
  onAlarmNamed(BOARD_CHECK_ALARM, checkBoards);
  onBrowserStart(checkBoards);
  void connections.schedule();
  // GitHub reaches projects by soft navigation: the dormant github.com script asks for the integration.
  injectOnRequest(GITHUB_WAKE_PORT, GITHUB_INTEGRATION_FILE, (sender) => speaksForSite('github', sender, trust));
  onKeyboardCommand('open-workspace', (tab) => void openWorkspace(tab?.windowId));
  onFirstInstall(() => void openExtensionTab('welcome.html'));

  watchReceivables(db, invoices.outbox, locale);
  // A profile completed on the welcome or options page clears the board panels' notice at once.
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.includes('/settings/'))) void queryEveryTab({ type: BOARD_REFRESH_QUERY });
  });
  // A worker stopped mid-issue left an invoice without its PDF: save and announce it now.
  void saveMissingPdfs(invoices, startedAt);
});
