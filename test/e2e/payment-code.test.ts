import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/browser';
import { scanPdf } from '../unit/invoicing/qr-decode';
import { pdfText } from '../unit/invoicing/support';
import { demoTrelloBoard, milestoneState, readTable, reportOnFailure } from './support';

let browser: ExtensionBrowser;
let board: Page;

beforeAll(async () => {
  ({ browser, board } = await demoTrelloBoard());
});
afterAll(() => browser?.close());

describe('the invoice the extension issues when a card reaches Done', () => {
  it('is in the client’s language and carries an EPC code a banking app reads as a transfer of its amount', async () => {
    reportOnFailure(browser, board, 'payment-code');
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('F1nalL1v', '✅ Done'));
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent(), { timeout: 15_000 }).toBe('Invoiced');
    const invoices = await readTable<{ id: string; number: string; gross: number }>(browser, 'invoices');
    const invoice = invoices.sort((a, b) => a.number.localeCompare(b.number)).at(-1)!;
    const [file] = (await readTable<{ invoiceId: string; bytes: Uint8Array }>(browser, 'invoiceFiles')).filter((f) => f.invoiceId === invoice.id);
    const bytes = new Uint8Array(Object.values(file!.bytes));
    // The demo seller has a German IBAN and BIC; the demo client (de-DE) pays in EUR.
    expect(scanPdf(bytes)).toEqual([
      `BCD\n002\n1\nSCT\nCOBADEFFXXX\nNorthwind Design Studio\nDE89370400440532013000\nEUR${(invoice.gross / 100).toFixed(2)}\n\n\n${invoice.number}`,
    ]);
    expect((await pdfText(bytes)).join(' ')).toContain(`Rechnungsnummer ${invoice.number}`);
  });
});
