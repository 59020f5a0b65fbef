import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { readTable } from './support';

let browser: ExtensionBrowser;
let options: Page;

/** Hebrew with right-to-left marks, a ZWNJ as Persian writes it, a soft hyphen and a zero-width space. */
const INVISIBLE_NAME = '\u200fספק שלי\u200f می\u200cخواهم Fahr\u00adrad\u200bCo';
const CLEAN_NAME = 'ספק שלי میخواهم FahrradCo';

const send = (type: string, payload: unknown) => options.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);

/** Changes (or adds) one stored record from an extension page, as an older version or a restore left it. */
const patch = (table: string, key: string, changes: Record<string, unknown>) =>
  options.evaluate(
    ([name, id, fields]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('milestone-invoicer');
        open.onsuccess = () => {
          const store = open.result.transaction(name, 'readwrite').objectStore(name);
          const read = store.get(id);
          read.onsuccess = () => {
            try {
              const write = store.put({ ...read.result, ...fields });
              write.onsuccess = () => resolve();
              write.onerror = () => reject(write.error);
            } catch (error) {
              reject(error);
            }
          };
        };
        open.onerror = () => reject(open.error);
      }),
    [table, key, changes] as const,
  );

const completed = () => options.evaluate(() => chrome.downloads.search({ state: 'complete' })).then((items) => items.map((item) => item.filename));

beforeAll(async () => {
  browser = await launchExtension();
  options = await browser.extensionPage('options.html');
  await send('demo.seed', {});
});
afterAll(() => browser?.close());

describe('downloads never fail on a name', () => {
  it('downloads an invoice whose client name carries invisible format characters, under a clean name', async () => {
    // The premise: Chrome refuses such a name outright.
    const refused = await options.evaluate((name) => chrome.downloads.download({ url: 'data:text/plain,x', filename: `${name}.txt` }).then(() => 'saved', (error: Error) => error.message), INVISIBLE_NAME);
    expect(refused).toMatch(/filename/i);

    const [client] = await readTable<{ id: string }>(browser, 'clients');
    await patch('clients', client!.id, { name: INVISIBLE_NAME });
    const milestones = await readTable<{ id: string; state: string }>(browser, 'milestones');
    await send('milestone.invoice', { milestoneId: milestones.find((milestone) => milestone.state === 'delivered')!.id });

    const files = await readTable<{ invoiceId: string; filename: string }>(browser, 'invoiceFiles');
    const stored = files.find((file) => file.filename.includes('Functional prototype'))!;
    expect(stored.filename).toMatch(new RegExp(`^INV-\\d{4}-0002 ${CLEAN_NAME} - Functional prototype\\.pdf$`));
    await expect.poll(completed, { timeout: 15_000 }).toContain(`${browser.downloadsDir}/Invoices/${stored.filename}`);
    expect(existsSync(`${browser.downloadsDir}/Invoices/${stored.filename}`)).toBe(true);
  });

  it('recovers a name stored with invisible characters, and a restored "../x" folder, at download time', async () => {
    const [file] = await readTable<{ invoiceId: string; filename: string }>(browser, 'invoiceFiles');
    await patch('invoiceFiles', file!.invoiceId, { filename: `INV-OLD ${INVISIBLE_NAME}.pdf. ` });
    await patch('settings', 'invoiceFiles', { key: 'invoiceFiles', value: { folder: '../x', downloadOnIssue: true } });
    const reply = await send('invoice.download', { invoiceId: file!.invoiceId });
    expect(JSON.stringify(reply)).not.toMatch(/went wrong|error/i);
    // The ".." is dropped, so the file lands in "x" inside the downloads folder, never beside it.
    await expect.poll(completed, { timeout: 15_000 }).toContain(`${browser.downloadsDir}/x/INV-OLD ${CLEAN_NAME}.pdf`);
  });
});
