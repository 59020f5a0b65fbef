import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Board fixture pages and the real URLs they are served at. Each entry's URL is what a user
 * would have in the address bar; the page behind it is a saved-and-trimmed copy of that host.
 */
export interface Fixture {
  url: string;
  file: string;
}

const fixtureDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixtures = {
  trelloBoard: { url: 'https://trello.com/b/MiDemo01/acme-website-redesign', file: 'trello/board.html' },
  githubBoard: { url: 'https://github.com/orgs/acme/projects/7/views/1', file: 'github/board.html' },
  notionBoard: { url: 'https://www.notion.so/acme/Client-work-0123456789abcdef0123456789abcdef', file: 'notion/board.html' },
} satisfies Record<string, Fixture>;

/** The fixture served for a request URL: matched on origin and path, ignoring the query. */
export function fixtureFor(requestUrl: string): Fixture | undefined {
  const { origin, pathname } = new URL(requestUrl);
  return Object.values(fixtures).find((fixture) => {
    const url = new URL(fixture.url);
    return url.origin === origin && url.pathname === pathname;
  });
}

export function readFixture(fixture: Fixture): string {
  return readFileSync(fixtureDir + fixture.file, 'utf8');
}
