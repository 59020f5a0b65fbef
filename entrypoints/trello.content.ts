import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardIntegration } from '../lib/boards/content/start';
import { trelloAdapter } from '../lib/boards/trello/adapter';

export default defineContentScript({
  matches: ['https://trello.com/*'],
  // Starting is announced on `document` only: a postMessage copy would tell every page our id.
  noScriptStartedPostMessage: true,
  main: (ctx) => startBoardIntegration(ctx, trelloAdapter),
});
