import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { axeViolations, readTable } from './support';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  const seeder = await browser.extensionPage('options.html');
  await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await seeder.close();
});
afterAll(() => browser?.close());

describe('the popup with demo data', () => {
  it('shows the overdue invoice first, within the popup’s first screen, and passes axe in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      // Chromium's largest popup is 800 × 600; ours is 372 px wide.
      await page.setViewportSize({ width: 372, height: 600 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const markPaid = page.getByRole('button', { name: 'Mark paid' });
      await markPaid.waitFor();
      const box = await markPaid.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(600);
      await page.getByTestId('forecast-EUR').waitFor();
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.close();
    }
  });

  it('opens the overdue invoice at its milestone in the workspace, highlighted, past an earlier search', async () => {
    const [invoice] = await readTable<{ id: string; projectId: string; milestoneId: string; number: string }>(browser, 'invoices');
    const [milestone] = (await readTable<{ id: string; title: string }>(browser, 'milestones')).filter((m) => m.id === invoice!.milestoneId);
    const workspace = await browser.extensionPage('sidepanel.html');
    await workspace.locator('li.milestone').first().waitFor();
    expect(await workspace.locator('.highlight').count()).toBe(0);
    await workspace.getByLabel('Search clients and projects').fill('nothing like it');
    await workspace.getByText('Nothing matches').waitFor();
    const popup = await browser.extensionPage('popup.html');
    await popup.getByRole('button', { name: `Open ${invoice!.number} in the workspace` }).click();
    await expect.poll(() => workspace.locator('li.milestone.highlight').textContent()).toContain(milestone!.title);
    expect(await workspace.locator('.highlight').count()).toBe(1);

    const opened = await browser.extensionPage(`sidepanel.html#project=${invoice!.projectId}&invoice=${invoice!.id}`);
    await expect.poll(() => opened.locator('li.milestone.highlight').textContent()).toContain(milestone!.title);
    expect(browser.errors).toEqual([]);
    await Promise.all([workspace, popup, opened].map((page) => page.close()));
  });

  it('opens Chrome’s real side panel at the invoice, and the plain workspace button opens it plain again', async () => {
    const [invoice] = await readTable<{ id: string; projectId: string; number: string }>(browser, 'invoices');
    const board = await browser.context.newPage();
    await board.goto(fixtures.trelloBoard.url);
    const cdp = await browser.context.newCDPSession(board);
    const panelUrls = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.map((target) => target.url).filter((url) => url.includes('/sidepanel.html'));
    const popup = await browser.extensionPage('popup.html');
    await board.bringToFront();
    await popup.getByRole('button', { name: `Open ${invoice!.number} in the workspace` }).click();
    await expect.poll(panelUrls).toContain(`chrome-extension://${browser.extensionId}/sidepanel.html#project=${invoice!.projectId}&invoice=${invoice!.id}`);
    const again = await browser.extensionPage('popup.html');
    await board.bringToFront();
    await again.getByRole('button', { name: 'Open workspace' }).click();
    await expect.poll(panelUrls).toEqual([`chrome-extension://${browser.extensionId}/sidepanel.html`]);
    await board.close();
  });
});
