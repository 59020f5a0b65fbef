import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Board fixture pages and the real URLs they are served at. Each entry's URL is what a user
 * would have in the address bar; the page behind it is a saved-and-trimmed copy of that host.
 */
export interface Fixture {
  /** Where a user would open it. */
  url: string;
  file: string;
  /** Every URL the page answers, like the host's SPA does (other boards, open cards). */
  serves: RegExp;
}

const fixtureDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixtures = {
  trelloBoard: {
    url: 'https://trello.com/b/MiDemo01/acme-website-redesign',
    file: 'trello/board.html',
    serves: /^https:\/\/trello\.com\/[bc]\/[A-Za-z0-9]{8}(\/[^?]*)?(\?.*)?$/,
  },
  githubBoard: {
    url: 'https://github.com/orgs/acme/projects/7/views/1',
    file: 'github/board.html',
    serves: /^https:\/\/github\.com\/orgs\/acme\/projects\/[78](\/views\/\d+)?(\?.*)?$/,
  },
  notionBoard: {
    url: 'https://www.notion.so/acme/Client-work-0123456789abcdef0123456789abcdef',
    file: 'notion/board.html',
    serves: /^https:\/\/www\.notion\.so\/acme\/[\w-]*[0-9a-f]{32}(\?.*)?$/,
  },
  /** Not boards: pages a user starts from and leaves by in-page navigation into a board. */
  trelloBoardsList: {
    url: 'https://trello.com/u/mi-demo/boards',
    file: 'trello/boards.html',
    serves: /^https:\/\/trello\.com\/u\/[^/]+\/boards(\?.*)?$/,
  },
  githubRepository: {
    url: 'https://github.com/acme/site',
    file: 'github/repository.html',
    serves: /^https:\/\/github\.com\/acme\/site(\?.*)?$/,
  },
  notionPage: {
    url: 'https://www.notion.so/Team-home-feedc0de0123456789abcdef01234567',
    file: 'notion/page.html',
    serves: /^https:\/\/www\.notion\.so\/Team-home-[0-9a-f]{32}(\?.*)?$/,
  },
} satisfies Record<string, Fixture>;

/** The fixture page answering a request URL, if any. */
export function fixtureFor(requestUrl: string): Fixture | undefined {
  return Object.values(fixtures).find((fixture) => fixture.serves.test(requestUrl));
}

export function readFixture(fixture: Fixture): string {
  return readFileSync(fixtureDir + fixture.file, 'utf8');
}
