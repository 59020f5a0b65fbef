import { describe, expect, it } from 'vitest';
import { hostOfUrl, hostPages } from '../../../lib/boards/hosts';

const boardOf = (url: string) => {
  const host = hostOfUrl(url);
  return host ? hostPages[host].boardPage(new URL(url)) : null;
};

describe('board page detection', () => {
  it.each([
    ['https://trello.com/b/AbC123xy/website-redesign', 'trello', 'AbC123xy'],
    ['https://trello.com/b/AbC123xy/website-redesign?filter=label:x', 'trello', 'AbC123xy'],
    ['https://trello.com/b/AbC123xy', 'trello', 'AbC123xy'],
    ['https://github.com/orgs/acme/projects/7', 'github', 'orgs/acme/7'],
    ['https://github.com/orgs/acme/projects/7/views/2', 'github', 'orgs/acme/7'],
    ['https://github.com/users/jane/projects/3?pane=issue&itemId=4242', 'github', 'users/jane/3'],
    ['https://www.notion.so/acme/Client-work-0123456789abcdef0123456789abcdef', 'notion', '0123456789abcdef0123456789abcdef'],
    ['https://www.notion.so/0123456789abcdef0123456789abcdef?v=ff&p=ab&pm=s', 'notion', '0123456789abcdef0123456789abcdef'],
    ['https://app.notion.com/p/Client-work-0123456789abcdef0123456789abcdef', 'notion', '0123456789abcdef0123456789abcdef'],
  ])('reads %s as a %s board', (url, host, boardId) => {
    expect(boardOf(url)).toEqual({ host, boardId });
  });

  it.each([
    'https://trello.com/c/Zx9Yw8Vu/12-landing-page',
    'https://trello.com/u/someone/boards',
    'https://github.com/acme/site/projects',
    'https://github.com/acme/site/issues/12',
    'https://www.notion.so/login',
    'https://acme.notion.site/Roadmap-0123456789abcdef0123456789abcdef',
    'https://trello.com.evil.example/b/AbC123xy/x',
    'https://notion.so.evil.example/0123456789abcdef0123456789abcdef',
    'not a url',
  ])('does not take %s for a board', (url) => {
    expect(boardOf(url)).toBeNull();
  });

  it('claims each URL for one host at most', () => {
    const urls = ['https://trello.com/b/AbC123xy/x', 'https://github.com/orgs/a/projects/1', 'https://www.notion.so/x-0123456789abcdef0123456789abcdef'];
    for (const url of urls) {
      const claiming = Object.values(hostPages).filter((pages) => pages.boardPage(new URL(url)));
      expect(claiming, url).toHaveLength(1);
    }
  });
});
