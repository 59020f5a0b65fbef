/**
 * `npm run screenshots`: pictures of every extension page, empty and with demo data, in light and
 * dark themes, written to test-results/screens/ for a person to look at. `-- --lang=de` shows them
 * as a German browser does, into test-results/screens/de/.
 */
import { mkdirSync } from 'node:fs';
import { launchExtension } from './browser';
import { fixtures } from './fixtures';
import { ours } from '../e2e/our-ui';
import { languages, readCatalog, type Language } from '../unit/i18n/catalogs';

const language = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length) as Language | undefined;
if (language && !languages.includes(language)) throw new Error(`--lang takes one of ${languages.join(', ')}`);
const out = language ? `test-results/screens/${language}` : 'test-results/screens';
mkdirSync(out, { recursive: true });
const browser = await launchExtension({ language });
/** A button's text as the pages show it in this language. */
const say = (key: string) => readCatalog(language ?? 'en')[key]!.message;
const pages = [
  { path: 'popup.html', width: 380 },
  { path: 'sidepanel.html', width: 360 },
  { path: 'options.html', width: 900 },
  { path: 'welcome.html', width: 900 },
  { path: 'welcome.html', width: 400, name: 'welcome-narrow' },
];

async function shoot(stage: string) {
  for (const { path, width, name = path.replace('.html', '') } of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 600 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.locator('h1').waitFor();
      await page.waitForTimeout(300);
      // Whole pages: grown to the page's height rather than a fullPage capture, so sticky bars sit where a reader meets them.
      await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      await page.screenshot({ path: `${out}/${stage}-${name}-${colorScheme}.png` });
      await page.close();
    }
  }
}

/** The workspace's invoice list at the narrowest side-panel width, its first row opened. */
async function shootInvoiceList() {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await page.getByRole('button', { name: say('invoices') }).click();
    await page.locator('.row-toggle', { has: page.locator('.state-overdue') }).first().click();
    // The demo issues its invoices without PDFs; the first download renders and stores one, which Open shows.
    await page.getByRole('button', { name: say('downloadPdf') }).click();
    await page.getByRole('button', { name: say('openPdf') }).waitFor();
    await page.getByRole('button', { name: say('recordPayment') }).first().click();
    await page.screenshot({ path: `${out}/demo-invoice-list-${colorScheme}.png`, fullPage: true });
    await page.close();
  }
}

/** The workspace's project editor at the narrowest side-panel width, its name left empty. */
async function shootEditors() {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await page.getByRole('button', { name: say('newProject') }).click();
    await page.getByLabel(say('projectName')).focus();
    await page.getByLabel(say('contractTotalNet')).focus();
    await page.screenshot({ path: `${out}/demo-project-editor-narrow-${colorScheme}.png`, fullPage: true });
    await page.getByRole('button', { name: say('cancel') }).click();
    await page.getByRole('button', { name: say('editClient') }).click();
    await page.screenshot({ path: `${out}/demo-client-editor-narrow-${colorScheme}.png`, fullPage: true });
    await page.getByRole('button', { name: say('cancel') }).click();
    // Invoicing work not yet delivered asks first, with the number and the amount.
    await page.locator('li.milestone', { hasText: 'Final delivery' }).getByRole('button', { name: say('invoiceNowMore') }).click();
    await page.getByRole('alertdialog').getByText(/INV-/).waitFor();
    await page.screenshot({ path: `${out}/demo-invoice-early-narrow-${colorScheme}.png` });
    await page.close();
  }
}

/**
 * The Trello board with its panel unfolded, in the board's own theme, and the workspace beside it:
 * the board's section (binding, unbinding, the API connection form) shows only while a board tab
 * is the active one.
 */
async function shootBoard() {
  for (const colorScheme of ['light', 'dark'] as const) {
    await board.goto(`${fixtures.trelloBoard.url}${colorScheme === 'dark' ? '?theme=dark' : ''}`);
    await board.locator('milestone-invoicer-badge').first().waitFor();
    const panel = ours(board, 'milestone-invoicer-panel');
    await panel.locator('section, button.folded').waitFor();
    if ((await panel.locator('button.folded').count()) > 0) await panel.locator('button.folded').click();
    await panel.locator('section').waitFor();
    await board.screenshot({ path: `${out}/demo-trello-${colorScheme}.png` });
    const workspace = await browser.context.newPage();
    await workspace.setViewportSize({ width: 360, height: 600 });
    await workspace.emulateMedia({ colorScheme });
    await workspace.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await board.bringToFront();
    await workspace.getByText(say('connectHostMore').replace('$HOST$', 'Trello')).click();
    await workspace.screenshot({ path: `${out}/demo-sidepanel-board-${colorScheme}.png`, fullPage: true });
    await workspace.close();
  }
}

await shoot('empty');
const seeder = await browser.extensionPage('options.html');
await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
await shoot('demo');
await shootInvoiceList();
await shootEditors();
const board = await browser.context.newPage();
await shootBoard();
await board.goto('https://github.com/orgs/acme/projects/7/views/2');
await ours(board, 'milestone-invoicer-panel').locator('section').waitFor();
await board.getByRole('link', { name: 'Mobile navigation' }).hover();
await ours(board, 'milestone-invoicer-link-control').locator('button.control').waitFor();
await board.screenshot({ path: `${out}/github-table-light.png` });
await browser.close();
console.log(`Screenshots written to ${out}/`);
