import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { reportOnFailure } from './support';

let browser: ExtensionBrowser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

const welcomeUrl = () => `chrome-extension://${browser.extensionId}/welcome.html`;
const welcomeTabs = () => browser.context.pages().filter((page) => page.url() === welcomeUrl());

describe('a fresh install', () => {
  it('opens the welcome page, and the popup asks for the profile until it can issue a complete invoice', async () => {
    // The tab is opened by the worker's install event, which may land before or after launch returns.
    await expect.poll(() => welcomeTabs().length, { timeout: 15_000 }).toBe(1);
    const welcome = welcomeTabs()[0]!;
    reportOnFailure(browser, welcome, 'first-run');

    const popup = await browser.extensionPage('popup.html');
    const notice = popup.getByRole('region', { name: 'Business profile incomplete' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Your invoices need your business name, address, and VAT ID or tax number\./);
    const opened = browser.context.waitForEvent('page');
    await notice.getByRole('link', { name: 'Complete your business profile' }).click();
    const fromPopup: Page = await opened;
    await fromPopup.waitForURL(welcomeUrl());
    await fromPopup.close();

    await welcome.getByLabel('Business name').fill('Northwind Design Studio');
    await welcome.getByLabel('Address').fill('Kastanienallee 12\n10435 Berlin');
    const preview = welcome.getByRole('region', { name: 'Invoice header preview' });
    await preview.getByText('Northwind Design Studio').waitFor();
    expect(await preview.textContent()).toMatch(/Still needed for a complete invoice: VAT ID or tax number\./);
    await welcome.getByLabel('VAT ID / tax number').fill('DE123456789');
    await welcome.getByRole('button', { name: 'Save' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Saved. Your invoices are ready to issue.' }).waitFor();

    // The open popup follows the write from the welcome page without a reload.
    await notice.waitFor({ state: 'detached' });
    await popup.reload();
    await popup.locator('h1').waitFor();
    await popup.getByText('No projects yet.').waitFor();
    expect(await popup.getByRole('region', { name: 'Business profile incomplete' }).count()).toBe(0);
    expect(welcomeTabs()).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});

/** Serious and critical accessibility violations axe finds on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // DevTools evaluation is not subject to the extension page's script-src 'self'.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

describe('the new pages', () => {
  it.each(['light', 'dark'] as const)('the welcome page and the invoice list pass axe in the %s theme', async (colorScheme) => {
    const welcome = await browser.context.newPage();
    await welcome.emulateMedia({ colorScheme });
    await welcome.goto(welcomeUrl());
    await welcome.getByRole('region', { name: 'Invoice header preview' }).waitFor();
    expect(await axeViolations(welcome), `welcome ${colorScheme}`).toEqual([]);
    await welcome.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));

    const workspace = await browser.context.newPage();
    await workspace.emulateMedia({ colorScheme });
    await workspace.setViewportSize({ width: 360, height: 700 });
    await workspace.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await workspace.getByRole('button', { name: 'Invoices' }).click();
    const first = workspace.locator('.row-toggle').first();
    await first.click();
    await workspace.getByRole('button', { name: 'Download PDF' }).waitFor();
    expect(await axeViolations(workspace), `invoice list ${colorScheme}`).toEqual([]);
    // Nothing in the list may be wider than the narrowest side panel.
    expect(await workspace.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await welcome.close();
    await workspace.close();
  });

  it('works the invoice list with the keyboard alone', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'invoice-list-keyboard');
    await workspace.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
    await workspace.getByRole('button', { name: 'Invoices' }).focus();
    await workspace.keyboard.press('Enter');
    const search = workspace.getByRole('searchbox', { name: 'Search invoices by number or client' });
    await search.waitFor();
    // From the search field: four filters, then the first row.
    await search.focus();
    for (let i = 0; i < 5; i++) await workspace.keyboard.press('Tab');
    const row = workspace.locator('.row-toggle').first();
    expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
    await workspace.keyboard.press('Enter');
    expect(await row.getAttribute('aria-expanded')).toBe('true');
    await workspace.keyboard.press('Tab');
    expect(await workspace.evaluate(() => document.activeElement?.textContent)).toBe('Download PDF');
    await workspace.keyboard.press('Enter');
    await workspace.getByRole('status').filter({ hasText: /^INV-\d{4}-0001 downloaded\.$/ }).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('opens a stored PDF in a new tab from its row', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'invoice-list-open');
    await workspace.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
    await workspace.getByRole('button', { name: 'Invoices' }).click();
    await workspace.locator('.row-toggle').first().click();
    // The demo issues its invoices without PDFs: a download renders and stores one, if none is yet.
    await workspace.getByRole('button', { name: 'Download PDF' }).click();
    await workspace.getByRole('button', { name: 'Open PDF' }).waitFor();
    const opened = browser.context.waitForEvent('page');
    await workspace.getByRole('button', { name: 'Open PDF' }).click();
    const pdf = await opened;
    expect(pdf.url()).toMatch(new RegExp(`^blob:chrome-extension://${browser.extensionId}/`));
    const bytes = await pdf.evaluate(async () => new Uint8Array(await (await fetch(location.href)).arrayBuffer()).slice(0, 5).join(','));
    expect(String.fromCharCode(...bytes.split(',').map(Number))).toBe('%PDF-');
    await pdf.close();
  });
});
