import { text } from '../adapter';
import { compile } from '../selectors';
import { notionSelectors } from './selectors';

const css = compile(notionSelectors);

/** NodeFilter.SHOW_TEXT, a constant of the DOM standard (no NodeFilter global outside a window). */
const SHOW_TEXT = 0x4;

/** The first text the user reads in an element, outside the parts matching `outside`. */
function firstText(element: Element, outside: string): string {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue?.trim();
    if (value && !node.parentElement?.closest(outside)) return value;
  }
  return '';
}

/** A group's name comes before its count, outside its buttons. */
const headerName = (header: Element) => firstText(header, '[role="button"], button');

const shown = (element: Element) => !(element as HTMLElement).hidden && (element as HTMLElement).style?.display !== 'none';

/**
 * The group headers, in order. 2026: the entries of the header row holding an options button,
 * shown (the row also holds "Hidden groups", "New group" and "Load more"). 2020+: the nearest row
 * above the groups with an entry per group, its extras trailing.
 */
function groupHeaders(root: Element, row: Element): Element[] {
  const entry = root.querySelector(css.groupOptions)?.closest(css.groupHeader);
  if (entry?.parentElement) return [...entry.parentElement.children].filter((header) => header.querySelector(css.groupOptions) && shown(header));
  const groups = row.children.length;
  let header = row.previousElementSibling;
  while (header && header.children.length < groups) header = header.previousElementSibling;
  return header ? [...header.children] : [];
}

/** A group's row: the groups of one sub-group, or of the whole board. */
const groupsOf = (row: Element) => [...row.children].filter((child) => child.matches(css.column));

/** The name the user sees on the group's header, or null when no header pairs with it. */
export function groupName(group: Element, root: Element): string | null {
  const row = group.parentElement;
  if (!row) return null;
  const header = groupHeaders(root, row)[groupsOf(row).indexOf(group)];
  return (header && headerName(header)) || null;
}

/** The board's column names: those of its first row of groups (sub-groups repeat them). */
export function columnNames(root: Element): string[] {
  const row = root.querySelector(css.column)?.parentElement;
  if (!row) return [];
  const headers = groupHeaders(root, row);
  return groupsOf(row).map((_, index) => (headers[index] ? headerName(headers[index]) : ''));
}

/** A card's title: its title leaf, else the first text of its link outside the pills and icon. */
export function cardTitle(link: Element): string {
  const leaf = link.querySelector(css.cardTitle);
  return leaf ? text(leaf) : firstText(link, css.cardExtras);
}
