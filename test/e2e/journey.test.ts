import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { addClientAddress, axeViolations, linkThroughBoard, milestoneState, panel, readTable, reportOnFailure, settle, unfoldPanel } from './support';

/**
 * Issue 13's "Done when": a new user installs, is guided to a complete profile, sets up a project
 * from a board, invoices, records and undoes a payment, voids and re-issues, and finds every
 * invoice in the list. Each step asserts what the user sees.
 */
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

const welcomeUrl = () => `chrome-extension://${browser.extensionId}/welcome.html`;
const welcomeTabs = () => browser.context.pages().filter((page) => page.url() === welcomeUrl());
const profileNotice = (board: Page) => panel(board).getByRole('status', { name: 'Business profile incomplete' });
const move = (board: Page, shortLink: string, list: string) =>
  board.evaluate(([card, target]) => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move(card!, target!), [shortLink, list]);

/** The text of the one PDF saved under that invoice number, as pdftotext reads it. */
function savedPdfText(number: string): string {
  const folder = join(browser.downloadsDir, 'Invoices');
  const files = readdirSync(folder).filter((name) => name.startsWith(`${number} `) && name.endsWith('.pdf'));
  expect(files).toHaveLength(1);
  return execFileSync('pdftotext', ['-layout', join(folder, files[0]!), '-'], { encoding: 'utf8' });
}

describe('a new user’s first invoice, from install to the invoice list', () => {
  it('is guided to a complete profile, bills a card reaching Done, undoes a payment, voids and re-issues, and finds every document', async () => {
    // 1. The install opens the welcome page (the worker's install event may land before or after launch returns).
    // 15 s: the first start of the worker on two busy cores.
    await expect.poll(() => welcomeTabs().length, { timeout: 15_000 }).toBe(1);

    // 2. Before the profile is complete, the board panel and the popup say what is missing.
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'journey-board');
    await board.goto(fixtures.trelloBoard.url);
    expect(await profileNotice(board).textContent()).toContain('Invoices cannot be issued until you add your business name, address, and VAT ID or tax number.');
    const popup = await browser.extensionPage('popup.html');
    const popupNotice = popup.getByRole('region', { name: 'Business profile incomplete' });
    await popupNotice.waitFor();

    // 3. The board panel's link opens the welcome page, where the profile is completed.
    const opened = browser.context.waitForEvent('page');
    await profileNotice(board).getByRole('button', { name: 'Complete your business profile' }).click();
    const welcome = await opened;
    await welcome.waitForURL(welcomeUrl());
    await welcome.getByLabel('Business name').fill('Northwind Design Studio');
    await welcome.getByLabel('Address').fill('Kastanienallee 12\n10435 Berlin');
    await welcome.getByLabel('VAT ID / tax number').fill('DE123456789');
    await welcome.getByRole('button', { name: 'Save' }).click();
    await welcome.getByRole('status').filter({ hasText: 'Saved. Your invoices are ready to issue.' }).waitFor();
    await popupNotice.waitFor({ state: 'detached' });
    // Back on the board, its panel reads the profile again and the notice is gone.
    await board.bringToFront();
    await profileNotice(board).waitFor({ state: 'detached' });

    // 4. A project from the board: created in its panel, the client's address added in the workspace, cards linked.
    await panel(board).getByLabel('Client').fill('Acme Retail GmbH');
    await panel(board).getByLabel('Contract total').fill('10,000.00');
    await panel(board).getByRole('button', { name: 'Create a project for this board' }).click();
    await expect.poll(() => panel(board).locator('li.milestone').count()).toBe(3);
    expect(await panel(board).locator('h2').textContent()).toBe('Acme website redesign');
    await addClientAddress(browser, 'Acme Retail GmbH');
    await unfoldPanel(board);
    await linkThroughBoard(board, 'Launch production site', 'Final delivery');
    await linkThroughBoard(board, 'Product page templates (PLP + PDP)', 'Functional prototype');
    // Linked by mistake: undone from the workspace, where the link is listed under its milestone.
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'journey-workspace');
    const prototype = workspace.locator('li.milestone').filter({ hasText: 'Functional prototype' });
    await prototype.getByRole('button', { name: 'Unlink “Product page templates (PLP + PDP)”' }).click();
    await workspace.getByRole('alertdialog', { name: 'Unlink “Product page templates (PLP + PDP)” from “Functional prototype”?' }).getByRole('button', { name: 'Unlink card' }).click();
    await prototype.getByRole('link', { name: 'Product page templates (PLP + PDP)' }).waitFor({ state: 'detached' });
    expect((await readTable<{ title: string }>(browser, 'cardLinks')).map((link) => link.title)).toEqual(['Launch production site']);
    // Work not yet delivered is not billed in one click: its "Invoice now…" is secondary and asks first.
    expect((await prototype.getByRole('button', { name: 'Invoice now…' }).getAttribute('class')) ?? '').not.toContain('primary');

    // 5. The card reaches Done: exactly one invoice, with the milestone's 30 % on its PDF.
    await move(board, 'F1nalL1v', '✅ Done');
    // 15 s: settle time, then issuing and rendering the PDF on two busy cores.
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent(), { timeout: 15_000 }).toBe('Invoiced');
    await settle(board);
    const issued = await readTable<{ number: string; gross: number; kind: string }>(browser, 'invoices');
    expect(issued.map(({ kind, gross }) => ({ kind, gross }))).toEqual([{ kind: 'invoice', gross: 300_000 }]);
    const first = issued[0]!.number;
    expect(first).toMatch(/^INV-\d{4}-0001$/);
    // The download lands once the PDF is stored: wait for it as a user waits for the file.
    const folder = join(browser.downloadsDir, 'Invoices');
    const saved = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(`${first} `) && name.endsWith('.pdf')).length : 0);
    await expect.poll(saved, { timeout: 15_000 }).toBe(1);
    const pdf = savedPdfText(first);
    expect(pdf).toContain(first);
    expect(pdf).toContain('Final delivery');
    expect(pdf).toMatch(/€3,000\.00/);

    // 6. A payment recorded, then deleted: the invoice is open again.
    const final = workspace.locator('li.milestone').filter({ hasText: 'Final delivery' });
    await final.getByText(new RegExp(`^${first} · €3,000.00 · due `)).waitFor();
    await final.getByRole('button', { name: 'Record payment' }).click();
    await final.getByRole('button', { name: 'Paid in full' }).click();
    await final.getByText('Paid', { exact: true }).waitFor();
    await final.getByRole('button', { name: /^Delete the payment of €3,000\.00 on / }).click();
    const deleting = workspace.getByRole('alertdialog', { name: /^Delete the payment of €3,000\.00 on / });
    expect(await deleting.textContent()).toContain(`${first} shows that much less paid`);
    await deleting.getByRole('button', { name: 'Delete payment' }).click();
    await final.getByText('Invoiced', { exact: true }).waitFor();
    expect(await readTable(browser, 'payments')).toEqual([]);
    await final.getByRole('button', { name: 'Record payment' }).waitFor();

    // 7. Voided with a reason and re-issued at once under a new number.
    await final.getByRole('button', { name: 'Void…' }).click();
    const voiding = workspace.getByRole('alertdialog', { name: `Void ${first}?` });
    await voiding.getByRole('textbox', { name: 'Reason' }).fill('Wrong purchase order number');
    await voiding.getByRole('checkbox', { name: /^Void and re-issue/ }).check();
    await voiding.getByRole('button', { name: 'Void and issue credit note' }).click();
    await final.getByText('Voided and issued again with a new number.').waitFor();
    const reissued = first.replace(/0001$/, '0002');
    await final.getByText(new RegExp(`^${reissued} · €3,000.00 · due `)).waitFor();
    const credit = (await readTable<{ number: string; kind: string }>(browser, 'invoices')).find((invoice) => invoice.kind === 'credit-note')!.number;
    expect(credit).toMatch(/^CN-\d{4}-0001$/);

    // 8. The invoice list finds each: the void original, its credit note and the re-issue.
    await workspace.getByRole('button', { name: 'Invoices' }).click();
    const search = workspace.getByRole('searchbox', { name: 'Search invoices by number or client' });
    const rows = workspace.locator('li.invoice-row');
    const found = async (text: string) => {
      await search.fill(text);
      await expect.poll(() => rows.count()).toBe(1);
      return rows.first().locator('.state').textContent();
    };
    expect(await found(first)).toBe('Void');
    expect(await found(credit)).toBe('Credit note');
    expect(await found(reissued)).toBe('Open');
    await search.fill('Acme');
    await expect.poll(() => rows.locator('strong:first-child').allTextContents()).toEqual(expect.arrayContaining([first, credit, reissued]));
    expect(await rows.count()).toBe(3);
    expect(browser.errors).toEqual([]);
  });
});

describe('accessibility of the safe actions', () => {
  it.each(['light', 'dark'] as const)('the narrow workspace, its dialogs and a field problem pass axe in the %s theme', async (colorScheme) => {
    const workspace = await browser.context.newPage();
    reportOnFailure(browser, workspace, `journey-axe-${colorScheme}`);
    await workspace.emulateMedia({ colorScheme });
    await workspace.setViewportSize({ width: 360, height: 700 });
    await workspace.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const final = workspace.locator('li.milestone').filter({ hasText: 'Final delivery' });
    await final.getByRole('button', { name: 'Record payment' }).click();
    await final.getByRole('button', { name: 'Paid in full' }).click();
    await final.getByRole('button', { name: /^Delete the payment/ }).waitFor();
    const checks: [string, () => Promise<unknown>][] = [
      ['payment deletion', () => final.getByRole('button', { name: /^Delete the payment/ }).click()],
      ['unlinking', () => final.getByRole('button', { name: 'Unlink “Launch production site”' }).click()],
      ['invoicing early', () => workspace.locator('li.milestone').filter({ hasText: 'Functional prototype' }).getByRole('button', { name: 'Invoice now…' }).click()],
    ];
    expect(await axeViolations(workspace), `workspace ${colorScheme}`).toEqual([]);
    for (const [what, open] of checks) {
      await open();
      const dialog = workspace.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await axeViolations(workspace), `${what} dialog ${colorScheme}`).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await workspace.getByRole('button', { name: 'New project' }).click();
    await workspace.getByLabel('Project name').focus();
    await workspace.getByLabel('Contract total (net)').focus();
    await workspace.getByText('Give the project a name').waitFor();
    expect(await axeViolations(workspace), `project editor ${colorScheme}`).toEqual([]);
    // Leave the invoice as the journey left it: open, without the payment recorded here.
    await workspace.getByRole('button', { name: 'Cancel' }).click();
    await final.getByRole('button', { name: /^Delete the payment/ }).click();
    await workspace.getByRole('button', { name: 'Delete payment' }).click();
    await final.getByRole('button', { name: /^Delete the payment/ }).waitFor({ state: 'detached' });
    await workspace.close();
  });
});

describe('unbinding the board', () => {
  it('asks, saying its card links go, then leaves the project and its invoices and shows the board unbound', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'journey-unbind');
    const board = browser.context.pages().find((page) => page.url().startsWith(fixtures.trelloBoard.url))!;
    // Read first: reading opens a page, which the workspace would follow as the active tab.
    const invoicesBefore = await readTable(browser, 'invoices');
    await workspace.getByRole('heading', { name: 'Acme website redesign' }).waitFor();
    // The workspace follows the active tab: the board in front, as a user switching to it.
    await board.bringToFront();
    // Headless Chromium announces no tab switch on bringToFront: the board's reload tells the workspace instead.
    await board.reload();
    await unfoldPanel(board);
    await workspace.getByRole('status').filter({ hasText: 'is bound to Acme website redesign' }).waitFor();
    await workspace.getByRole('button', { name: 'Unbind…' }).click();
    const asking = workspace.getByRole('alertdialog', { name: 'Unbind “Acme website redesign” from Acme website redesign?' });
    expect(await asking.textContent()).toContain('The board’s card links are removed (1 card)');
    await asking.getByRole('button', { name: 'Unbind board' }).click();
    await workspace.getByRole('button', { name: 'Bind to this board' }).waitFor();
    // The project drop-down shows the project it would bind, never a blank choice.
    expect(await workspace.getByLabel('Project for this board').locator('option:checked').textContent()).toBe('Acme website redesign');
    expect(await workspace.getByRole('heading', { name: 'Acme website redesign', exact: true }).count()).toBe(1);
    await panel(board).getByText('No project is bound to this Trello board yet').waitFor();
    expect(await readTable(browser, 'cardLinks')).toEqual([]);
    expect(await readTable(browser, 'invoices')).toEqual(invoicesBefore);
    expect(browser.errors).toEqual([]);
  });
});

describe('archiving', () => {
  it('hides a project from the list until "Show archived" and a client from new projects, then restores both', async () => {
    const workspace = await browser.extensionPage('sidepanel.html');
    reportOnFailure(browser, workspace, 'journey-archive');
    const project = workspace.getByRole('region', { name: 'Acme website redesign' });
    await project.getByRole('button', { name: 'Archive project' }).click();
    await project.waitFor({ state: 'detached' });
    // It has invoices, so it can be archived but never deleted.
    await workspace.getByLabel('Show archived (1)').check();
    await project.getByText('Archived', { exact: true }).waitFor();
    expect(await project.getByRole('button', { name: 'Delete project…' }).count()).toBe(0);
    await project.getByRole('button', { name: 'Restore project' }).click();
    await workspace.getByLabel(/^Show archived/).waitFor({ state: 'detached' });
    await project.getByRole('button', { name: 'Archive project' }).waitFor();

    // An archived client is offered to no new project, and comes back when restored.
    await project.getByRole('button', { name: 'Edit client' }).click();
    await project.getByRole('button', { name: 'Archive client' }).click();
    await project.getByRole('button', { name: 'Restore client' }).waitFor();
    await workspace.getByRole('button', { name: 'New project' }).click();
    await workspace.getByRole('alert').filter({ hasText: 'Add a client first.' }).waitFor();
    await workspace.getByRole('form', { name: 'New project' }).getByRole('button', { name: 'Cancel' }).click();
    await project.getByRole('button', { name: 'Restore client' }).click();
    await workspace.getByLabel(/^Show archived/).waitFor({ state: 'detached' });
    await workspace.getByRole('button', { name: 'New project' }).click();
    expect(await workspace.getByLabel('Client').locator('option:checked').textContent()).toBe('Acme Retail GmbH');
    await workspace.close();
  });
});
