/**
 * `npm run screenshots`: pictures of every extension page, empty and with demo data, in light and
 * dark themes, written to test-results/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { launchExtension } from './browser';
import { fixtures } from './fixtures';
import { ours } from '../e2e/our-ui';

const out = 'test-results/screens';
mkdirSync(out, { recursive: true });
const browser = await launchExtension();
const pages = [
  { path: 'popup.html', width: 380 },
  { path: 'sidepanel.html', width: 400 },
  { path: 'options.html', width: 900 },
];

async function shoot(stage: string) {
  for (const { path, width } of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 600 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.locator('h1').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${stage}-${path.replace('.html', '')}-${colorScheme}.png` });
      await page.close();
    }
  }
}

await shoot('empty');
const seeder = await browser.extensionPage('options.html');
await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
await shoot('demo');
const board = await browser.context.newPage();
await board.goto(`${fixtures.trelloBoard.url}?theme=dark`);
await board.locator('milestone-invoicer-badge').first().waitFor();
await board.screenshot({ path: `${out}/demo-trello-dark.png` });
await board.goto('https://github.com/orgs/acme/projects/7/views/2');
await ours(board, 'milestone-invoicer-panel').locator('section').waitFor();
await board.getByRole('link', { name: 'Mobile navigation' }).hover();
await ours(board, 'milestone-invoicer-link-control').locator('button.control').waitFor();
await board.screenshot({ path: `${out}/github-table-light.png` });
await browser.close();
console.log(`Screenshots written to ${out}/`);
