import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';
import { addClientAddress, deliveries, fillBusinessProfile, linkControl, linkThroughBoard, milestonePicker, milestoneState, panel, readTable, reportOnFailure, settle, sidePanelText } from './support';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
  await fillBusinessProfile(browser, { name: 'Северный дизайн ООО', address: 'Невский проспект 1, Санкт-Петербург', taxId: '7801234567' });
});

/** The invoices stored for one client's project, by milestone title on their line. */
async function invoicesFor(client: string) {
  const invoices = await readTable<{ buyer: { name: string }; lines: { description: string }[]; seller: { name: string } }>(browser, 'invoices');
  return invoices.filter((invoice) => invoice.buyer.name === client);
}
afterAll(() => browser?.close());

async function setUpProject(page: Page, client: string) {
  await panel(page).getByLabel('Client').fill(client);
  await panel(page).getByLabel('Contract total').fill('9,000');
  await panel(page).getByRole('button', { name: 'Create a project for this board' }).click();
  await expect.poll(() => panel(page).locator('li.milestone').count()).toBe(3);
  await addClientAddress(browser, client);
}

const fixture = (page: Page, name: 'githubFixture' | 'notionFixture', call: string, ...args: string[]) =>
  page.evaluate(([n, c, a]) => (window as unknown as Record<string, Record<string, (...x: string[]) => void>>)[n as string]![c as string]!(...(a as string[])), [name, call, args] as const);

describe('GitHub Projects board view', () => {
  const card = 'h3[id^="board-card-title-"]';
  let board: Page;

  it('links an item and delivers once when it moves to Done', async () => {
    board = await browser.context.newPage();
    reportOnFailure(browser, board, 'github-move');
    await board.goto(fixtures.githubBoard.url);
    await setUpProject(board, 'Acme Inc.');
    await linkThroughBoard(board, 'Search results page', 'Final delivery', card);
    await fixture(board, 'githubFixture', 'move', '88110012', 'Done');
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    await settle(board);
    expect(await deliveries(browser)).toEqual(['"Final delivery" delivered: card "Search results page" reached Done']);
    const invoices = await invoicesFor('Acme Inc.');
    expect(invoices.map((invoice) => [invoice.seller.name, invoice.lines[0]!.description])).toEqual([['Северный дизайн ООО', 'Acme client work: Final delivery']]);
    expect(await readTable(browser, 'invoiceFiles')).toHaveLength(1);
  });

  it('does not move a card that becomes a virtualised shell, and keys draft items by item id', async () => {
    await linkThroughBoard(board, 'Mobile navigation', 'Functional prototype', card);
    await fixture(board, 'githubFixture', 'virtualise', '88110014');
    await settle(board);
    await fixture(board, 'githubFixture', 'render', '88110014');
    await settle(board);
    expect(await milestoneState(board, 'Functional prototype').textContent()).toBe('Planned');
    await linkThroughBoard(board, 'Draft: pricing page', 'Upfront deposit', card);
    const links = await readTable<{ cardId: string; url: string }>(browser, 'cardLinks');
    expect(links.find((link) => link.cardId === '88110015')?.url).toBe('https://github.com/orgs/acme/projects/7/views/1?pane=issue&itemId=88110015');
    expect(await deliveries(browser)).toHaveLength(1);
  });

  it("shows the milestone in the item's side pane", async () => {
    // An issue opens in GitHub's issue viewer, which has no side-panel-title.
    await board.locator(card).filter({ hasText: 'Search results page' }).click();
    await board.locator('[data-testid="issue-header"]').waitFor();
    await ours(board, 'milestone-invoicer-card-control').getByText('Final delivery · Invoiced').waitFor();
  });
});

describe('GitHub Projects table view', () => {
  const row = (page: Page, title: string) => page.locator('[role="row"]').filter({ hasText: title });
  const deliveriesOf = async (title: string) => (await deliveries(browser)).filter((entry) => entry.includes(`"${title}"`));
  let board: Page;

  it('follows an item linked on the board into the table, and delivers once when its Status becomes Done there', async () => {
    board = await browser.context.newPage();
    reportOnFailure(browser, board, 'github-table');
    await board.goto('https://github.com/orgs/acme/projects/8/views/1?theme=dark');
    await setUpProject(board, 'Acme Tables Ltd');
    await linkThroughBoard(board, 'Checkout redesign', 'Final delivery', 'h3[id^="board-card-title-"]');
    await board.getByRole('link', { name: 'Table' }).click();
    await ours(board, 'milestone-invoicer-badge', { css: '[role="row"]', hasText: 'Checkout redesign' }).filter({ hasText: 'Final delivery' }).waitFor();
    await board.screenshot({ path: 'test-results/github-table-dark.png' });
    await settle(board);
    await fixture(board, 'githubFixture', 'move', '88110011', 'Done');
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    await settle(board);
    expect(await deliveriesOf('Checkout redesign')).toEqual(['"Final delivery" delivered: card "Checkout redesign" reached Done']);
    await expect.poll(async () => (await invoicesFor('Acme Tables Ltd')).map((invoice) => invoice.lines[0]!.description)).toEqual(['Acme client work: Final delivery']);
  });

  it("links a row never linked before by opening its side pane, where the picker opens", async () => {
    await row(board, 'Mobile navigation').getByRole('link', { name: 'Mobile navigation' }).hover();
    await linkControl(board).locator('button.control').click();
    await board.locator('[data-testid="issue-header"]').waitFor();
    await milestonePicker(board).locator('[role=\"menu\"]').getByRole('menuitemradio', { name: 'Functional prototype' }).click();
    await ours(board, 'milestone-invoicer-badge', { css: '[role="row"]', hasText: 'Mobile navigation' }).filter({ hasText: 'Functional prototype' }).waitFor();
    const links = await readTable<{ cardId: string; url: string; boardId: string }>(browser, 'cardLinks');
    expect(links.filter((link) => link.boardId === 'orgs/acme/8').map((link) => [link.cardId, link.url])).toEqual([
      ['88110011', 'https://github.com/acme/site/issues/31'],
      ['88110014', 'https://github.com/acme/site/issues/34'],
    ]);
  });

  it('delivers a row linked while already in Done on that visit, once', async () => {
    await row(board, 'Design tokens').getByRole('link', { name: 'Design tokens' }).hover();
    await linkControl(board).locator('button.control').click();
    await milestonePicker(board).locator('[role=\"menu\"]').getByRole('menuitemradio', { name: 'Upfront deposit' }).click();
    await expect.poll(() => milestoneState(board, 'Upfront deposit').textContent()).toBe('Invoiced');
    await settle(board);
    expect(await deliveriesOf('Design tokens')).toEqual(['"Upfront deposit" delivered: card "Design tokens" reached Done']);
  });

  it('keeps badges on the right rows as the table scrolls and re-sorts, moves nothing, and follows history back to the board', async () => {
    await fixture(board, 'githubFixture', 'scrollTable', '4');
    await settle(board);
    await fixture(board, 'githubFixture', 'scrollTable', '0');
    await row(board, 'Mobile navigation').locator('milestone-invoicer-badge').waitFor();
    await settle(board);
    expect(await milestoneState(board, 'Functional prototype').textContent()).toBe('Planned');
    expect(await deliveriesOf('Mobile navigation')).toEqual([]);

    // A re-sort: each row element now shows another item, rewritten in place.
    await fixture(board, 'githubFixture', 'reverseTable');
    await expect.poll(() => row(board, 'Draft: pricing page').locator('milestone-invoicer-badge').count()).toBe(0);
    await ours(board, 'milestone-invoicer-badge', { css: '[role="row"]', hasText: 'Mobile navigation' }).filter({ hasText: 'Functional prototype' }).waitFor();
    await ours(board, 'milestone-invoicer-badge', { css: '[role="row"]', hasText: 'Checkout redesign' }).filter({ hasText: 'Final delivery' }).waitFor();
    await ours(board, 'milestone-invoicer-badge', { css: '[role="row"]', hasText: 'Design tokens' }).filter({ hasText: 'Upfront deposit' }).waitFor();
    expect(await board.locator('[role="row"] milestone-invoicer-badge').count()).toBe(3);
    await settle(board);
    expect(await deliveriesOf('Mobile navigation')).toEqual([]);
    expect(await deliveriesOf('Design tokens')).toHaveLength(1);
    // Back through the items opened in the table, then from the table to the board.
    while (!board.url().includes('/views/1')) await board.goBack();
    await ours(board, '[data-board-card-id="88110014"] milestone-invoicer-badge').filter({ hasText: 'Functional prototype' }).waitFor();
    expect(await board.locator('milestone-invoicer-panel').count()).toBe(1);
  });
});

describe('Notion board view', () => {
  it('links a card, delivers once on Done, and keeps keys typed into our picker away from the editor', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'notion-move');
    await board.goto(`${fixtures.notionBoard.url}?theme=dark`);
    await setUpProject(board, 'Acme SAS');
    expect(await board.locator('milestone-invoicer-panel').getAttribute('data-theme')).toBe('dark');
    // The card's link also wraps its pills: the title is its own leaf.
    await linkThroughBoard(board, 'Landing page copy ✍️', 'Final delivery', '.notion-collection-item [data-content-editable-leaf]');
    await fixture(board, 'notionFixture', 'move', 'aaaaaaaa-1111-4111-8111-000000000002', 'Done');
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    await settle(board);
    expect((await deliveries(browser)).filter((d) => d.includes('Landing page copy'))).toHaveLength(1);
    await expect.poll(async () => (await invoicesFor('Acme SAS')).map((invoice) => invoice.lines[0]!.description)).toEqual(['Client work: Final delivery']);

    await board.locator('.notion-collection-item a').filter({ hasText: 'Mood board' }).click();
    // The 2026 peek has no .notion-peek-renderer: our control is the page's only one.
    const control = ours(board, 'milestone-invoicer-card-control');
    await control.getByRole('button', { name: 'Link to a milestone…' }).click();
    await board.keyboard.press('ArrowDown');
    expect(await board.evaluate(() => (window as unknown as { lastEditorKey?: string }).lastEditorKey)).toBeUndefined();
    await milestonePicker(board).locator('[role=\"menu\"]').getByRole('menuitemradio', { name: 'Upfront deposit' }).click();
    await control.getByText('Upfront deposit · Invoiced').waitFor();
    expect((await deliveries(browser)).filter((entry) => entry.includes('"Mood board"'))).toHaveLength(1);
  });
});

describe('a board layout we do not recognise', () => {
  it('says so on the board and in the side panel, and delivers nothing', async () => {
    await browser.context.route('https://trello.com/b/Unknown1/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Trello</title><main><div class="redesigned-board"><h2>Done</h2></div></main>' }),
    );
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, 'unrecognised');
    const before = await deliveries(browser);
    await page.goto('https://trello.com/b/Unknown1/redesigned');
    await panel(page).getByText('This Trello board layout is not recognised').waitFor({ timeout: 15_000 });
    const sidePanel = await sidePanelText(browser, page);
    await expect.poll(sidePanel).toContain('This Trello board layout is not recognised');
    expect(await deliveries(browser)).toEqual(before);
  });
});
