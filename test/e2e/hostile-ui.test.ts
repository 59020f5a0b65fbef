import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';
import { milestoneState, panel, readTable, reportOnFailure, settle, unfoldPanel } from './support';

let browser: ExtensionBrowser;
let board: Page;

/** Installed before any board script: a page that hooks attachShadow to keep every root it can. */
const hookShadowRoots = () => {
  const kept: ShadowRoot[] = [];
  (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots = kept;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    kept.push(root);
    return root;
  };
};

/**
 * What a hostile page script (analytics, session replay, an XSS) does with our UI, in the page's
 * own world: look for our shadow roots, read their text, and press every control of ours it can
 * reach, by element.click(), by dispatched pointer, mouse and keyboard events, and at the place on
 * screen where it knows a button of ours is.
 */
const attack = (targets: { x: number; y: number }[]) => {
  const hosts = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('milestone-invoicer-'));
  // What is at those places before anything is pressed (a press may open the host's card dialog over them).
  const reachedAtButtons = targets.map(({ x, y }) => document.elementFromPoint(x, y)?.localName);
  const press = (element: Element) => {
    (element as HTMLElement).click();
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      element.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }
    for (const key of ['Enter', ' ']) {
      element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      element.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
    element.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true, cancelable: true }));
  };
  for (const host of hosts) press(host);
  // Any root it got hold of (open, or kept from attachShadow): every control inside.
  const roots = [...hosts.flatMap((host) => host.shadowRoot ?? []), ...(window as unknown as { keptRoots: ShadowRoot[] }).keptRoots];
  for (const root of roots) for (const control of root.querySelectorAll('button, summary, input, form')) press(control);
  // Only what is ours at those places: a synthetic click on the board's own links would navigate the page away.
  const isOurs = (element: Element) => element.localName.startsWith('milestone-invoicer-');
  for (const { x, y } of targets) {
    const reached = document.elementFromPoint(x, y);
    if (reached && isOurs(reached)) press(reached);
    for (const element of document.elementsFromPoint(x, y).filter(isOurs)) element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
  }
  return {
    hosts: hosts.map((host) => host.localName),
    openRoots: hosts.filter((host) => host.shadowRoot).length,
    keptRoots: (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots.filter((root) => root.host.localName.startsWith('milestone-invoicer-')).length,
    reachedAtButtons,
    pageText: document.body.innerText,
    hostAttributes: hosts.map((host) => [...host.attributes].map((attribute) => `${attribute.name}=${attribute.value}`).join(' ')).join(' '),
  };
};

beforeAll(async () => {
  browser = await launchExtension();
  const options = await browser.extensionPage('options.html');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await options.close();
  board = await browser.context.newPage();
  await board.addInitScript(hookShadowRoots);
  await board.goto(fixtures.trelloBoard.url);
  await board.locator('milestone-invoicer-badge').nth(1).waitFor();
});
afterAll(() => browser?.close());

describe('a hostile page script', () => {
  it('can neither read nor press our controls, while a real click still invoices', async () => {
    reportOnFailure(browser, board, 'hostile-ui');
    await unfoldPanel(board);
    const badgeButton = ours(board, 'milestone-invoicer-badge').getByRole('button', { name: 'Invoice now: Functional prototype' });
    const panelButton = panel(board).getByRole('button', { name: 'Invoice now: Functional prototype' });
    await panel(board).getByText('Done columns').click();
    const doneBoxes = panel(board).locator('details input[type="checkbox"]');
    await doneBoxes.first().waitFor();
    const saveDoneColumns = panel(board).getByRole('button', { name: 'Save' });
    const inPanel = [await panelButton.center(), await doneBoxes.first().center(), await saveDoneColumns.center()];
    // The badge's place last: bringing the panel's controls into view may scroll the board under it.
    const targets = [await badgeButton.center(), ...inPanel];
    const invoicesBefore = await readTable(browser, 'invoices');
    const [boardBefore] = await readTable<{ doneColumns: string[] | null }>(browser, 'boards');

    const seen = await board.evaluate(attack, targets);
    await settle(board);

    // Nothing happened: no invoice, the Done columns as they were, the milestone still delivered.
    expect(await readTable(browser, 'invoices')).toEqual(invoicesBefore);
    expect((await readTable<{ doneColumns: string[] | null }>(browser, 'boards'))[0]!.doneColumns).toEqual(boardBefore!.doneColumns);
    expect(await milestoneState(board, 'Functional prototype').textContent()).toBe('Delivered');
    // And the page saw only our empty hosts: no root, no text, no amount.
    expect(seen.hosts).toEqual(expect.arrayContaining(['milestone-invoicer-panel', 'milestone-invoicer-badge', 'milestone-invoicer-picker']));
    expect(seen.openRoots).toBe(0);
    expect(seen.keptRoots).toBe(0);
    expect(seen.reachedAtButtons).toEqual(['milestone-invoicer-badge', 'milestone-invoicer-panel', 'milestone-invoicer-panel', 'milestone-invoicer-panel']);
    for (const ours_ of ['Invoice now', 'Functional prototype', 'Done columns']) expect(seen.pageText).not.toContain(ours_);
    expect(seen.hostAttributes).not.toMatch(/prototype|€|\d+[.,]\d\d/i);

    // The page's clicks on our hosts landed on its cards, which open: a user goes back to the board, then clicks.
    await board.evaluate((url) => {
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }, fixtures.trelloBoard.url);
    await badgeButton.click();
    await expect.poll(() => milestoneState(board, 'Functional prototype').textContent()).toBe('Invoiced');
    expect(await readTable(browser, 'invoices')).toHaveLength(invoicesBefore.length + 1);
    expect(browser.errors).toEqual([]);
  });
});
