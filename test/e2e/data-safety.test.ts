import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { milestoneState, readTable, reportOnFailure } from './support';

const opened: ExtensionBrowser[] = [];
afterAll(async () => Promise.all(opened.map((browser) => browser.close())));
const launch = async () => {
  const browser = await launchExtension();
  opened.push(browser);
  return browser;
};
const pdfHashes = async (browser: ExtensionBrowser) =>
  (await readTable<{ invoiceId: string; sha256: string; bytes: Uint8Array }>(browser, 'invoiceFiles'))
    .map((file) => `${file.invoiceId} ${file.sha256}`)
    .sort();

describe('back up, lose the profile, restore', () => {
  it('finds every invoice byte-identical, and nothing ever left the machine', async () => {
    const first = await launch();
    const options = await first.extensionPage('options.html');
    reportOnFailure(first, options, 'backup');
    await options.getByRole('button', { name: 'Load demo data' }).click();
    await options.getByText('Demo data is ready').waitFor();
    const board = await first.context.newPage();
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('F1nalL1v', '✅ Done'));
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent(), { timeout: 15_000 }).toBe('Invoiced');
    const hashes = await pdfHashes(first);
    expect(hashes).toHaveLength(1);

    await options.reload();
    await options.getByRole('button', { name: 'Save a backup' }).click();
    await options.getByText('Backup saved.').waitFor();
    const file = join(first.downloadsDir, `milestone-invoicer-backup-${new Date().toISOString().slice(0, 10)}.json`);
    await expect.poll(() => existsSync(file)).toBe(true);
    const fromExtension = first.blocked.filter((entry) => entry.startsWith('chrome-extension://') || entry.startsWith('service-worker'));
    expect(fromExtension).toEqual([]);

    const second = await launch();
    const restore = await second.extensionPage('options.html');
    reportOnFailure(second, restore, 'restore');
    await restore.getByText('Restore from a backup…').locator('input').setInputFiles(file);
    const preview = restore.getByRole('region', { name: 'What the restore will do' });
    await preview.getByRole('row', { name: /invoiceFiles 1 1 0 0/ }).waitFor();
    await preview.getByRole('button', { name: 'Add the new records' }).click();
    await restore.getByText('Backup restored.').waitFor();
    // Every stored PDF comes back byte-identical. The demo's deposit was seeded without one: a worker
    // that restarts (as a busy machine makes it) renders it from its record, so there may be one more.
    expect(await pdfHashes(second)).toEqual(expect.arrayContaining(hashes));
    const [stored] = await readTable<{ bytes: Record<string, number> | Uint8Array; sha256: string }>(second, 'invoiceFiles');
    const bytes = Uint8Array.from(Object.values(stored!.bytes as Record<string, number>));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored!.sha256);

    const exposure = async (browser: ExtensionBrowser) => {
      const popup = await browser.extensionPage('popup.html');
      return popup.getByTestId('exposure-EUR').textContent();
    };
    const original = await exposure(first);
    expect(original).toMatch(/^€[\d,]+\.\d\d$/);
    await expect.poll(() => exposure(second)).toBe(original);
    expect(second.blocked.filter((entry) => !entry.startsWith('https://'))).toEqual([]);
  });

  it('rejects a damaged backup with the place of the problem and changes nothing', async () => {
    const browser = await launch();
    const options = await browser.extensionPage('options.html');
    const damaged = JSON.parse(readFileSync(join(opened[0]!.downloadsDir, `milestone-invoicer-backup-${new Date().toISOString().slice(0, 10)}.json`), 'utf8'));
    damaged.data.payments[0].date = 'last Tuesday';
    await options.getByText('Restore from a backup…').locator('input').setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await options.getByRole('alert').filter({ hasText: 'data.payments[0].date: Expected a date as YYYY-MM-DD' }).waitFor();
    expect(await readTable(browser, 'projects')).toEqual([]);
  });
});
