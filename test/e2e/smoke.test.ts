import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { panel, reportOnFailure } from './support';

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
  ])('runs the %s content script on its real hostname and recognises the board', async (label, url) => {
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, label);
    await page.goto(url);
    await panel(page).getByText(`No project is bound to this ${label} board yet`).waitFor();
    await page.close();
  });

  it('opens the side panel from the popup', async () => {
    const board = await browser.context.newPage();
    await board.goto(fixtures.trelloBoard.url);
    const popup = await browser.extensionPage('popup.html');
    reportOnFailure(browser, popup, 'open-workspace');
    const sidePanels = async () => {
      const { targetInfos } = await (await browser.context.newCDPSession(board)).send('Target.getTargets');
      return targetInfos.filter((target) => target.url === `chrome-extension://${browser.extensionId}/sidepanel.html`).length;
    };
    expect(await sidePanels()).toBe(0);
    await popup.getByRole('button', { name: 'Open workspace' }).click();
    await expect.poll(sidePanels).toBe(1);
    await board.close();
  });
});
