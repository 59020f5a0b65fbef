import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBoardIntegration } from '../lib/boards/content/start';
import { githubAdapter } from '../lib/boards/github/adapter';
import { GITHUB_PROJECT_MATCHES } from '../lib/boards/github/pages';

export default defineContentScript({
  matches: GITHUB_PROJECT_MATCHES,
  // Starting is announced on `document` only: a postMessage copy would tell every page our id.
  noScriptStartedPostMessage: true,
  main: (ctx) => startBoardIntegration(ctx, githubAdapter),
});
