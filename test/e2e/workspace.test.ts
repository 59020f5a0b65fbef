import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';
import { axeViolations, linkThroughBoard, panel, readTable, reportOnFailure } from './support';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

describe('a new user’s first project', () => {
  it('creates a client and a project in the workspace, works the board, and watches the popup follow', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'first-project');
    const options = await browser.extensionPage('options.html');
    await options.getByLabel('Business name').fill('Northwind Design Studio');
    await options.getByLabel('Address').fill('Kastanienallee 12, 10435 Berlin');
    await options.getByLabel('VAT ID / tax number').fill('DE123456789');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText('Saved.').waitFor();

    await workspace.getByRole('button', { name: 'New client' }).click();
    await workspace.getByLabel('Client name').fill('Acme Retail GmbH');
    await workspace.getByLabel('Address').fill('Hafenstraße 3, 20457 Hamburg');
    await workspace.getByRole('button', { name: 'Save client' }).click();
    await workspace.getByRole('button', { name: 'New project' }).click();
    await workspace.getByLabel('Project name').fill('Website relaunch');
    await workspace.getByLabel('Contract total (net)').fill('10,000');
    await workspace.getByRole('status').filter({ hasText: 'Bills 30 % = €3,000.00' }).waitFor();
    await workspace.getByRole('button', { name: 'Create project' }).click();
    await workspace.getByRole('heading', { name: 'Website relaunch' }).waitFor();

    const popup = await browser.extensionPage('popup.html');
    // A project with nothing unpaid shows no zero figures, only that nothing is unpaid.
    await popup.getByTestId('exposure-nothing').waitFor();
    const exposure = () => popup.getByTestId('exposure-EUR').textContent();

    // The workspace follows the active tab: bring the board to the front, as a user switching tabs.
    const board = await browser.context.newPage();
    await board.goto(fixtures.trelloBoard.url);
    await panel(board).waitFor();
    await board.bringToFront();
    await workspace.getByRole('button', { name: 'Bind to this board' }).click();
    // Once bound, the panel folds to a tab so it covers no card; the user unfolds it.
    await ours(board, 'milestone-invoicer-panel').locator('button.folded').click();
    await panel(board).locator('h2').filter({ hasText: 'Website relaunch' }).waitFor();

    await linkThroughBoard(board, 'Launch production site', 'Final delivery');
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('F1nalL1v', '✅ Done'));
    // 30 % final milestone of 10,000.00, invoiced at once without VAT: unpaid exposure €3,000.00.
    await expect.poll(exposure, { timeout: 15_000 }).toBe('€3,000.00');
    await expect.poll(async () => (await readTable<{ gross: number }>(browser, 'invoices')).map((invoice) => invoice.gross)).toEqual([300_000]);
    expect(browser.errors).toEqual([]);
  });
});

describe('accessibility', () => {
  it.each(['popup.html', 'sidepanel.html', 'options.html'])('%s passes axe in light and dark themes', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.locator('h1').waitFor();
      await page.waitForTimeout(300);
      expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
      await page.close();
    }
  });

  it('works the popup with the keyboard alone', async () => {
    const popup = await browser.extensionPage('popup.html');
    await popup.getByTestId('exposure-EUR').waitFor();
    const focusedLabels: string[] = [];
    for (let i = 0; i < 8; i++) {
      await popup.keyboard.press('Tab');
      focusedLabels.push(await popup.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focusedLabels).toContain('Open workspace');
  });
});
