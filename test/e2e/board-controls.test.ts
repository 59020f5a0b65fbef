import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours, type Box } from './our-ui';
import { boardCard, linkControl, milestonePicker, panel, readTable, reportOnFailure, settle, unfoldPanel } from './support';

let browser: ExtensionBrowser;

const overlaps = (a: Box, b: { x: number; y: number; width: number; height: number }) =>
  a.left < b.x + b.width && b.x < a.right && a.top < b.y + b.height && b.y < a.bottom;

beforeAll(async () => {
  browser = await launchExtension();
  const options = await browser.extensionPage('options.html');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await options.close();
});
afterAll(() => browser?.close());

describe('the in-board controls stay out of the host’s way', () => {
  it('puts the link control beside a Notion card’s content, never over it, and takes it away when the pointer leaves', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'controls-notion');
    await board.goto(fixtures.notionBoard.url);
    const card = board.locator('.notion-collection-item').filter({ hasText: 'Landing page copy' });
    await card.locator('a').first().hover();
    const control = await linkControl(board).locator('button.control').box();
    // Nothing the user aims at on the card is under the control: its title, its property pills, a button.
    // (Notion's card link wraps the whole card, so the control sits inside it, beside those.)
    const hostControls = card.locator('[data-content-editable-leaf], [data-testid="property-value"], button, [role="button"]');
    for (let i = 0; i < (await hostControls.count()); i++) {
      expect(overlaps(control, (await hostControls.nth(i).boundingBox())!)).toBe(false);
    }
    // A click on the title is the host's: its peek opens, our picker does not.
    await card.locator('[data-content-editable-leaf]').click();
    // The 2026 peek: a top bar with its close button (boards.md), no .notion-peek-renderer.
    await board.locator('.notion-peek-close').waitFor();
    expect(await milestonePicker(board).locator('[role="menu"]').count()).toBe(0);
    await board.mouse.move(2, 2);
    await expect.poll(() => board.locator('milestone-invoicer-link-control').count()).toBe(0);
    await board.close();
  });

  it('lets a keyboard user Tab from a card to its link control and open the picker', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'controls-keyboard');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    await boardCard(board, 'Product page templates (PLP + PDP)').focus();
    await board.keyboard.press('Tab');
    expect(await board.evaluate(() => document.activeElement?.localName)).toBe('milestone-invoicer-link-control');
    await board.keyboard.press('Enter');
    const menu = milestonePicker(board).locator('[role="menu"]');
    await menu.getByRole('menuitemradio', { name: 'Functional prototype' }).waitFor();
    await board.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await board.close();
  });

  it('folds the panel of a set-up board to a tab that covers no card', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'controls-panel');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    const tab = await ours(board, 'milestone-invoicer-panel').locator('button.folded').box();
    const cards = board.locator('li[data-testid="list-card"]');
    expect(await cards.count()).toBeGreaterThan(3);
    for (let i = 0; i < (await cards.count()); i++) expect(overlaps(tab, (await cards.nth(i).boundingBox())!)).toBe(false);
    await board.close();
  });

  it('binds an unbound board to an existing project from its panel', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'controls-bind-existing');
    await board.goto('https://trello.com/b/MiDemo02/internal-tools');
    const [demo] = await readTable<{ id: string; name: string }>(browser, 'projects');
    await panel(board).getByRole('form', { name: 'Bind an existing project' }).getByText(demo!.name).waitFor();
    await panel(board).getByRole('button', { name: 'Bind this board to the project' }).click();
    await panel(board).locator('h2').filter({ hasText: demo!.name }).waitFor();
    const boards = await readTable<{ id: string; projectId?: string }>(browser, 'boards');
    expect(boards.find((b) => b.id === 'trello:MiDemo02')?.projectId).toBe(demo!.id);
    await board.close();
  });

  it('asks before saving a Done-column choice with nothing ticked', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'controls-done-columns');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    await unfoldPanel(board);
    await panel(board).getByText('Done columns').click();
    const boxes = panel(board).locator('details input[type="checkbox"]:checked');
    await boxes.first().waitFor();
    while ((await boxes.count()) > 0) await boxes.first().click();
    await panel(board).getByRole('button', { name: 'Save' }).click();
    await panel(board).getByRole('alert').filter({ hasText: 'no linked card will ever deliver' }).waitFor();
    await settle(board);
    const doneColumns = async () => (await readTable<{ id: string; doneColumns: string[] | null }>(browser, 'boards')).find((b) => b.id === 'trello:MiDemo01')!.doneColumns;
    expect(await doneColumns()).toBeNull();
    await panel(board).getByRole('button', { name: 'Save with no Done column' }).click();
    await expect.poll(doneColumns).toEqual([]);
    await board.close();
  });
});
