import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardMarker } from '../lib/boards/marker';
import { trelloPages } from '../lib/boards/trello/pages';

export default defineContentScript({
  matches: ['https://trello.com/*'],
  main: (ctx) => startBoardMarker(ctx, trelloPages),
});
