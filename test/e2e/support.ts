import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';

/** On failure, print what the browser saw: console errors, refused requests, a screenshot. */
export function reportOnFailure(browser: ExtensionBrowser, page: Page, name: string): void {
  onTestFailed(async () => {
    mkdirSync('test-results', { recursive: true });
    const path = `test-results/${name.replace(/\W+/g, '-')}.png`;
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(
      [`Screenshot: ${path}`, `Console errors:`, ...browser.errors.map((e) => `  ${e}`), 'Refused requests:', ...browser.blocked.map((u) => `  ${u}`)].join('\n'),
    );
  });
}

/** A fresh browser with the demo data, on the demo Trello board once its badges are drawn. */
export async function demoTrelloBoard(): Promise<{ browser: ExtensionBrowser; board: Page }> {
  const browser = await launchExtension();
  const options = await browser.extensionPage('options.html');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await options.close();
  const board = await browser.context.newPage();
  await board.goto(fixtures.trelloBoard.url);
  await board.locator('milestone-invoicer-badge').nth(1).waitFor();
  return { browser, board };
}

/** Every row of one table of the extension's database, read from an extension page. */
export async function readTable<T = Record<string, unknown>>(browser: ExtensionBrowser, table: string): Promise<T[]> {
  const page = await browser.extensionPage('options.html');
  const rows = await page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('milestone-invoicer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        };
      }),
    table,
  );
  await page.close();
  return rows as T[];
}

export async function deliveries(browser: ExtensionBrowser): Promise<string[]> {
  const activity = await readTable<{ kind: string; summary: string }>(browser, 'activity');
  return activity.filter((entry) => entry.kind === 'delivered').map((entry) => entry.summary);
}

/** Our in-board panel (in a closed shadow root: see our-ui.ts). */
export const panel = (page: Page) => ours(page, 'milestone-invoicer-panel').locator('section');

/** The milestone row of the in-board panel: its state pill. */
export const milestoneState = (page: Page, title: string) => ({
  async textContent() {
    await unfoldPanel(page);
    return panel(page).locator('li.milestone').filter({ hasText: title }).locator('.pill').textContent();
  },
});

/** A set-up board's panel starts folded to a tab: unfold it as a user would (the board remembers). */
export async function unfoldPanel(page: Page): Promise<void> {
  const ourPanel = ours(page, 'milestone-invoicer-panel');
  await ourPanel.locator('section, button.folded').waitFor();
  if ((await ourPanel.locator('button.folded').count()) > 0) await ourPanel.locator('button.folded').click();
  await panel(page).waitFor();
}

/** A card on the board by its title, through the host's own markup (not our panel's copy of it). */
export const boardCard = (page: Page, title: string, cardSelector = 'a[data-testid="card-name"]') =>
  page.locator(cardSelector).filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

/** The link control on the hovered or focused card. */
export const linkControl = (page: Page) => ours(page, 'milestone-invoicer-link-control');

/** The milestone picker the link control and the open card's control open. */
export const milestonePicker = (page: Page) => ours(page, 'milestone-invoicer-picker');

/** Links a card through the injected UI: hover it, open our control, pick the milestone. */
export async function linkThroughBoard(page: Page, cardTitle: string, milestone: string, cardSelector?: string): Promise<void> {
  await boardCard(page, cardTitle, cardSelector).hover();
  await linkControl(page).locator('button.control').click();
  await milestonePicker(page).locator('[role="menu"]').getByRole('menuitemradio', { name: milestone }).click();
  await ours(page, 'milestone-invoicer-badge').filter({ hasText: milestone }).first().waitFor();
}

/** Longer than the settle time: long enough for a wrong delivery to have happened. */
export const settle = (page: Page) => page.waitForTimeout(1_000);

/**
 * Opens Chrome's real side panel beside `board` (through the popup's button) and returns its text.
 * Playwright does not expose side panels as pages, so this reads it over the raw DevTools protocol.
 */
export async function sidePanelText(browser: ExtensionBrowser, board: Page): Promise<() => Promise<string>> {
  const popup = await browser.extensionPage('popup.html');
  await board.bringToFront();
  await popup.getByRole('button', { name: 'Open workspace' }).click();
  const cdp = await browser.context.newCDPSession(board);
  const findPanel = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.find((target) => target.url.endsWith('/sidepanel.html'));
  await expect.poll(findPanel).toBeDefined();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: (await findPanel())!.targetId, flatten: false });
  let id = 0;
  return async () => {
    const mine = ++id;
    const reply = new Promise<string>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id: number; result: { result: { value: string } } };
        if (message.id === mine) resolve(message.result.result.value);
      });
    });
    const evaluate = { id: mine, method: 'Runtime.evaluate', params: { expression: 'document.body.innerText', returnByValue: true } };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(evaluate) });
    return reply;
  };
}

/** The business profile an invoice needs (name, address, tax number), filled in on the options page as a user would. */
export async function fillBusinessProfile(browser: ExtensionBrowser, profile: { name: string; address: string; taxId: string }): Promise<void> {
  const options = await browser.extensionPage('options.html');
  const section = options.locator('section').filter({ hasText: 'Your business' });
  await section.getByLabel('Business name').fill(profile.name);
  await section.getByLabel('Address').fill(profile.address);
  await section.getByLabel('VAT ID / tax number').fill(profile.taxId);
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.getByText('Saved.').waitFor();
  await options.close();
}

/** A client created by name only (the board's form) gets the address no invoice is numbered without, in the workspace. */
export async function addClientAddress(browser: ExtensionBrowser, client: string): Promise<void> {
  const workspace = await browser.extensionPage('sidepanel.html');
  // A project card's subtitle starts with its client's name: "Acme Ltd · contract €9,000.00".
  const byName = new RegExp(`^${client.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `);
  const project = workspace.locator('section.card').filter({ has: workspace.locator('.muted', { hasText: byName }) });
  await project.getByRole('button', { name: 'Edit client' }).click();
  await workspace.getByLabel('Address').fill('1 Main Street, Springfield');
  await workspace.getByRole('button', { name: 'Save client' }).click();
  await workspace.getByRole('button', { name: 'Save client' }).waitFor({ state: 'detached' });
  await workspace.close();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations axe finds on the page. */
export async function axeViolations(page: Page): Promise<string[]> {
  // DevTools evaluation is not subject to the extension page's script-src 'self'.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}
