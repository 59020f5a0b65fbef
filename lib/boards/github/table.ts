import { text } from '../adapter';
import { compile } from '../selectors';
import { githubSelectors } from './selectors';

const css = compile(githubSelectors);

/** Where the fields we read sit in every row: cells carry no field name, so they pair with headers by position. */
interface Layout {
  title: number;
  status: number;
}

export const isTableRow = (element: Element) => element.getAttribute('role') === 'row';

/** The table's layout from its header row ("TableColumnHeader{id: Status}"); null in the board view. */
export function tableLayout(root: Element): Layout | null {
  const headerRow = root.querySelector(css.tableHeader)?.closest('[role="row"]');
  if (!headerRow) return null;
  const ids = [...headerRow.querySelectorAll(css.tableCell)].map((cell) => cell.getAttribute('data-testid'));
  return { title: ids.indexOf('TableColumnHeader{id: Title}'), status: ids.indexOf('TableColumnHeader{id: Status}') };
}

const cellAt = (row: Element, index: number): Element | null => (index < 0 ? null : (row.querySelectorAll(css.tableCell)[index] ?? null));

/** A data row's cell of one field; null for the header row and when the field is hidden. */
function fieldCell(row: Element, field: keyof Layout, layout = rowLayout(row)): Element | null {
  const cell = layout && cellAt(row, layout[field]);
  return cell?.getAttribute('role') === 'gridcell' ? cell : null;
}

const rowLayout = (row: Element) => {
  const root = row.closest(css.boardRoot);
  return root ? tableLayout(root) : null;
};

/**
 * The issue or pull request a row holds, as the address of its page; null for drafts. Only the
 * Title cell counts: other fields (linked pull requests, parent issue) link to other issues.
 */
export function contentUrl(row: Element, layout?: Layout | null): string | null {
  const link = fieldCell(row, 'title', layout)?.querySelector<HTMLAnchorElement>('a[href*="/issues/"], a[href*="/pull/"]');
  return link ? normalisedContentUrl(link.href) : null;
}

/** https://github.com/acme/site/issues/31, whatever query, fragment or trailing slash it came with. */
export function normalisedContentUrl(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  return /^\/[^/]+\/[^/]+\/(issues|pull)\/\d+\/?$/.test(url.pathname) ? `${url.origin}${url.pathname.replace(/\/$/, '')}` : null;
}

export const rowTitle = (row: Element) => text(fieldCell(row, 'title'));

/** The row's Status, or null when the row has none to show (header row, Status field hidden). */
export function rowStatus(row: Element): string | null {
  const cell = fieldCell(row, 'status');
  return cell ? text(cell) : null;
}

export const titleCell = (row: Element) => fieldCell(row, 'title');

/** What opens the row's item in the side pane, as a click on its title does. */
export const rowOpener = (row: Element) => titleCell(row)?.querySelector<HTMLElement>('a, button') ?? null;

/** Every data row with the issue or pull request it holds. */
export function rowsWithContent(root: Element): { row: Element; url: string }[] {
  const layout = tableLayout(root);
  if (!layout) return [];
  return [...root.querySelectorAll(css.tableRow)].flatMap((row) => {
    const url = contentUrl(row, layout);
    return url ? [{ row, url }] : [];
  });
}

/** The Status values the rendered rows show, in order of first appearance: the table's "columns". */
export function statuses(root: Element): string[] {
  const layout = tableLayout(root);
  const names = new Set<string>();
  for (const row of layout ? root.querySelectorAll(css.tableRow) : []) {
    const cell = fieldCell(row, 'status', layout);
    if (cell) names.add(text(cell));
  }
  return [...names];
}
