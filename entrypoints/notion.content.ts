import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardIntegration } from '../lib/boards/content/start';
import { notionAdapter } from '../lib/boards/notion/adapter';

export default defineContentScript({
  matches: ['https://*.notion.so/*', 'https://*.notion.com/*'],
  main: (ctx) => startBoardIntegration(ctx, notionAdapter),
});
