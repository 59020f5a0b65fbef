import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardIntegration } from '../lib/boards/content/start';
import { githubAdapter } from '../lib/boards/github/adapter';

export default defineContentScript({
  matches: ['https://github.com/orgs/*/projects/*', 'https://github.com/users/*/projects/*'],
  main: (ctx) => startBoardIntegration(ctx, githubAdapter),
});
