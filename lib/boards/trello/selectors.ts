import type { Alternative } from '../selectors';

/** Trello's board DOM. "2023 React" is the data-testid UI that replaced the jQuery one in Oct 2023. */
export const trelloSelectors = {
  boardRoot: [{ css: '#board', generation: '2023 React' }],
  boardName: [{ css: 'h1[data-testid="board-name-display"]', generation: '2023 React' }],
  column: [{ css: 'li[data-testid="list-wrapper"]', generation: '2023 React' }],
  columnName: [{ css: 'h2[data-testid="list-name"]', generation: '2023 React' }],
  card: [{ css: 'li[data-testid="list-card"]', generation: '2023 React' }],
  cardLink: [{ css: 'a[data-testid="card-name"][href^="/c/"]', generation: '2023 React' }],
  cardBadges: [{ css: '[data-testid="card-front-badges"]', generation: '2023 React' }],
  dialog: [{ css: '[role="dialog"][data-testid="card-back-name"]', generation: '2023 React' }],
  dialogTitle: [{ css: 'textarea[data-testid="card-back-title-input"]', generation: '2023 React' }],
  darkMode: [{ css: 'html[data-color-mode="dark"]', generation: '2023 React' }],
} as const satisfies Record<string, readonly Alternative[]>;
