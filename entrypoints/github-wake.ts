import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GITHUB_PROJECT_PATH, GITHUB_WAKE_PORT } from '../lib/boards/github/pages';
import { askForInjection } from '../lib/platform/runtime';

/**
 * Declared on every github.com page except projects (see wxt.config.ts). GitHub moves between
 * pages without loading them, so a project reached from a repository never gets the integration
 * declared for project URLs. This script only listens for the address to change; the first time
 * it shows a project, it asks the background to inject the integration, then stops listening.
 */
export default defineUnlistedScript(() => {
  const stop = new AbortController();
  const check = () => {
    if (!GITHUB_PROJECT_PATH.test(location.pathname)) return;
    stop.abort();
    askForInjection(GITHUB_WAKE_PORT);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) return navigation.addEventListener('currententrychange', check, { signal: stop.signal });
  // Without the Navigation API: GitHub's own events after a soft navigation, and history moves.
  for (const type of ['turbo:load', 'soft-nav:end']) document.addEventListener(type, check, { signal: stop.signal });
  window.addEventListener('popstate', check, { signal: stop.signal });
});
