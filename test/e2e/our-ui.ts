import type { CDPSession, Page } from 'playwright-core';

/**
 * Our in-board UI lives in closed shadow roots, which Playwright's locators cannot enter (nor can
 * page scripts: that is the point). Tests reach it the way DevTools does, over the DevTools
 * protocol, and act on it as a user: real mouse clicks at its place on screen, real key presses.
 * A locator-like chain, re-resolved on every call.
 */

type Text = { plain: string } | { source: string; flags: string };
type Step =
  | { kind: 'hosts'; css: string; inside?: { css: string; text: Text } }
  | { kind: 'css'; css: string }
  | { kind: 'hasText'; text: Text }
  | { kind: 'nth'; index: number }
  | { kind: 'role'; role: string; name?: Text }
  | { kind: 'byText'; text: Text }
  | { kind: 'label'; text: Text };
type Output = 'count' | 'text' | 'texts' | 'box';
/** An element's centre and edges, in viewport pixels. */
export type Box = { x: number; y: number; left: number; top: number; right: number; bottom: number };

const serialise = (text: string | RegExp): Text => (typeof text === 'string' ? { plain: text } : { source: text.source, flags: text.flags });

/** Runs in the page, on our shadow roots handed over by the protocol: resolves the steps. */
function resolve(this: unknown, steps: Step[], output: Output, ...roots: ShadowRoot[]) {
  const squash = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Playwright's text matching: case-insensitive substring for strings, as written for patterns.
  const matches = (value: string, text: Text) =>
    'plain' in text ? value.toLowerCase().includes(text.plain.toLowerCase()) : new RegExp(text.source, text.flags).test(value);
  const implicitRoles: Record<string, string> = { BUTTON: 'button', A: 'link', LI: 'listitem', UL: 'list', SECTION: 'region', FORM: 'form', H2: 'heading', SELECT: 'combobox' };
  const roleOf = (element: Element) => element.getAttribute('role') ?? implicitRoles[element.tagName] ?? (element.tagName === 'INPUT' ? 'textbox' : '');
  const within = (scopes: (Element | ShadowRoot)[], css: string) => scopes.flatMap((scope) => [...scope.querySelectorAll(css)]);
  let current: (Element | ShadowRoot)[] = roots;
  for (const step of steps) {
    if (step.kind === 'hosts') {
      const { css, inside } = step;
      current = roots.filter((root) => root.host.matches(css) && (!inside || matches(squash(root.host.closest(inside.css) ?? root), inside.text)));
    }
    else if (step.kind === 'css') current = within(current, step.css);
    else if (step.kind === 'hasText') current = current.filter((node) => matches(squash(node), step.text));
    else if (step.kind === 'nth') current = current.slice(step.index, step.index + 1);
    else if (step.kind === 'role') {
      current = within(current, '*').filter((element) => roleOf(element) === step.role && (!step.name || matches(element.getAttribute('aria-label') ?? squash(element), step.name)));
    } else if (step.kind === 'byText') {
      current = within(current, '*').filter((element) => matches(squash(element), step.text) && ![...element.children].some((child) => matches(squash(child), step.text)));
    } else {
      // A label's own words, not the options or value of the field inside it.
      const words = (label: Element) => {
        const copy = label.cloneNode(true) as Element;
        for (const field of copy.querySelectorAll('select, input, textarea')) field.remove();
        return squash(copy);
      };
      const labelled = within(current, 'label').filter((label) => matches(words(label), step.text)).map((label) => (label as HTMLLabelElement).control);
      current = [...labelled, ...within(current, '[aria-label]').filter((element) => matches(element.getAttribute('aria-label')!, step.text))].filter((element): element is HTMLElement => !!element);
    }
  }
  if (output === 'count') return current.length;
  const [first] = current;
  if (output === 'text') return first ? first.textContent : null;
  if (output === 'texts') return current.map((node) => node.textContent ?? '');
  if (!(first instanceof Element)) return null;
  first.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = first.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const sessionFor = (page: Page) => {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  return sessions.get(page)!;
};

/** Our hosts' shadow roots (closed ones included: the protocol sees them), in page order. */
function ourRoots(node: DomNode, found: number[] = []): number[] {
  if (node.localName?.startsWith('milestone-invoicer-')) found.push(...(node.shadowRoots ?? []).map((root) => root.backendNodeId));
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) ourRoots(child, found);
  return found;
}

let calls = 0;

/** Reads the page's tree, then resolves; a node the page removed in between means reading again. */
async function run(page: Page, steps: Step[], output: Output): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(page, steps, output);
    } catch (error) {
      if (attempt === 3 || !/Could not find|No node with given id/.test(String(error))) throw error;
    }
  }
}

async function runOnce(page: Page, steps: Step[], output: Output): Promise<unknown> {
  const cdp = await sessionFor(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const rootIds = ourRoots(root);
  if (rootIds.length === 0) return output === 'count' ? 0 : null;
  const objectGroup = `our-ui-${++calls}`;
  try {
    const handles = await Promise.all(rootIds.map((backendNodeId) => cdp.send('DOM.resolveNode', { backendNodeId, objectGroup })));
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: handles[0]!.object.objectId,
      // Test runners that keep function names compile in calls to a __name helper the page lacks.
      functionDeclaration: `function (...args) { const __name = (f) => f; return (${resolve.toString()}).apply(this, args); }`,
      arguments: [{ value: steps }, { value: output }, ...handles.map(({ object }) => ({ objectId: object.objectId }))],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`Reading our UI failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  }
}

/** Long enough for the background to answer on a busy two-core machine, well inside the 60 s test timeout. */
const WAIT_MS = 20_000;

export class OurUi {
  constructor(private readonly page: Page, private readonly steps: Step[]) {}

  private then_(step: Step) {
    return new OurUi(this.page, [...this.steps, step]);
  }

  locator(css: string) {
    return this.then_({ kind: 'css', css });
  }
  filter({ hasText }: { hasText: string | RegExp }) {
    return this.then_({ kind: 'hasText', text: serialise(hasText) });
  }
  nth(index: number) {
    return this.then_({ kind: 'nth', index });
  }
  first() {
    return this.nth(0);
  }
  getByRole(role: string, { name }: { name?: string | RegExp } = {}) {
    return this.then_({ kind: 'role', role, name: name === undefined ? undefined : serialise(name) });
  }
  getByText(text: string | RegExp) {
    return this.then_({ kind: 'byText', text: serialise(text) });
  }
  getByLabel(text: string | RegExp) {
    return this.then_({ kind: 'label', text: serialise(text) });
  }

  async count(): Promise<number> {
    return (await run(this.page, this.steps, 'count')) as number;
  }

  async waitFor({ state = 'attached', timeout = WAIT_MS }: { state?: 'attached' | 'detached'; timeout?: number } = {}): Promise<void> {
    const end = Date.now() + timeout;
    for (;;) {
      const count = await this.count();
      if (state === 'attached' ? count > 0 : count === 0) return;
      if (Date.now() > end) throw new Error(`Our UI never ${state === 'attached' ? 'showed' : 'dropped'} ${JSON.stringify(this.steps)}`);
      await this.page.waitForTimeout(100);
    }
  }

  async textContent(): Promise<string | null> {
    await this.waitFor();
    return (await run(this.page, this.steps, 'text')) as string | null;
  }

  /** Every match's text, without waiting for one to show: [] when there is none. */
  async allTextContents(): Promise<string[]> {
    return ((await run(this.page, this.steps, 'texts')) as string[] | null) ?? [];
  }

  /** Where the element is on screen (scrolled into view first), in viewport pixels. */
  async box(): Promise<Box> {
    await this.waitFor();
    return (await run(this.page, this.steps, 'box')) as Box;
  }

  async center(): Promise<{ x: number; y: number }> {
    const { x, y } = await this.box();
    return { x, y };
  }

  /** A real click at the element's place on screen: whatever is on top there gets it, as for a user. */
  async click(): Promise<void> {
    const { x, y } = await this.center();
    await this.page.mouse.click(x, y);
  }

  async hover(): Promise<void> {
    const { x, y } = await this.center();
    await this.page.mouse.move(x, y);
  }

  /** Clicks into the field, selects what it holds and types over it. */
  async fill(value: string): Promise<void> {
    await this.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(value);
  }
}

/**
 * Our UI inside the hosts that match `hostCss` ("milestone-invoicer-panel", "[role=row] milestone-invoicer-badge"),
 * optionally only those inside a page element with some text (a card or row by its title).
 */
export const ours = (page: Page, hostCss: string, inside?: { css: string; hasText: string | RegExp }) =>
  new OurUi(page, [{ kind: 'hosts', css: hostCss, inside: inside && { css: inside.css, text: serialise(inside.hasText) } }]);
