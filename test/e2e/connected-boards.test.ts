import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BOARD_CHECK_ALARM } from '../../lib/connections/service';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { allowHostOnExtensionsPage, serveMockApis, type ApiRequest } from './mock-apis/serve';
import { MockGitHub } from './mock-apis/github';
import { ours } from './our-ui';
import { MockNotion } from './mock-apis/notion';
import { MockTrello } from './mock-apis/trello';
import { addClientAddress, deliveries, fillBusinessProfile, linkThroughBoard, milestoneState, panel, readTable, reportOnFailure, settle, unfoldPanel } from './support';

let browser: ExtensionBrowser;
let board: Page;
let workspace: Page;
let received: ApiRequest[];
const trello = new MockTrello();
const github = new MockGitHub();
const notion = new MockNotion();

const moveOnPage = (page: Page, shortLink: string, list: string) =>
  page.evaluate(([card, target]) => (window as unknown as { trelloFixture: { move(a: string, b: string): void } }).trelloFixture.move(card!, target!), [shortLink, list]);
const alarms = () => browser.worker.evaluate(() => chrome.alarms.getAll());
/** Fires the background check's own alarm now, instead of waiting the minutes of its period. */
const fireCheckAlarm = () => browser.worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), BOARD_CHECK_ALARM);
/** Invoices issued here; the demo data brings one (the deposit's). */
const newInvoices = async () => (await readTable<{ number: string }>(browser, 'invoices')).filter((invoice) => invoice.number !== 'INV-2026-0001');
const finalDeliveries = async () => (await deliveries(browser)).filter((entry) => entry.startsWith('"Final delivery"'));
const fromExtension = () => browser.blocked.filter((entry) => entry.startsWith('chrome-extension://') || entry.startsWith('service-worker'));

async function openBoard(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.trelloBoard.url);
  await page.locator('milestone-invoicer-badge').nth(1).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchExtension();
  received = await serveMockApis(browser, [trello, github, notion]);
  trello.move('F1nalL1v', 'Doing');
  trello.move('Pr0toT1p', '✅ Done');
  const options = await browser.extensionPage('options.html');
  await options.getByRole('button', { name: 'Load demo data' }).click();
  await options.getByText('Demo data is ready').waitFor();
  await options.close();
  board = await openBoard();
  workspace = await browser.extensionPage('sidepanel.html');
  await board.bringToFront();
});
afterAll(() => browser?.close());

describe('a Trello board connected to its API', () => {
  it('sends nothing anywhere and sets no alarm while no board is connected', async () => {
    await settle(board);
    expect(received).toEqual([]);
    expect(fromExtension()).toEqual([]);
    expect((await alarms()).map((alarm) => alarm.name)).not.toContain(BOARD_CHECK_ALARM);
  });

  it('connects from the workspace: the token is tested once, then only its last characters are shown', async () => {
    reportOnFailure(browser, workspace, 'connect-trello');
    trello.validTokens.add('ATTAfirst-token-0001');
    await allowHostOnExtensionsPage(browser, trello.origin);
    await board.bringToFront();
    await workspace.getByText('is bound to').waitFor();
    const section = workspace.getByRole('region', { name: 'Trello connection' });
    await section.getByText('Not connected.').waitFor();
    await section.getByText('Connect Trello…').click();
    await section.getByLabel('API key').fill('0123456789abcdef0123456789abcdef');
    expect(await section.getByRole('link', { name: 'Authorise Milestone Invoicer on Trello (read-only)' }).getAttribute('href')).toContain('key=0123456789abcdef0123456789abcdef');
    await section.getByLabel('Token').fill('ATTAfirst-token-0001');
    await section.getByRole('button', { name: 'Connect Trello' }).click();
    await section.getByText(/^Trello connection: working/).waitFor();
    await section.getByText('Token ••••0001.', { exact: false }).waitFor();
    expect(await workspace.locator('body').innerText()).not.toContain('ATTAfirst-token-0001');
    expect(received.map((request) => new URL(request.url).pathname)).toEqual(['/1/boards/MiDemo01']);
    expect((await alarms()).find((alarm) => alarm.name === BOARD_CHECK_ALARM)?.periodInMinutes).toBe(5);
  });

  it('issues nothing when the page shows Done but Trello says Doing, and says so in the board panel', async () => {
    reportOnFailure(browser, board, 'connected-disagreement');
    await moveOnPage(board, 'F1nalL1v', '✅ Done');
    // The folded tab flags it before the user opens the panel.
    await ours(board, 'milestone-invoicer-panel').locator('button.folded .attention').waitFor();
    await unfoldPanel(board);
    await panel(board).getByText('“Launch production site”: Trello says this card is in Doing; no invoice issued').waitFor();
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('In progress');
    expect(await newInvoices()).toEqual([]);
    expect(await finalDeliveries()).toEqual([]);
  });

  it('shows an expired token in the workspace and the board panel, and stops asking', async () => {
    reportOnFailure(browser, workspace, 'connected-expired');
    trello.validTokens.clear();
    await fireCheckAlarm();
    // Reading the database opened a page: the workspace follows the active tab, so the board comes back to the front.
    await board.bringToFront();
    await workspace.getByRole('region', { name: 'Trello connection' }).getByText('Trello connection: token expired — reconnect').waitFor();
    await board.reload();
    await unfoldPanel(board);
    await panel(board).getByText('Trello connection: token expired — reconnect').waitFor();
    expect((await alarms()).map((alarm) => alarm.name)).not.toContain(BOARD_CHECK_ALARM);
    expect(await newInvoices()).toEqual([]);
  });

  it('invoices a card moved to Done while no tab is open, exactly once, after reconnecting', async () => {
    reportOnFailure(browser, workspace, 'connected-no-tab');
    trello.validTokens.add('ATTAsecond-token-0002');
    await board.bringToFront();
    const section = workspace.getByRole('region', { name: 'Trello connection' });
    await section.getByRole('button', { name: 'Reconnect' }).click();
    await section.getByLabel('API key').fill('0123456789abcdef0123456789abcdef');
    await section.getByLabel('Token').fill('ATTAsecond-token-0002');
    await section.getByRole('button', { name: 'Connect Trello' }).click();
    await section.getByText(/^Trello connection: working/).waitFor();

    await board.close();
    trello.move('F1nalL1v', '✅ Done');
    await fireCheckAlarm();
    await expect.poll(async () => (await newInvoices()).length).toBe(1);
    await fireCheckAlarm();
    board = await openBoard();
    await board.bringToFront();
    await expect.poll(() => milestoneState(board, 'Final delivery').textContent()).toBe('Invoiced');
    expect(await newInvoices()).toHaveLength(1);
    expect(await finalDeliveries()).toEqual(['"Final delivery" delivered: card "Launch production site" reached ✅ Done']);
    expect(await panel(board).getByText('Trello says this card is in Doing').count()).toBe(0);
  });

  it('sent requests only to api.trello.com, only from the background', () => {
    expect(received.length).toBeGreaterThan(2);
    expect(new Set(received.map((request) => `${request.from} ${new URL(request.url).origin}`))).toEqual(new Set(['service-worker https://api.trello.com']));
    expect(fromExtension()).toEqual([]);
  });
});

/** The same journey on GitHub Projects and Notion: connect, a disagreement held, a move with no tab open invoiced once. */
describe.each([
  {
    name: 'GitHub', api: github, url: fixtures.githubBoard.url, client: 'Octo Client Ltd', fixture: 'githubFixture', cardSelector: 'h3[id^="board-card-title-"]',
    card: 'Search results page', pageCard: '88110012', notDone: 'In Progress 🚧',
    atApi: (status: string): void => {
      for (const [item, initial] of [[88110011, 'Todo'], [88110015, 'Todo'], [88110013, 'Done']] as const) if (!github.statuses.has(item)) github.statuses.set(item, initial);
      github.statuses.set(88110012, status);
    },
  },
  {
    name: 'Notion', api: notion, url: fixtures.notionBoard.url, client: 'Notion Client SAS', fixture: 'notionFixture', cardSelector: '.notion-collection-item [data-content-editable-leaf]',
    card: 'Landing page copy ✍️', pageCard: 'aaaaaaaa-1111-4111-8111-000000000002', notDone: 'In progress',
    atApi: (status: string): void => void notion.statuses.set('aaaaaaaa-1111-4111-8111-000000000002', status),
  },
])('a $name board connected to its API', ({ name, api, url, client, fixture, cardSelector, card, pageCard, notDone, atApi }) => {
  let page: Page;
  const token = `${name.toLowerCase()}-token-9876`;
  const clientInvoices = async () => (await readTable<{ buyer: { name: string } }>(browser, 'invoices')).filter((invoice) => invoice.buyer.name === client);

  it('connects from the workspace with the token it explains', async () => {
    page = await browser.context.newPage();
    reportOnFailure(browser, page, `connect-${name}`);
    await page.goto(url);
    await panel(page).getByLabel('Client').fill(client);
    await panel(page).getByLabel('Contract total').fill('9,000');
    await panel(page).getByRole('button', { name: 'Create a project for this board' }).click();
    await expect.poll(() => panel(page).locator('li.milestone').count()).toBe(3);
    await fillBusinessProfile(browser, { name: 'Northwind Studio', address: 'Berlin', taxId: 'DE123' });
    await addClientAddress(browser, client);
    await page.bringToFront();
    await linkThroughBoard(page, card, 'Final delivery', cardSelector);
    api.validTokens.add(token);
    atApi(notDone);
    await allowHostOnExtensionsPage(browser, api.origin);
    await page.bringToFront();
    const section = workspace.getByRole('region', { name: `${name} connection` });
    await section.getByText(`Connect ${name}…`).click();
    await section.getByLabel('Token').fill(token);
    await section.getByRole('button', { name: `Connect ${name}` }).click();
    await section.getByText(new RegExp(`^${name} connection: working`)).waitFor();
  });

  it(`holds a Done the ${name} API does not confirm, and says so`, async () => {
    await page.evaluate(([fixtureName, cardId]) => (window as unknown as Record<string, { move(a: string, b: string): void }>)[fixtureName!]!.move(cardId!, 'Done'), [fixture, pageCard]);
    await unfoldPanel(page);
    await panel(page).getByText(`“${card}”: ${name} says this card is in ${notDone}; no invoice issued`).waitFor();
    expect(await milestoneState(page, 'Final delivery').textContent()).toBe('Planned');
    expect(await clientInvoices()).toEqual([]);
  });

  it('invoices the card once when the API shows it in Done with no tab open', async () => {
    await page.close();
    atApi('Done');
    await fireCheckAlarm();
    await expect.poll(async () => (await clientInvoices()).length).toBe(1);
    await fireCheckAlarm();
    await settle(workspace);
    expect(await clientInvoices()).toHaveLength(1);
    expect(received.filter((request) => request.url.startsWith(api.origin)).every((request) => request.from === 'service-worker')).toBe(true);
  });
});
