import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardMarker } from '../lib/boards/marker';
import { githubPages } from '../lib/boards/github/pages';

export default defineContentScript({
  matches: ['https://github.com/orgs/*/projects/*', 'https://github.com/users/*/projects/*'],
  main: (ctx) => startBoardMarker(ctx, githubPages),
});
