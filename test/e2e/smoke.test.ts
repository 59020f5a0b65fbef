import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { markerText, reportOnFailure } from './support';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

describe('the built extension in Chromium', () => {
  it('starts its service worker', () => {
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  });

  it.each([
    ['popup.html', 'Unpaid exposure', 'No projects yet.'],
    ['sidepanel.html', 'Workspace', 'No projects yet.'],
    ['options.html', 'Milestone Invoicer options', 'Load demo data'],
  ])('renders %s with no console errors', async (path, heading, content) => {
    const page = await browser.extensionPage(path);
    reportOnFailure(browser, page, path);
    await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
    await page.getByText(content).first().waitFor();
    expect(browser.errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['Trello', fixtures.trelloBoard.url],
    ['GitHub Projects', fixtures.githubBoard.url],
    ['Notion', fixtures.notionBoard.url],
  ])('loads the %s content script on its real hostname', async (label, url) => {
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, label);
    await page.goto(url);
    await expect.poll(() => markerText(page).textContent()).toBe(`Milestone Invoicer · no project bound to this ${label} board`);
    await page.close();
  });
});
