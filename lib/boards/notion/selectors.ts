import type { Alternative } from '../selectors';

/** Notion's database board view. Notion has no test ids; its notion-* class names are the anchors. */
export const notionSelectors = {
  boardRoot: [{ css: '.notion-board-view', generation: '2020+' }],
  boardName: [
    { css: '.notion-collection_view_page-block h1', generation: '2020+ full-page database' },
    { css: '.notion-collection_view-block [contenteditable]', generation: '2020+ inline database' },
  ],
  column: [{ css: '.notion-board-group', generation: '2020+' }],
  card: [{ css: '.notion-collection-item[data-block-id]', generation: '2020+' }],
  cardLink: [{ css: 'a[role="link"], a[href]', generation: '2020+' }],
  peek: [
    { css: '.notion-peek-renderer', generation: '2020+' },
    { css: ':has(> .notion-peek-close)', generation: '2026 redesign' },
  ],
  peekTitle: [
    { css: 'h1[contenteditable]', generation: '2020+' },
    { css: 'h1[aria-roledescription="page title"]', generation: '2024+' },
  ],
  darkMode: [{ css: '.notion-dark-theme', generation: '2020+' }],
} as const satisfies Record<string, readonly Alternative[]>;
