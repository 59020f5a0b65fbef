import type { Alternative } from '../selectors';

/**
 * GitHub Projects (v2, "memex"). The board view and the table view share the page and the item
 * pane. "2026 evidence" marks what boards.md ("Evidence checked 2026-11") records from GitHub's
 * own source and test ids and from maintained extensions.
 */
export const githubSelectors = {
  boardRoot: [{ css: '#project-items-region', generation: 'memex 2022+' }],
  boardName: [{ css: '#memex-project-view-root h1', generation: 'memex 2022+' }],
  column: [{ css: '[data-board-column]', generation: 'memex 2022+' }],
  card: [{ css: '[data-board-card-id]', generation: 'memex 2022+' }],
  /** Present only when a card is rendered; virtualised shells have just aria-label and a height. */
  cardTitle: [{ css: 'h3[id^="board-card-title-"]', generation: 'memex 2022+' }],
  /** Table view: a field's header names it in its test id, "TableColumnHeader{id: Status}". */
  tableHeader: [{ css: '[role="columnheader"][data-testid^="TableColumnHeader{id: "]', generation: 'memex 2022+' }],
  /** Table rows show no item id. */
  tableRow: [
    // 2026 evidence: GitHub's test ids number the data rows, "TableRow{index: N}".
    { css: '[role="row"][data-testid^="TableRow{index: "]', generation: '2026 evidence' },
    // memex 2022+: any row of the grid, the header row included. Queried inside the board root.
    { css: '[role="row"]', generation: 'memex 2022+' },
  ],
  /** 2026 evidence: a cell names its field, "TableCell{row: N, column: Status}"; read fields by it. */
  tableFieldCell: [{ css: '[role="gridcell"][data-testid^="TableCell{row: "]', generation: '2026 evidence' }],
  /**
   * Fallback by position: the header row's cells (a role="cell" dummy above the row-number column,
   * then the column headers) pair with a data row's grid cells, the row-number cell included.
   */
  tableHeaderCell: [{ css: '[role="columnheader"], [role="cell"]', generation: 'memex 2022+' }],
  tableCell: [{ css: '[role="gridcell"]', generation: 'memex 2022+' }],
  /** The open item's pane: where our control goes. */
  pane: [
    // memex 2024+: the pane header, which 2026 evidence shows only for drafts and pull requests.
    { css: '[data-testid="side-panel-title"]', generation: 'memex 2024+' },
    // 2026 evidence: issues open in the shared issue viewer (TMetric, Clockify).
    { css: '[data-testid="issue-header"]', generation: '2026 issue viewer' },
  ],
  /** The pane's outer element, found when neither header is (Clockify 2025, Toggl 2026). */
  paneContainer: [
    { css: '[class*="issueViewerContainer"]', generation: '2026 issue viewer' },
    { css: '[data-testid="side-panel-focus-target"]', generation: '2026 evidence' },
  ],
  paneTitle: [
    { css: '[data-testid="side-panel-title"] bdi', generation: 'memex 2024+' },
    // 2026 evidence: TMetric reads the issue viewer's title by its test id, Clockify as "h1 bdi".
    { css: '[data-testid="issue-title"]', generation: '2026 issue viewer' },
    { css: '[data-testid="issue-header"] h1 bdi', generation: '2026 issue viewer' },
  ],
  /** The issue or pull request of the open item: what a table row shows of it. */
  paneContent: [
    { css: '[data-testid="side-panel-title"] a[href*="/issues/"], [data-testid="side-panel-title"] a[href*="/pull/"]', generation: 'memex 2024+' },
    { css: '[data-testid="issue-header"] a[href*="/issues/"]', generation: '2026 issue viewer' },
    // A 2026 userscript's fallback when the header has no test id.
    { css: 'h1[data-component="PH_Title"] a[href*="/issues/"]', generation: '2026 issue viewer' },
  ],
} as const satisfies Record<string, readonly Alternative[]>;
