import { text } from '../adapter';
import { compile, quoted } from '../selectors';
import { githubSelectors } from './selectors';

const css = compile(githubSelectors);

/** The fields of a row we read. */
type Field = 'Title' | 'Status';

export const isTableRow = (element: Element) => element.getAttribute('role') === 'row';

/** The cell GitHub names "TableCell{row: N, column: <field>}". */
const namedCell = (row: Element, field: Field) => row.querySelector(`${css.tableFieldCell}[data-testid$=${quoted(`, column: ${field}}`)}]`);

/**
 * Fallback when cells carry no test ids: the field's position among the header row's cells, which
 * start with a dummy above the row-number column just as data rows start with its grid cell.
 */
function cellByPosition(row: Element, field: Field): Element | null {
  const headerRow = row.closest(css.boardRoot)?.querySelector(css.tableHeader)?.closest('[role="row"]');
  if (!headerRow || headerRow === row) return null;
  const index = [...headerRow.querySelectorAll(css.tableHeaderCell)].findIndex((cell) => cell.getAttribute('data-testid') === `TableColumnHeader{id: ${field}}`);
  return index < 0 ? null : (row.querySelectorAll(css.tableCell)[index] ?? null);
}

/** A data row's cell of one field; null for the header row and when the column is hidden. */
function fieldCell(row: Element, field: Field): Element | null {
  const cell = namedCell(row, field) ?? cellByPosition(row, field);
  // A hidden column stays in the page: what the user cannot see does not count.
  return cell && !cell.closest('[hidden]') ? cell : null;
}

/**
 * The issue or pull request a row holds, as the address of its page; null for drafts. Only the
 * Title cell counts: other fields (linked pull requests, parent issue) link to other issues.
 */
export function contentUrl(row: Element): string | null {
  const link = fieldCell(row, 'Title')?.querySelector<HTMLAnchorElement>('a[href*="/issues/"], a[href*="/pull/"]');
  return link ? normalisedContentUrl(link.href) : null;
}

/** https://github.com/acme/site/issues/31, whatever query, fragment or trailing slash it came with. */
export function normalisedContentUrl(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  return /^\/[^/]+\/[^/]+\/(issues|pull)\/\d+\/?$/.test(url.pathname) ? `${url.origin}${url.pathname.replace(/\/$/, '')}` : null;
}

/** The issue viewer's "&issue=acme|site|31" (or %7C-encoded) as the issue's address. */
export function issueParamUrl(pageUrl: URL): string | null {
  const [owner, repo, number, ...rest] = pageUrl.searchParams.get('issue')?.split('|') ?? [];
  const valid = owner && repo && number && rest.length === 0 && /^\d+$/.test(number) && ![owner, repo].some((part) => /[/?#]/.test(part));
  return valid ? `${pageUrl.origin}/${owner}/${repo}/issues/${number}` : null;
}

export const rowTitle = (row: Element) => text(fieldCell(row, 'Title'));

/** The row's Status, or null when the row has none to show (header row, Status column hidden). */
export function rowStatus(row: Element): string | null {
  const cell = fieldCell(row, 'Status');
  return cell ? text(cell) : null;
}

export const titleCell = (row: Element) => fieldCell(row, 'Title');

/** What opens the row's item in the side pane, as a click on its title does. */
export const rowOpener = (row: Element) => titleCell(row)?.querySelector<HTMLElement>('a, button') ?? null;

/** Every data row with the issue or pull request it holds. */
export function rowsWithContent(root: Element): { row: Element; url: string }[] {
  return [...root.querySelectorAll(css.tableRow)].flatMap((row) => {
    const url = contentUrl(row);
    return url ? [{ row, url }] : [];
  });
}

/** The Status values the rendered rows show, in order of first appearance: the table's "columns". */
export function statuses(root: Element): string[] {
  const names = new Set<string>();
  for (const row of root.querySelectorAll(css.tableRow)) {
    const status = rowStatus(row);
    if (status !== null) names.add(status);
  }
  return [...names];
}
