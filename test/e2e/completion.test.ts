import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/browser';
import { deliveries, demoTrelloBoard, milestoneState, panel, readTable, reportOnFailure, settle, unfoldPanel } from './support';

let browser: ExtensionBrowser;
let board: Page;
/** The demo links "Launch production site" (in Doing) to "Final delivery". */
const CARD = 'F1nalL1v';

const markComplete = (done: boolean) =>
  board.evaluate(([card, mark]) => (window as unknown as { trelloFixture: { complete(a: string, b: boolean): void } }).trelloFixture.complete(card!, mark!), [CARD, done] as const);
const knownMark = async () => (await readTable<{ cardId: string; complete?: boolean }>(browser, 'cardLinks')).find((link) => link.cardId === CARD)?.complete;
/** The demo's own history holds the prototype's delivery: only this card's milestone counts here. */
const finalDeliveries = async () => (await deliveries(browser)).filter((summary) => summary.startsWith('"Final delivery"'));
const invoiceCount = async () => (await readTable(browser, 'invoices')).length;
const leftDone = async () => (await readTable<{ kind: string; summary: string }>(browser, 'activity')).filter((entry) => entry.kind === 'card-left-done').map((entry) => entry.summary);

beforeAll(async () => {
  ({ browser, board } = await demoTrelloBoard());
});
afterAll(() => browser?.close());

describe('Trello: a card marked complete', () => {
  let invoicesBefore: number;

  it('delivers nothing while the board does not count completion as Done (the default)', async () => {
    reportOnFailure(browser, board, 'completion-off');
    invoicesBefore = await invoiceCount();
    await markComplete(true);
    // The background heard the mark, and chose not to deliver.
    await expect.poll(knownMark).toBe(true);
    await settle(board);
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('In progress');
    expect(await finalDeliveries()).toEqual([]);
    expect(await invoiceCount()).toBe(invoicesBefore);
    await markComplete(false);
    await expect.poll(knownMark).toBe(false);
    expect(await leftDone()).toEqual([]);
  });

  it('issues exactly one invoice once the option is on and the card is marked complete', async () => {
    reportOnFailure(browser, board, 'completion-on');
    await unfoldPanel(board);
    await panel(board).getByLabel('A card marked complete counts as Done').click();
    const boardRow = async () => (await readTable<{ id: string; completeCountsAsDone?: boolean }>(browser, 'boards')).find((b) => b.id === 'trello:MiDemo01');
    await expect.poll(async () => (await boardRow())?.completeCountsAsDone).toBe(true);
    await markComplete(true);
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    await settle(board);
    expect(await finalDeliveries()).toEqual(['"Final delivery" delivered: card "Launch production site" was marked complete in Doing']);
    expect(await invoiceCount()).toBe(invoicesBefore + 1);
  });

  it('logs a mark taken off after delivery and undoes nothing', async () => {
    reportOnFailure(browser, board, 'completion-undone');
    await markComplete(false);
    await panel(board).getByText('“Launch production site” left Done after delivery').waitFor();
    expect(await leftDone()).toEqual(['Card "Launch production site" was marked incomplete in Doing after "Final delivery" was delivered']);
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    expect(await invoiceCount()).toBe(invoicesBefore + 1);
    expect(browser.errors).toEqual([]);
  });
});
