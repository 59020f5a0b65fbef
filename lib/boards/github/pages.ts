import type { HostPages } from '../page';

// https://github.com/orgs/acme/projects/7                          -> board orgs/acme/7
// https://github.com/orgs/acme/projects/7/views/2                  -> board orgs/acme/7
// https://github.com/users/jane/projects/3?pane=issue&itemId=4242  -> board users/jane/3
// https://github.com/acme/site/projects                            -> not a board (classic list)
// https://github.com/acme/site/issues/12                           -> not a board
/** A project's path; the dormant github.com script tests it alone, to stay small. */
export const GITHUB_PROJECT_PATH = /^\/(orgs|users)\/([^/]+)\/projects\/(\d+)(?:\/|$)/;

export const githubPages: HostPages = {
  host: 'github',
  label: 'GitHub Projects',
  servesUrl: (url) => url.hostname === 'github.com',
  boardPage(url) {
    const match = githubPages.servesUrl(url) ? GITHUB_PROJECT_PATH.exec(url.pathname) : null;
    return match ? { host: 'github', boardId: `${match[1]}/${match[2]}/${match[3]}` } : null;
  },
};

/** Project pages, where the integration is declared for direct loads (manifest match patterns). */
export const GITHUB_PROJECT_MATCHES = ['https://github.com/orgs/*/projects/*', 'https://github.com/users/*/projects/*'];
/** The port the dormant github.com script opens to have the full integration injected. */
export const GITHUB_WAKE_PORT = 'milestone-invoicer:wake-github';
/** The built GitHub integration, as WXT names the `github.content.ts` entrypoint's output. */
export const GITHUB_INTEGRATION_FILE = 'content-scripts/github.js';
