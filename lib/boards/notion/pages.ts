import type { HostPages } from '../page';

// https://www.notion.so/acme/Client-work-0123456789abcdef0123456789abcdef      -> board 0123…cdef
// https://www.notion.so/0123456789abcdef0123456789abcdef?v=fedc…&p=abab…&pm=s  -> board 0123…cdef
// https://app.notion.com/p/Client-work-0123456789abcdef0123456789abcdef        -> board 0123…cdef
// https://acme.notion.site/Roadmap-0123456789abcdef0123456789abcdef            -> not served (public site)
// https://www.notion.so/login                                                  -> not a board
const PAGE_ID = /([0-9a-f]{32})\/?$/;

export const notionPages: HostPages = {
  host: 'notion',
  label: 'Notion',
  servesUrl: ({ hostname }) => /(^|\.)notion\.(so|com)$/.test(hostname),
  boardPage(url) {
    const match = notionPages.servesUrl(url) ? PAGE_ID.exec(url.pathname) : null;
    return match ? { host: 'notion', boardId: match[1]! } : null;
  },
};
