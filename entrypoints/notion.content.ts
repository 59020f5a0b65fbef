import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardIntegration } from '../lib/boards/content/start';
import { notionAdapter } from '../lib/boards/notion/adapter';

export default defineContentScript({
  matches: ['https://*.notion.so/*', 'https://*.notion.com/*'],
  // Starting is announced on `document` only: a postMessage copy would tell every page our id.
  noScriptStartedPostMessage: true,
  main: (ctx) => startBoardIntegration(ctx, notionAdapter),
});
