import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { ours } from './our-ui';
import { addClientAddress, boardCard, fillBusinessProfile, linkControl, milestonePicker, milestoneState, panel, readTable, reportOnFailure, settle } from './support';

/**
 * A full-cover card shows no short link on its front, only Trello's long card id: linked through
 * the board's UI (opened, then picked), it must still be badged and seen to reach Done.
 */
let browser: ExtensionBrowser;
let board: Page;
const COVER = 'Hero photography';
const coverBadge = () => ours(board, 'milestone-invoicer-badge', { css: 'li[data-testid="list-card"]', hasText: COVER });

beforeAll(async () => {
  browser = await launchExtension();
  // Invoices are issued only with a complete business profile, filled in as a user would.
  await fillBusinessProfile(browser, { name: 'Northwind Studio', address: 'Torstraße 1, Berlin', taxId: 'DE123456789' });
  board = await browser.context.newPage();
  await board.goto(fixtures.trelloBoard.url);
  await panel(board).getByLabel('Client').fill('Acme Retail GmbH');
  await panel(board).getByLabel('Contract total').fill('12,000.00');
  await panel(board).getByRole('button', { name: 'Create a project for this board' }).click();
  await panel(board).locator('li.milestone').nth(2).waitFor();
  await addClientAddress(browser, 'Acme Retail GmbH');
});
afterAll(() => browser?.close());

describe('Trello full-cover cards', () => {
  it('links a full-cover card through the board: it opens, the milestone is picked, and the card front is badged', async () => {
    reportOnFailure(browser, board, 'trello-cover-link');
    await boardCard(board, COVER, 'span[data-testid="card-name"]').hover();
    await linkControl(board).locator('button.control').click();
    await expect.poll(() => new URL(board.url()).pathname).toBe('/c/Cv3rPh0t');
    await milestonePicker(board).locator('[role="menu"]').getByRole('menuitemradio', { name: 'Final delivery' }).click();
    await board.locator('[data-testid="card-back-close"]').click();
    await coverBadge().filter({ hasText: 'Final delivery' }).waitFor();

    expect(await board.locator('milestone-invoicer-badge').count()).toBe(1);
    const [link] = await readTable<{ cardId: string; hostCardId?: string }>(browser, 'cardLinks');
    const longId = await board.locator('li[data-testid="list-card"]', { hasText: COVER }).locator('[data-card-id]').getAttribute('data-card-id');
    expect(link).toMatchObject({ cardId: 'Cv3rPh0t', hostCardId: longId });
  });

  it('issues exactly one invoice when the full-cover card is moved to Done', async () => {
    reportOnFailure(browser, board, 'trello-cover-done');
    await board.evaluate(() => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move('Cv3rPh0t', '✅ Done'));
    // Issuing builds and stores a PDF: generous for a busy two-core machine.
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent(), { timeout: 15_000 }).toBe('Invoiced');
    await settle(board);

    const invoices = await readTable<{ milestoneId: string; kind: string }>(browser, 'invoices');
    const [milestone] = (await readTable<{ id: string; title: string }>(browser, 'milestones')).filter((m) => m.title === 'Final delivery');
    expect(invoices.map((invoice) => invoice.milestoneId)).toEqual([milestone!.id]);
    expect(await coverBadge().count()).toBe(1);
    expect(await board.locator('li[data-testid="list-wrapper"]', { hasText: '✅ Done' }).locator('li[data-testid="list-card"]', { hasText: COVER }).count()).toBe(1);
  });
});
