import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../lib/invoicing/labels/de';
import type { ExtensionBrowser } from '../harness/browser';
import { brokenRules, loadRules } from '../unit/einvoice/validate';
import { demoTrelloBoard, milestoneState, readTable, reportOnFailure } from './support';

let browser: ExtensionBrowser;
let board: Page;

/** The browser's finished downloads, as the downloads API lists them. */
async function downloads(): Promise<string[]> {
  const page = await browser.extensionPage('options.html');
  const items = await page.evaluate(() => chrome.downloads.search({ state: 'complete' }));
  await page.close();
  return items.map((item) => item.filename);
}

beforeAll(async () => {
  // Compiling the CEN rules takes about 20 s a syntax when idle, minutes on a busy two-core machine (cached afterwards).
  await loadRules();
  ({ browser, board } = await demoTrelloBoard());
}, 300_000);
afterAll(() => browser?.close());

describe('Factur-X for a client who asked for it', () => {
  it('a card reaching Done saves one Factur-X PDF whose factur-x.xml validates and states the amount the PDF shows', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'einvoice-client');
    await workspace.getByRole('button', { name: 'Edit client' }).first().click();
    await workspace.getByLabel('How they receive invoices').selectOption('facturx');
    await workspace.getByLabel(/Buyer reference/).fill('PO-4711');
    await workspace.getByRole('button', { name: 'Save client' }).click();
    await workspace.getByRole('button', { name: 'Save client' }).waitFor({ state: 'detached' });
    await workspace.close();
    expect((await readTable<{ einvoice?: { format: string } }>(browser, 'clients')).map((client) => client.einvoice?.format)).toEqual(['facturx']);

    reportOnFailure(browser, board, 'einvoice-done');
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('F1nalL1v', '✅ Done'));
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    await expect.poll(downloads).toHaveLength(1);
    const [saved] = await downloads();
    expect(saved).toMatch(/\/Invoices\/INV-\d{4}-0002 Acme Retail GmbH - Final delivery \(Factur-X\)\.pdf$/);

    const workdir = mkdtempSync(path.join(tmpdir(), 'einvoice-e2e-'));
    expect(execFileSync('pdfdetach', ['-list', saved!], { encoding: 'utf8' })).toBe('1 embedded files\n1: factur-x.xml\n');
    execFileSync('pdfdetach', ['-save', '1', '-o', path.join(workdir, 'factur-x.xml'), saved!]);
    const xml = readFileSync(path.join(workdir, 'factur-x.xml'), 'utf8');
    rmSync(workdir, { recursive: true });
    expect(await brokenRules(xml)).toEqual([]);
    expect(xml).toContain('<ram:BuyerReference>PO-4711</ram:BuyerReference>');

    // The demo client is German: the PDF writes 4.284,00 € where the XML writes 4284.00.
    const german = (decimal: string) => `${Number(decimal).toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`;
    const grandTotal = /<ram:GrandTotalAmount>([^<]+)</.exec(xml)![1]!;
    const due = /<ram:DuePayableAmount>([^<]+)</.exec(xml)![1]!;
    const text = execFileSync('pdftotext', ['-layout', saved!, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain(`${de.total('EUR')} ${german(grandTotal)}`);
    expect(text).toMatch(new RegExp(`${de.amountDue}\\n\\s*${german(due).replace('.', '\\.')}`));
    const [invoice] = (await readTable<{ number: string; gross: number }>(browser, 'invoices')).filter((row) => saved!.includes(row.number));
    expect(Number(grandTotal) * 100).toBe(invoice!.gross);
    expect(browser.errors).toEqual([]);
  });

  it('the workspace invoice row downloads the same Factur-X PDF again, byte for byte', async () => {
    const [first] = await downloads();
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'einvoice-row');
    await workspace.getByRole('button', { name: 'Invoices' }).click();
    await workspace.locator('.row-toggle').filter({ hasText: /INV-\d{4}-0002/ }).click();
    await workspace.getByRole('button', { name: 'Download Factur-X PDF' }).click();
    await workspace.getByText(/^INV-\d{4}-0002 e-invoice downloaded\.$/).waitFor();
    await expect.poll(downloads).toHaveLength(2);
    const again = (await downloads()).find((file) => file !== first)!;
    expect(again).toMatch(/Final delivery \(Factur-X\) \(1\)\.pdf$/);
    expect(readFileSync(again)).toEqual(readFileSync(first!));
    expect(browser.errors).toEqual([]);
  });
});
