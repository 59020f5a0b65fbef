import type { HostPages } from '../page';

// https://trello.com/b/AbC123xy/website-redesign          -> board AbC123xy
// https://trello.com/b/AbC123xy/website-redesign?filter=x -> board AbC123xy
// https://trello.com/c/Zx9Yw8Vu/12-landing-page          -> an open card, board not in the URL
// https://trello.com/u/someone/boards                    -> not a board
const BOARD_PATH = /^\/b\/([A-Za-z0-9]{8})(?:\/|$)/;

export const trelloPages: HostPages = {
  host: 'trello',
  label: 'Trello',
  servesUrl: (url) => url.hostname === 'trello.com',
  overlaysBoard: (url) => trelloPages.servesUrl(url) && url.pathname.startsWith('/c/'),
  boardPage(url) {
    const match = trelloPages.servesUrl(url) ? BOARD_PATH.exec(url.pathname) : null;
    return match ? { host: 'trello', boardId: match[1]! } : null;
  },
};
