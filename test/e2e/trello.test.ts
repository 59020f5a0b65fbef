import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';
import { boardCard, deliveries, linkThroughBoard, milestonePicker, milestoneState, panel, readTable, reportOnFailure, settle } from './support';

let browser: ExtensionBrowser;
let board: Page;
const move = (page: Page, shortLink: string, list: string) =>
  page.evaluate(([card, target]) => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move(card!, target!), [shortLink, list]);

beforeAll(async () => {
  browser = await launchExtension();
  board = await browser.context.newPage();
  await board.goto(fixtures.trelloBoard.url);
});
afterAll(() => browser?.close());

describe('Trello: milestone panel, links and Done detection', () => {
  it('creates a project for an unbound board from the in-board panel', async () => {
    reportOnFailure(browser, board, 'trello-setup');
    await panel(board).getByText('No project is bound to this Trello board yet').waitFor();
    await panel(board).getByLabel('Client').fill('Acme Retail GmbH');
    await panel(board).getByLabel('Contract total').fill('12,000.00');
    await panel(board).getByRole('button', { name: 'Create a project for this board' }).click();
    await expect.poll(() => panel(board).locator('li.milestone').count()).toBe(3);
    expect(await panel(board).locator('h2').textContent()).toBe('Acme website redesign');
  });

  it('rejects a bad total in the panel and creates nothing', async () => {
    const other = await browser.context.newPage();
    await other.goto('https://trello.com/b/MiDemo02/internal-tools');
    await panel(other).getByLabel('Client').fill('Someone');
    await panel(other).getByLabel('Contract total').fill('12.000,00');
    await panel(other).getByRole('button', { name: 'Create a project for this board' }).click();
    await panel(other).getByRole('alert').filter({ hasText: 'is not an amount' }).waitFor();
    expect(await readTable(browser, 'projects')).toHaveLength(1);
    await other.close();
  });

  it('links a card through the injected UI and badges it', async () => {
    reportOnFailure(browser, board, 'trello-link');
    await linkThroughBoard(board, 'Launch production site', 'Final delivery');
    expect(await board.locator('milestone-invoicer-badge').count()).toBe(1);
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('Planned');
    const [link] = await readTable<{ cardId: string; url: string }>(browser, 'cardLinks');
    expect(link).toMatchObject({ cardId: 'F1nalL1v', url: expect.stringMatching(/^https:\/\/trello\.com\/c\/F1nalL1v\//) });
  });

  it('delivers exactly once when the card is moved to Done (removed, then re-inserted)', async () => {
    reportOnFailure(browser, board, 'trello-move');
    await move(board, 'F1nalL1v', '✅ Done');
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Delivered');
    await settle(board);
    expect(await deliveries(browser)).toEqual(['"Final delivery" delivered: card "Launch production site" reached ✅ Done']);
    expect(await board.locator('milestone-invoicer-badge').count()).toBe(1);
  });

  it('reports a card moved out of Done, and does not deliver again when it comes back', async () => {
    await move(board, 'F1nalL1v', 'Doing');
    await panel(board).getByText('“Launch production site” left Done after delivery').waitFor();
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('Delivered');
    await move(board, 'F1nalL1v', '✅ Done');
    await expect.poll(() => panel(board).getByText('left Done after delivery').count()).toBe(0);
    await settle(board);
    expect(await deliveries(browser)).toHaveLength(1);
  });

  it('does not take a card that disappears (archived, filtered, scrolled away) for a move', async () => {
    await linkThroughBoard(board, 'Product page templates (PLP + PDP)', 'Functional prototype');
    await board.evaluate(() => (window as unknown as { trelloFixture: { remove(a: string): void } }).trelloFixture.remove('Hn45TyUi'));
    await settle(board);
    expect(await milestoneState(board, 'Functional prototype').textContent()).toBe('Planned');
    expect(await deliveries(browser)).toHaveLength(1);
  });

  it('delivers a linked card already in Done when the board opens', async () => {
    const later = await browser.context.newPage();
    reportOnFailure(browser, later, 'trello-already-done');
    await later.goto(`${fixtures.trelloBoard.url}?place=Hn45TyUi:✅ Done`);
    await expect.poll(() => milestoneState(later, 'Functional prototype').textContent()).toBe('Delivered');
    expect(await deliveries(browser)).toHaveLength(2);
    await later.close();
  });

  it('delivers once when two tabs of the board see the same move', async () => {
    await linkThroughBoard(board, 'Accessibility audit of checkout 🧾', 'Upfront deposit');
    const second = await browser.context.newPage();
    await second.goto(fixtures.trelloBoard.url);
    await ours(second, 'milestone-invoicer-badge').filter({ hasText: 'Upfront deposit' }).waitFor();
    await Promise.all([move(board, 'Kx81LmQa', '✅ Done'), move(second, 'Kx81LmQa', '✅ Done')]);
    await expect.poll(() => milestoneState(board, 'Upfront deposit').textContent()).toBe('Delivered');
    await settle(board);
    expect((await deliveries(browser)).filter((d) => d.includes('Upfront deposit'))).toHaveLength(1);
    await second.close();
  });
});

describe('Trello: navigation and the open card', () => {
  it('works on a board reached by SPA navigation (set up, badge, one delivery), and back without duplicates', async () => {
    reportOnFailure(browser, board, 'trello-navigation');
    await board.getByRole('link', { name: 'Internal tools' }).click();
    await panel(board).getByText('No project is bound to this Trello board yet').waitFor();
    expect(await board.locator('milestone-invoicer-badge').count()).toBe(0);
    // The tab still has the address it loaded with; the board must answer as if loaded directly.
    await panel(board).getByLabel('Client').fill('Acme Internal');
    await panel(board).getByLabel('Contract total').fill('3,000.00');
    await panel(board).getByRole('button', { name: 'Create a project for this board' }).click();
    await expect.poll(() => panel(board).locator('h2').textContent()).toBe('Internal tools');
    await linkThroughBoard(board, 'Time tracking export', 'Final delivery');
    expect(await board.locator('milestone-invoicer-badge').count()).toBe(1);
    await move(board, 'Tl00Aaaa', 'Done');
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Delivered');
    await settle(board);
    expect((await deliveries(browser)).filter((entry) => entry.includes('"Time tracking export"'))).toEqual([
      '"Final delivery" delivered: card "Time tracking export" reached Done',
    ]);
    await board.goBack();
    await expect.poll(() => panel(board).locator('h2').textContent()).toBe('Acme website redesign');
    await expect.poll(() => board.locator('milestone-invoicer-badge').count()).toBe(3);
    await board.goForward();
    await board.goBack();
    await expect.poll(() => board.locator('milestone-invoicer-badge').count()).toBe(3);
    expect(await board.locator('milestone-invoicer-panel').count()).toBe(1);
    expect(await board.locator('milestone-invoicer-picker').count()).toBe(1);
  });

  it("shows the milestone inside Trello's open card, without closing or fighting the dialog", async () => {
    reportOnFailure(browser, board, 'trello-dialog');
    await boardCard(board, 'Launch production site').click();
    const dialog = board.locator('[role="dialog"][data-testid="card-back-name"]');
    const control = ours(board, '[role="dialog"][data-testid="card-back-name"] milestone-invoicer-card-control');
    await control.getByText('Final delivery · Delivered').waitFor();
    await control.getByRole('button', { name: 'Change…' }).click();
    const menu = milestonePicker(board).locator('[role=\"menu\"]');
    await menu.waitFor();
    await board.keyboard.press('ArrowDown');
    await board.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await dialog.count()).toBe(1);
    await board.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await boardCard(board, 'Launch production site').click();
    await board.goBack();
    await board.goForward();
    await expect.poll(() => board.locator('milestone-invoicer-card-control').count()).toBe(1);
  });

  it('follows the board into dark mode', async () => {
    const dark = await browser.context.newPage();
    await dark.goto(`${fixtures.trelloBoard.url}?theme=dark`);
    await panel(dark).waitFor();
    expect(await dark.locator('milestone-invoicer-panel').getAttribute('data-theme')).toBe('dark');
    await dark.close();
    expect(browser.errors).toEqual([]);
  });
});
