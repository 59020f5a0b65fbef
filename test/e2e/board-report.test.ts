import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir, launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { panel, reportOnFailure, unfoldPanel } from './support';

let browser: ExtensionBrowser;
const version = (JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as { version: string }).version;

beforeAll(async () => {
  browser = await launchExtension();
  const options = await browser.extensionPage('options.html');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await options.close();
  // A user's click may write the clipboard; the test also reads it back.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://trello.com' });
});
afterAll(() => browser?.close());

/** Clicks "Copy layout report" in our UI on the page and returns what landed on the clipboard. */
async function copyReport(page: Page, copyButton: { click(): Promise<void> }): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await copyButton.click();
  await panel(page).getByText('Layout report copied to the clipboard.').waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('Copy layout report', () => {
  it('puts the anchors’ match counts and the version on the clipboard, and no card title or board name', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'layout-report');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    await unfoldPanel(board);
    const report = await copyReport(board, panel(board).getByRole('button', { name: 'Copy layout report' }));

    expect(report).toContain('Host: Trello (trello)');
    expect(report).toContain(`Extension version: ${version}`);
    expect(report).toMatch(/Board root: found; columns read: [1-9]\d*; cards read: [1-9]\d*/);
    expect(report).toMatch(/^ {2}card · .+ · [1-9]\d* · /m);
    const titles = await board.locator('[data-testid="card-name"]').allTextContents();
    expect(titles.length).toBeGreaterThan(5);
    for (const title of [...titles, 'Acme website redesign', 'Final delivery']) expect(report).not.toContain(title.trim());
    await board.close();
  });

  it('is offered in the “layout not recognised” state, and reports every anchor missing', async () => {
    await browser.context.route('https://trello.com/b/Unknown2/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Trello</title><main><div class="redesigned-board"><h2>Secret column</h2></div></main>' }),
    );
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, 'layout-report-unrecognised');
    await page.goto('https://trello.com/b/Unknown2/redesigned');
    // The content script waits 10 s for a board to render before it calls the layout unrecognised.
    const warning = panel(page).locator('.warn').filter({ hasText: 'This Trello board layout is not recognised' });
    await warning.waitFor({ timeout: 15_000 });
    const report = await copyReport(page, warning.getByRole('button', { name: 'Copy layout report' }));

    expect(report).toContain(`Extension version: ${version}`);
    expect(report).toContain('Board root: not found; columns read: 0; cards read: 0');
    expect(report).not.toMatch(/ · [1-9]\d* · /);
    expect(report).not.toContain('Secret column');
    await page.close();
  });

  it('is in the workspace’s board section, which asks the board tab for it', async () => {
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'layout-report-workspace');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    // The workspace opened in a tab of the same window, the board tab active: as in the side panel.
    const workspace = await browser.extensionPage('sidepanel.html');
    await board.bringToFront();
    await workspace.getByText('is bound to').waitFor();
    await board.evaluate(() => navigator.clipboard.writeText(''));
    await workspace.getByRole('button', { name: 'Copy layout report' }).click();
    await workspace.getByText('Layout report copied to the clipboard.').waitFor();
    // Read back where the test holds the read permission (it cannot be granted to an extension origin).
    const report = await board.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('Host: Trello (trello)');
    expect(report).toContain(`Extension version: ${version}`);
    expect(report).toMatch(/Board root: found; columns read: [1-9]\d*; cards read: [1-9]\d*/);
    for (const title of await board.locator('[data-testid="card-name"]').allTextContents()) expect(report).not.toContain(title.trim());
    await workspace.close();
    await board.close();
  });
});
