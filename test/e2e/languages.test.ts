import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { panel, reportOnFailure, unfoldPanel } from './support';

let browser: ExtensionBrowser | undefined;
afterEach(() => browser?.close());

/** Chromium started in `language`, with the demo data. */
async function demoIn(language: string): Promise<ExtensionBrowser> {
  const started = await launchExtension({ language });
  const seeder = await started.extensionPage('options.html');
  await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await seeder.close();
  return started;
}

describe('a browser set to another language', () => {
  it('shows the popup, the workspace, the board panel and notifications in German, amounts as Germans write them', async () => {
    browser = await demoIn('de');
    const popup = await browser.extensionPage('popup.html');
    reportOnFailure(browser, popup, 'popup-de');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Offene Forderungen');
    // Screen readers pick their voice from it.
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    await popup.getByRole('button', { name: 'Als bezahlt markieren' }).waitFor();
    expect(await popup.getByTestId('exposure-EUR').textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/);
    expect(await popup.locator('.overdue-invoice .muted').textContent()).toMatch(/^\d+ Tage überfällig · fällig am \d{2}\.\d{2}\.\d{4}/);
    expect(await popup.locator('body').textContent()).not.toMatch(/Mark paid|Open workspace|days overdue/);

    const workspace = await browser.extensionPage('sidepanel.html');
    await expect.poll(() => workspace.locator('h1').textContent()).toBe('Arbeitsbereich');
    expect(await workspace.title()).toBe('Milestone Invoicer – Arbeitsbereich');
    await workspace.getByRole('button', { name: 'Rechnungen' }).waitFor();
    const project = workspace.locator('section.card').filter({ has: workspace.locator('li.milestone') });
    await expect.poll(() => project.textContent()).toMatch(/Vertrag \d{1,3}(\.\d{3})*,\d{2}\u00a0€/);
    expect(await project.locator('.state').allTextContents()).toContain('Geliefert');
    await workspace.getByRole('button', { name: 'Rechnungen' }).click();
    await expect.poll(() => workspace.locator('.count').textContent()).toMatch(/^\d+ Belege?$/);

    // The service worker's texts (notifications) come from the same catalog.
    expect(await browser.worker.evaluate(() => chrome.i18n.getMessage('download'))).toBe('Herunterladen');

    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'board-de');
    await board.goto(fixtures.trelloBoard.url);
    await unfoldPanel(board);
    await panel(board).getByText('Done-Spalten').waitFor();
    expect(await panel(board).locator('.pill').allTextContents()).toContain('Geliefert');
    expect(await panel(board).locator('.totals').textContent()).toMatch(/^Berechnet .+Bezahlt .+Offen zu berechnen /);
    expect(browser.errors).toEqual([]);
  });

  it('shows the popup in French, with French number formats', async () => {
    browser = await demoIn('fr');
    const popup = await browser.extensionPage('popup.html');
    reportOnFailure(browser, popup, 'popup-fr');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Impayés');
    await popup.getByRole('button', { name: 'Marquer payée' }).waitFor();
    // French groups thousands with a narrow no-break space.
    expect(await popup.getByTestId('exposure-EUR').textContent()).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/);
    expect(await popup.locator('.overdue-invoice .muted').textContent()).toMatch(/^\d+ jours de retard · échéance le /);
    expect(await popup.locator('body').textContent()).not.toMatch(/Mark paid|Open workspace|days overdue/);
    expect(browser.errors).toEqual([]);
  });
});
