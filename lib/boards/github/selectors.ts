import type { Alternative } from '../selectors';

/** GitHub Projects (v2, "memex"). The board view and the table view share the page and the item side pane. */
export const githubSelectors = {
  boardRoot: [{ css: '#project-items-region', generation: 'memex 2022+' }],
  boardName: [{ css: '#memex-project-view-root h1', generation: 'memex 2022+' }],
  column: [{ css: '[data-board-column]', generation: 'memex 2022+' }],
  card: [{ css: '[data-board-card-id]', generation: 'memex 2022+' }],
  /** Present only when a card is rendered; virtualised shells have just aria-label and a height. */
  cardTitle: [{ css: 'h3[id^="board-card-title-"]', generation: 'memex 2022+' }],
  /** Table view: a field's header names it in its test id, "TableColumnHeader{id: Status}". */
  tableHeader: [{ css: '[role="columnheader"][data-testid^="TableColumnHeader{id: "]', generation: 'memex 2022+' }],
  /** Table rows show no item id; the header row has column headers, not grid cells. */
  tableRow: [{ css: '#project-items-region [role="row"]', generation: 'memex 2022+' }],
  /** A row's cells pair with the headers by position. */
  tableCell: [{ css: '[role="columnheader"], [role="gridcell"]', generation: 'memex 2022+' }],
  sidePane: [{ css: '[data-testid="side-panel-title"]', generation: 'memex 2024+' }],
  /**
   * The issue or pull request of the open item: what a table row shows of it. Unverified: the
   * pane's title is known to hold the number, taken to be a link as everywhere else on GitHub.
   */
  sidePaneContent: [{ css: '[data-testid="side-panel-title"] a[href*="/issues/"], [data-testid="side-panel-title"] a[href*="/pull/"]', generation: 'memex 2024+' }],
} as const satisfies Record<string, readonly Alternative[]>;
