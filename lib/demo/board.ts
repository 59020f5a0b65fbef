/**
 * The bundled demo board (test/fixtures/trello/board.html): its ids and the cards the demo data
 * links. The fixture and these constants must agree; test/unit/demo.test.ts checks that they do.
 */
export const demoBoard = {
  boardId: 'MiDemo01',
  name: 'Acme website redesign',
  url: 'https://trello.com/b/MiDemo01/acme-website-redesign',
  linkedCards: [
    { cardId: 'Pr0toT1p', title: 'Clickable prototype', url: 'https://trello.com/c/Pr0toT1p/6-clickable-prototype', milestone: 'prototype' },
    { cardId: 'F1nalL1v', title: 'Launch production site', url: 'https://trello.com/c/F1nalL1v/3-launch-production-site', milestone: 'final' },
  ],
} as const;
