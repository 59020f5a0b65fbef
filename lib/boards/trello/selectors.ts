import type { Alternative } from '../selectors';

/**
 * Trello's board DOM. "2023 React" is the data-testid UI that replaced the jQuery one in Oct 2023;
 * "2026 evidence" marks what maintained extensions and Trello's own test ids showed in 2026
 * (boards.md, "Evidence checked 2026-11").
 */
export const trelloSelectors = {
  boardRoot: [
    // 2026 evidence: the board root is a ul with a test id.
    { css: 'ul#board[data-testid="lists"]', generation: '2026 evidence' },
    // 2023 React as first described: an ol.
    { css: 'ol#board', generation: '2023 React' },
  ],
  boardName: [{ css: 'h1[data-testid="board-name-display"]', generation: '2023 React' }],
  column: [{ css: 'li[data-testid="list-wrapper"]', generation: '2023 React' }],
  columnName: [{ css: 'h2[data-testid="list-name"]', generation: '2023 React' }],
  card: [{ css: 'li[data-testid="list-card"]', generation: '2023 React' }],
  /** Ordinary cards: the name is a link holding the card's short link. */
  cardLink: [{ css: 'a[data-testid="card-name"][href^="/c/"]', generation: '2023 React' }],
  /** Every card front carries Trello's 24-hex card id, full-cover and link cards included (2026 evidence). */
  cardFront: [{ css: 'div[data-testid="trello-card"][data-card-id]', generation: '2026 evidence' }],
  cardName: [
    { css: 'a[data-testid="card-name"]', generation: '2023 React' },
    // 2026 evidence: full-cover and link cards name the card in a span, with no /c/ link.
    { css: 'span[data-testid="card-name"]', generation: '2026 evidence' },
  ],
  /** A mirror shows a card of another board (2026 evidence): never this board's card. */
  mirrorCard: [{ css: '[data-testid="mirror-card"]', generation: '2026 evidence' }],
  /** A divider between cards (2026 evidence), not a card. */
  separatorCard: [{ css: '[data-testid="separator-card"]', generation: '2026 evidence' }],
  /** Trello's own completion checkmark on the card front (2026 evidence). */
  completion: [{ css: '[data-testid="card-done-state-completion-button"]', generation: '2026 evidence' }],
  /** A ticked checkmark: its icon offers the opposite action (a 2026 userscript reads the same label). */
  completed: [{ css: '[data-testid="card-done-state-completion-button"] [aria-label^="Mark this card incomplete"]', generation: '2026 evidence' }],
  cardBadges: [{ css: '[data-testid="card-front-badges"]', generation: '2023 React' }],
  dialog: [{ css: '[role="dialog"][data-testid="card-back-name"]', generation: '2023 React' }],
  dialogTitle: [{ css: 'textarea[data-testid="card-back-title-input"]', generation: '2023 React' }],
  darkMode: [{ css: 'html[data-color-mode="dark"]', generation: '2023 React' }],
} as const satisfies Record<string, readonly Alternative[]>;
