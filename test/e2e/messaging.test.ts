import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { panel, reportOnFailure, unfoldPanel } from './support';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

describe('messages through the real service worker', () => {
  it('seeds demo data from the options page and shows it on the board and in the popup', async () => {
    const options = await browser.extensionPage('options.html');
    reportOnFailure(browser, options, 'demo-seed');
    await options.getByRole('button', { name: 'Load demo data' }).click();
    await options.getByText('Demo data is ready').waitFor();

    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'demo-board');
    await board.goto(fixtures.trelloBoard.url);
    await unfoldPanel(board);
    await expect.poll(() => panel(board).locator('h2').textContent()).toBe('Acme website redesign');
    await expect.poll(() => board.locator('milestone-invoicer-badge').count()).toBe(2);

    const popup = await browser.extensionPage('popup.html');
    reportOnFailure(browser, popup, 'demo-popup');
    // 30 % deposit of 12,000.00 + 19 % VAT = 4,284.00, less 1,500.00 paid; plus the delivered 40 % (4,800.00 + 19 % VAT).
    await expect.poll(() => popup.getByTestId('exposure-EUR').textContent()).toBe('€8,496.00');
    // The demo's deposit is 26 days overdue: one overdue invoice on the toolbar icon.
    await expect.poll(() => popup.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    expect(browser.errors).toEqual([]);
  });

  it('refuses to seed over existing data, and says so', async () => {
    const options = await browser.extensionPage('options.html');
    await options.getByRole('button', { name: 'Load demo data' }).click();
    await options.getByText('You already have projects, so nothing was added.').waitFor();
  });

  it('answers a malformed message with an error instead of running it', async () => {
    const options = await browser.extensionPage('options.html');
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'card.link', payload: { host: 'trello' } }));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid "card.link" message/) });
  });
});
