import type { Alternative } from '../selectors';

/** GitHub Projects (v2, "memex"). Board view only: table rows carry no project item id we know of. */
export const githubSelectors = {
  boardRoot: [{ css: '#project-items-region', generation: 'memex 2022+' }],
  boardName: [{ css: '#memex-project-view-root h1', generation: 'memex 2022+' }],
  column: [{ css: '[data-board-column]', generation: 'memex 2022+' }],
  card: [{ css: '[data-board-card-id]', generation: 'memex 2022+' }],
  /** Present only when a card is rendered; virtualised shells have just aria-label and a height. */
  cardTitle: [{ css: 'h3[id^="board-card-title-"]', generation: 'memex 2022+' }],
  sidePane: [{ css: '[data-testid="side-panel-title"]', generation: 'memex 2024+' }],
} as const satisfies Record<string, readonly Alternative[]>;
