type Child = Node | string | null | undefined | false;

/** A tiny element builder: text children are always text nodes, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean | EventListener>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), trusted(value));
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * Our controls act only on the user's own input: a page script's element.click() or dispatched
 * event must never invoice, link or change settings.
 */
function trusted(handler: EventListener): EventListener {
  return (event) => {
    if (event.isTrusted) handler(event);
    // Nor may a synthetic click reach a default action, such as submitting our form.
    else event.preventDefault();
  };
}

/** Events that must not reach the board's own handlers: its shortcuts, drag and dialog closing. */
const isolatedEvents = ['keydown', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut', 'mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup', 'contextmenu', 'dragstart', 'focusin', 'focusout'];

/** Stops an event at our edge, except an Escape we did not use: that still closes the host's dialog. */
function isolate(event: Event): void {
  if (event instanceof KeyboardEvent && event.key === 'Escape' && !event.defaultPrevented) return;
  event.stopPropagation();
}

const isolated = new WeakSet<Element>();

/** Stops our events at the host's edge; for a host that holds controls (idempotent). */
export function isolateEvents(host: Element): void {
  if (isolated.has(host)) return;
  isolated.add(host);
  for (const type of isolatedEvents) host.addEventListener(type, isolate);
}

/** Our hosts' shadow roots: closed, so only this content script holds them. */
const roots = new WeakMap<Element, ShadowRoot>();

/**
 * A host element with a closed shadow root holding our styles, so the board's CSS and ours never
 * mix, page scripts can neither read nor click what is inside, and (when it holds controls) our
 * events stop at its edge.
 */
export function shadowHost(tag: string, css: string, { controls = true } = {}): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  if (controls) isolateEvents(host);
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [sheetFor(css)];
  roots.set(host, root);
  return { host, root };
}

/** The shadow root we gave this host; undefined for a copy the page made of it. */
export const rootOf = (host: Element): ShadowRoot | undefined => roots.get(host);

const sheets = new Map<string, CSSStyleSheet>();

/** One parsed stylesheet per kind of host, shared by every badge instead of parsed into each. */
function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

export const OUR_TAG_PREFIX = 'milestone-invoicer-';
export const isOurs = (node: Node) => node instanceof Element && node.localName.startsWith(OUR_TAG_PREFIX);
