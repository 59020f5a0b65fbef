import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardMarker } from '../lib/boards/marker';
import { notionPages } from '../lib/boards/notion/pages';

export default defineContentScript({
  matches: ['https://*.notion.so/*', 'https://*.notion.com/*'],
  main: (ctx) => startBoardMarker(ctx, notionPages),
});
