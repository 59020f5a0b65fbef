import type { Alternative } from '../selectors';

/**
 * Notion's database board view. Notion has no test ids; its notion-* class names are the anchors,
 * and where nothing else exists, inline styles and ARIA labels. "2026 evidence" marks what boards.md
 * ("Evidence checked 2026-11") records from maintained extensions and public userscripts.
 */
export const notionSelectors = {
  boardRoot: [{ css: '.notion-board-view', generation: '2020+' }],
  boardName: [
    { css: '.notion-collection_view_page-block h1', generation: '2020+ full-page database' },
    { css: '.notion-collection_view-block [contenteditable]', generation: '2020+ inline database' },
  ],
  column: [{ css: '.notion-board-group', generation: '2020+' }],
  /** A group header's options button: what tells a group's header from the header row's extras. */
  groupOptions: [{ css: '[aria-label="More group options"]', generation: '2026 evidence' }],
  /** A group header: draggable, so its inline style sets the grab cursor (a 2026 userscript). */
  groupHeader: [{ css: '[style*="cursor: grab"]', generation: '2026 evidence' }],
  card: [{ css: '.notion-collection-item[data-block-id]', generation: '2020+' }],
  cardLink: [{ css: 'a[role="link"], a[href]', generation: '2020+' }],
  /** The card's title leaf: the link also wraps the cover and the property pills. */
  cardTitle: [{ css: '[data-content-editable-leaf]', generation: '2026 evidence' }],
  /** What a card's link holds besides its title. */
  cardExtras: [{ css: '[data-testid="property-value"], [role="img"], .notion-record-icon', generation: '2020+' }],
  peek: [{ css: '.notion-peek-renderer', generation: '2020+' }],
  /** 2026 redesign: the close button sits in a top bar that does not wrap the page title. */
  peekClose: [
    { css: '.peek-top-hover-area .notion-peek-close', generation: '2026 redesign' },
    { css: '.notion-peek-close', generation: '2020+' },
  ],
  peekTitle: [
    { css: 'h1[contenteditable]', generation: '2020+' },
    { css: 'h1[aria-roledescription="page title"]', generation: '2024+' },
  ],
  darkMode: [{ css: '.notion-dark-theme', generation: '2020+' }],
} as const satisfies Record<string, readonly Alternative[]>;
