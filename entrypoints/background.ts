import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../lib/db/database';
import { createRouter } from '../lib/messaging/router';
import { extensionId, extensionUrl, onKeyboardCommand, onRuntimeMessage, openWorkspace } from '../lib/platform/runtime';

export default defineBackground(() => {
  const db = openDatabase();
  const route = createRouter({ db, now: () => new Date(), locale: navigator.language }, { extensionId: extensionId(), extensionOrigin: extensionUrl() });
  onRuntimeMessage(route);
  onKeyboardCommand('open-workspace', (tab) => void openWorkspace(tab?.windowId));
});
