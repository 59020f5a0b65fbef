/**
 * Page benchmarks in real Chromium: the popup's time to first content on a large book (1,000
 * projects, 10,000 invoices, 30,000 payments) against the same popup on an empty database, loaded in
 * turns with it (target: within 1.5x); the side panel rendering a 12-milestone project; what the
 * dormant GitHub script costs other GitHub pages.
 */
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { benchGithubNonProjectPage } from './github-page';
import { report } from './measure';

/** Milliseconds from navigation start until `selector` is in the page, for one load. */
async function loadTime(browser: ExtensionBrowser, path: string, selector: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.addInitScript((css) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(css)) return;
      (window as never as { contentAt: number }).contentAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.waitForFunction(() => (window as never as { contentAt?: number }).contentAt !== undefined, undefined, { timeout: 30_000 });
  const time = await page.evaluate(() => (window as never as { contentAt: number }).contentAt);
  await page.close();
  return time;
}

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function timeToContent(browser: ExtensionBrowser, path: string, selector: string, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await loadTime(browser, path, selector));
  return median(times);
}

/** Medians of loads taken in turns, so a shared machine's changing load weighs on both alike. */
async function inTurns(runs: number, ...loads: (() => Promise<number>)[]): Promise<number[]> {
  const times = loads.map((): number[] => []);
  for (let i = 0; i < runs; i++) for (const [k, load] of loads.entries()) times[k]!.push(await load());
  return times.map(median);
}

/** Writes a valid book straight into the extension's IndexedDB (the schema's own shapes). */
async function seedBook(page: Page, projects: number, milestonesPerProject: number) {
  // tsx names inner functions with a __name helper that pages do not have.
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(async ([projectCount, milestoneCount]) => {
    const open = indexedDB.open('milestone-invoicer');
    const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
    const tx = db.transaction(['clients', 'projects', 'milestones', 'invoices', 'payments'], 'readwrite');
    const party = { name: 'Client', address: 'Street 1', taxId: '', email: '' };
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    for (let p = 0; p < projectCount!; p++) {
      const currency = p % 4 ? 'EUR' : 'USD';
      tx.objectStore('clients').put({ id: `c${p}`, name: `Client ${p}`, email: '', address: '', taxId: '', currency, locale: 'en', createdAt: 1 });
      tx.objectStore('projects').put({
        id: `p${p}`, clientId: `c${p}`, name: `Project ${p}`, contractRef: '', currency, total: 1_000_000, createdAt: 1,
        taxes: { mode: 'exclusive', rates: [], reverseCharge: false }, terms: { kind: 'net', days: 14 }, invoiceOn: 'done',
      });
      for (let m = 0; m < milestoneCount!; m++) {
        const id = `${p}-${m}`;
        const issueDate = day((p + m * 29) % 320);
        tx.objectStore('milestones').put({ id: `m${id}`, projectId: `p${p}`, position: m, title: `M${m}`, deliverable: '', share: { kind: 'percent', basisPoints: 1000 }, amount: 100_000, state: 'invoiced', invoiceId: `i${id}` });
        tx.objectStore('invoices').put({
          id: `i${id}`, kind: 'invoice', number: `INV-${id}`, series: 'invoice:all', sequence: p * 10 + m + 1, projectId: `p${p}`, clientId: `c${p}`, milestoneId: `m${id}`,
          currency, issueDate, supplyDate: issueDate, dueDate: day(((p + m * 29) % 320) + 14), seller: party, buyer: party,
          lines: [{ description: `M${m}`, amount: 100_000 }], taxLines: [], reverseCharge: false, net: 100_000, tax: 0, gross: 100_000, createdAt: 1,
        });
        for (let k = 0; k < 3; k++) tx.objectStore('payments').put({ id: `pay${id}-${k}`, invoiceId: `i${id}`, amount: 30_000, date: day(((p + m * 29) % 320) + 10 + k * 15), method: '', note: '' });
      }
    }
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
  }, [projects, milestonesPerProject]);
}

const empty = await launchExtension();
const big = await launchExtension();
try {
  const options = await big.extensionPage('options.html');
  await seedBook(options, 1000, 10);
  await options.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('milestone-invoicer');
    open.onsuccess = () => (open.result.transaction('snapshots', 'readwrite').objectStore('snapshots').clear().onsuccess = resolve);
  }));
  const headline = '[data-testid^="exposure-"]';
  await options.waitForTimeout(2_000);
  report('popup.first-content.1k-projects.10k-invoices.30k-payments.computed-live', await timeToContent(big, 'popup.html', headline), 'ms');
  // Any write through the extension makes the background keep a fresh summary, as in real use.
  await options.reload();
  await options.getByLabel('Subfolder of your downloads folder').fill('Invoices/2026');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('milestone-invoicer');
    open.onsuccess = () => {
      const read = open.result.transaction('snapshots').objectStore('snapshots').get('exposure');
      read.onsuccess = () => resolve((read.result?.value?.byProject?.length ?? 0) === 1000);
    };
  }), undefined, { timeout: 30_000, polling: 500 });
  await options.waitForTimeout(2_000);
  const [floor, kept] = await inTurns(7, () => loadTime(empty, 'popup.html', '.empty'), () => loadTime(big, 'popup.html', headline));
  report('popup.first-content.empty-database-floor', floor!, 'ms');
  report('popup.first-content.1k-projects.10k-invoices.30k-payments', kept!, 'ms');
  report('popup.first-content.kept-over-floor', Math.round((kept! / floor!) * 100) / 100, 'ratio');
} finally {
  await Promise.all([empty.close(), big.close()]);
}

const one = await launchExtension();
try {
  await seedBook(await one.extensionPage('options.html'), 1, 12);
  report('sidepanel.render.12-milestone-project', await timeToContent(one, 'sidepanel.html', 'li.milestone:nth-of-type(12) .actions'), 'ms');
} finally {
  await one.close();
}

await benchGithubNonProjectPage();
