import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/browser';
import { ours } from './our-ui';
import { demoTrelloBoard, milestoneState, panel, readTable, reportOnFailure, settle } from './support';

let browser: ExtensionBrowser;
let board: Page;

interface DownloadItem {
  filename: string;
  state: string;
}

/** The browser's finished downloads, as the downloads API lists them. */
async function downloads(): Promise<DownloadItem[]> {
  const page = await browser.extensionPage('options.html');
  const items = await page.evaluate(() => chrome.downloads.search({ state: 'complete' }));
  await page.close();
  return items as DownloadItem[];
}

beforeAll(async () => {
  ({ browser, board } = await demoTrelloBoard());
});
afterAll(() => browser?.close());

describe('invoicing from the board', () => {
  it('issues one stored invoice and saves one PDF when a linked card is moved to Done', async () => {
    reportOnFailure(browser, board, 'invoice-on-done');
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('F1nalL1v', '✅ Done'));
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent(), { timeout: 15_000 }).toBe('Invoiced');
    await settle(board);

    const invoices = await readTable<{ id: string; number: string; milestoneId: string }>(browser, 'invoices');
    invoices.sort((a, b) => a.number.localeCompare(b.number));
    expect(invoices.map((invoice) => invoice.number)).toEqual([expect.stringMatching(/^INV-\d{4}-0001$/), expect.stringMatching(/^INV-\d{4}-0002$/)]);
    const [file] = (await readTable<{ invoiceId: string; sha256: string; filename: string }>(browser, 'invoiceFiles')).filter((f) => f.invoiceId === invoices[1]!.id);

    await expect.poll(async () => (await downloads()).length).toBe(1);
    const [saved] = await downloads();
    expect(saved!.filename).toMatch(new RegExp(`^${browser.downloadsDir}/Invoices/INV-\\d{4}-0002 Acme Retail GmbH - Final delivery\\.pdf$`));
    expect(createHash('sha256').update(readFileSync(saved!.filename)).digest('hex')).toBe(file!.sha256);

    const notifications = await (await browser.extensionPage('options.html')).evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications)).toContain(`invoice:${invoices[1]!.id}`);
  });

  it('invoices a delivered card in one click from its badge', async () => {
    const badge = ours(board, 'milestone-invoicer-badge', { css: 'li[data-testid="list-card"]', hasText: 'Clickable prototype' });
    await badge.getByRole('button', { name: 'Invoice now: Functional prototype' }).click();
    await expect.poll(() => milestoneState(board, 'Functional prototype').textContent()).toBe('Invoiced');
    expect(await readTable(browser, 'invoices')).toHaveLength(3);
  });
});

describe('after issue, from the workspace', () => {
  it('records a payment and voids an invoice through a credit note', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'workspace-payment');
    const prototype = workspace.locator('li.milestone').filter({ hasText: 'Functional prototype' });
    await prototype.getByRole('button', { name: 'Record payment' }).click();
    await prototype.getByLabel(/Amount received/).fill('abc');
    await prototype.getByRole('button', { name: 'Record payment' }).last().click();
    await prototype.getByRole('alert').filter({ hasText: 'is not an amount' }).waitFor();
    expect(await readTable(browser, 'payments')).toHaveLength(1);
    await prototype.getByLabel(/Amount received/).fill('1,000.00');
    await prototype.getByRole('button', { name: 'Record payment' }).last().click();
    await prototype.getByText('Payment recorded.').waitFor();
    await prototype.getByText('Partially paid').waitFor();

    const final = workspace.locator('li.milestone').filter({ hasText: 'Final delivery' });
    await final.getByRole('button', { name: 'Void…' }).click();
    const voiding = workspace.getByRole('alertdialog', { name: /^Void INV-/ });
    await voiding.getByRole('textbox', { name: 'Reason' }).fill('Billed before the client signed off');
    await voiding.getByRole('button', { name: 'Void and issue credit note' }).click();
    await final.getByText('Credit note issued; the invoice is void.').waitFor();
    // The voided invoice's milestone is billable again, for its own share, under a new number.
    await final.getByText('Delivered', { exact: true }).waitFor();
    const credit = (await readTable<{ kind: string; number: string }>(browser, 'invoices')).filter((i) => i.kind === 'credit-note');
    expect(credit.map((c) => c.number)).toEqual([expect.stringMatching(/^CN-\d{4}-0001$/)]);

    await final.getByRole('button', { name: 'Invoice now' }).click();
    await final.getByText(/^INV-\d{4}-0004 · €4,284.00 · /).waitFor(); // a new number, the same 30 % share
    await final.getByText('Invoiced', { exact: true }).waitFor();
    expect(browser.errors).toEqual([]);
  });
});
