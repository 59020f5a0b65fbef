import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { pdfText } from '../unit/invoicing/support';
import { readTable, reportOnFailure } from './support';

interface Row {
  id: string;
  number: string;
  milestoneId?: string;
  gross: number;
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  const options = await browser.extensionPage('options.html');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await options.close();
});
afterAll(() => browser?.close());

/**
 * Holds a write lock on the stored PDFs from an extension page, so the worker's PDF write waits
 * right after the invoice commits: a deterministic point to stop it at, with no hook in the code.
 */
async function holdPdfStore(page: Page): Promise<{ storedDuringHold: () => Promise<number>; release: () => Promise<void> }> {
  await page.evaluate(
    () =>
      new Promise<void>((started, failed) => {
        const open = indexedDB.open('milestone-invoicer');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('invoiceFiles', 'readwrite').objectStore('invoiceFiles');
          const hold = window as unknown as { held: boolean; stored: number };
          hold.held = true;
          // A transaction stays open while it has a request in flight: keep asking until released.
          const ask = () => {
            const count = store.count();
            count.onsuccess = () => {
              hold.stored = count.result;
              if (hold.held) ask();
              else open.result.close();
            };
          };
          ask();
          started();
        };
      }),
  );
  return {
    storedDuringHold: () => page.evaluate(() => (window as unknown as { stored: number }).stored),
    release: () => page.evaluate(() => void ((window as unknown as { held: boolean }).held = false)),
  };
}

/** The extension's service worker over the DevTools protocol: whether it runs, and stopping it as Chrome does. */
async function serviceWorker(page: Page) {
  const cdp = await browser.context.newCDPSession(page);
  const target = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.find(
      (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
  return {
    running: async () => (await target()) !== undefined,
    async stop() {
      await cdp.send('Target.closeTarget', { targetId: (await target())!.targetId });
      await expect.poll(this.running).toBe(false);
    },
  };
}

const downloaded = async (): Promise<string[]> => {
  const page = await browser.extensionPage('options.html');
  const items = await page.evaluate(() => chrome.downloads.search({ state: 'complete' }));
  await page.close();
  return items.map((item) => item.filename);
};

describe('a service worker stopped mid-issue', () => {
  it('loses nothing: the PDF is saved at the next start and the user downloads the right invoice', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'worker-stopped-mid-issue');
    const lockPage = await browser.extensionPage('options.html');
    const lock = await holdPdfStore(lockPage);
    const prototype = workspace.getByRole('listitem').filter({ hasText: 'Functional prototype' });
    await prototype.getByRole('button', { name: 'Invoice now' }).click();

    // The invoice record commits; its PDF write is waiting on the lock. Stop the worker there.
    const invoiced = async () => (await readTable<Row>(browser, 'invoices')).find((row) => row.gross === 571_200);
    // 15 s: each poll opens a page to read the database, slow when two cores are shared.
    await expect.poll(invoiced, { timeout: 15_000 }).toBeDefined();
    const invoice = (await invoiced())!;
    expect(invoice.number).toMatch(/^INV-\d{4}-0002$/);
    const worker = await serviceWorker(lockPage);
    await worker.stop();
    expect(await lock.storedDuringHold()).toBe(0);
    await lock.release();
    await prototype.getByRole('alert').filter({ hasText: 'The extension stopped before answering.' }).waitFor();

    // The user downloads it from the workspace: that wakes the worker, which saves the PDF first.
    await prototype.getByRole('button', { name: 'Download PDF' }).click();
    // 15 s: a cold worker loads the fonts and renders the PDF before answering, on a busy machine.
    await prototype.getByRole('status').filter({ hasText: 'PDF downloaded.' }).waitFor({ timeout: 15_000 });

    expect(await worker.running()).toBe(true);
    const files = await readTable<{ invoiceId: string; sha256: string }>(browser, 'invoiceFiles');
    expect(files.filter((file) => file.invoiceId === invoice.id)).toHaveLength(1);
    const sha256 = files.find((file) => file.invoiceId === invoice.id)!.sha256;
    const name = `${invoice.number} Acme Retail GmbH - Functional prototype`;
    const copies = () => downloaded().then((all) => all.filter((path) => path.includes(`/Invoices/${name}`)));
    // One from the recovery at start (download on issue is on), one for the user's click; 15 s as above.
    await expect.poll(async () => (await copies()).length, { timeout: 15_000 }).toBe(2);
    for (const path of await copies()) {
      const bytes = readFileSync(path);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      const [page] = await pdfText(new Uint8Array(bytes));
      expect(page).toContain(`Rechnungsnummer ${invoice.number}`);
      // In the demo client's invoice language and locale (de-DE).
      expect(page).toContain('Zu zahlender Betrag 5.712,00 €');
    }
    const invoices = await readTable<Row>(browser, 'invoices');
    expect(invoices.filter((row) => row.milestoneId === invoice.milestoneId)).toHaveLength(1);
    expect(invoices.map((row) => row.number).sort()).toEqual([expect.stringMatching(/-0001$/), invoice.number]);
    const notifications = await (await browser.extensionPage('options.html')).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toContain(`invoice:${invoice.id}`);
  });
});
