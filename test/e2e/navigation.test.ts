import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { addClientAddress, deliveries, fillBusinessProfile, panel, readTable, reportOnFailure, settle } from './support';

/**
 * A user starts on a page of the site that is not a board and clicks into a board: the site's
 * app changes the address with history.pushState and renders the board, with no page load. The
 * integration must follow, on every host, and a page script must not be able to switch it off.
 */
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
  // Invoices are issued only with a complete business profile, filled in as a user would.
  await fillBusinessProfile(browser, { name: 'Northwind Studio', address: 'Torstraße 1, Berlin', taxId: 'DE123456789' });
});
afterAll(() => browser?.close());

interface Reply {
  ok: boolean;
  value?: { detail: { milestones: { id: string; title: string }[] } };
  error?: string;
}

/** Sends a message to the background from an extension page, as the workspace does. */
async function ask(type: string, payload: object): Promise<Reply> {
  const page = await browser.extensionPage('options.html');
  const reply = await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, payload });
  await page.close();
  return reply as Reply;
}

/** The milestones of a board's project, binding the board to a new 50/50 project first if it has none. */
async function boardMilestones(host: string, boardId: string, boardName: string) {
  const state = await ask('board.state', { host, boardId });
  if (state.value?.detail) return state.value.detail.milestones;
  const created = await ask('board.create-project', { host, boardId, boardName, clientName: `${boardName} client`, currency: 'EUR', total: 900_000, templateId: '50-50' });
  expect(created, created.error).toMatchObject({ ok: true });
  await addClientAddress(browser, `${boardName} client`);
  // A set-up board's panel starts folded to a tab; unfolded, it names the board's project.
  expect(await ask('board.settings', { host, boardId, panelCollapsed: false })).toMatchObject({ ok: true });
  return created.value!.detail.milestones;
}

/** Links a card to a milestone outside the board's own UI, as a board's session would. */
async function linkCard(host: string, boardId: string, boardName: string, milestone: string, card: { cardId: string; title: string; url: string }) {
  const milestoneId = (await boardMilestones(host, boardId, boardName)).find((m) => m.title === milestone)!.id;
  expect(await ask('card.link', { host, boardId, milestoneId, ...card })).toMatchObject({ ok: true });
}

const linkedOn = async (boardId: string) => (await readTable<{ boardId: string }>(browser, 'cardLinks')).filter((link) => link.boardId === boardId).length;
const deliveriesOf = async (title: string) => (await deliveries(browser)).filter((entry) => entry.includes(`"${title}"`));
// A board reached by navigation renders after its page is fetched, and on GitHub after the service
// worker (perhaps asleep) injected the integration: more than expect.poll's default second on a busy machine.
const arrival = { timeout: 10_000 };

/** A move to another board inside the board app: pushState, then the app's router renders it. */
const switchBoard = (page: Page, url: string) =>
  page.evaluate((address) => {
    history.pushState(null, '', address);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);

const moveCard = (page: Page, [fixture, cardId, column]: readonly [string, string, string]) =>
  page.evaluate(([name, id, to]) => (window as unknown as Record<string, { move(a: string, b: string): void }>)[name!]!.move(id!, to!), [fixture, cardId, column]);

const badges = (page: Page) => page.locator('milestone-invoicer-badge');
const panelsShown = (page: Page) => page.locator('milestone-invoicer-panel').count();
const boardTitles = (page: Page) => panel(page).locator('h2').allTextContents();

async function invoicesFor(client: string): Promise<unknown[]> {
  return (await readTable<{ buyer: { name: string } }>(browser, 'invoices')).filter((invoice) => invoice.buyer.name === client);
}

const hosts = [
  {
    host: 'trello',
    start: fixtures.trelloBoardsList.url,
    panelsOnStart: 0,
    link: 'Acme website redesign',
    board: { id: 'MiDemo01', name: 'Acme website redesign' },
    second: { id: 'MiDemo02', name: 'Internal tools', url: 'https://trello.com/b/MiDemo02/internal-tools' },
    card: { cardId: 'F1nalL1v', title: 'Launch production site', url: 'https://trello.com/c/F1nalL1v/3-launch-production-site' },
    move: ['trelloFixture', 'F1nalL1v', '✅ Done'],
  },
  {
    host: 'github',
    start: fixtures.githubRepository.url,
    panelsOnStart: 0,
    link: 'Acme client work',
    board: { id: 'orgs/acme/7', name: 'Acme client work' },
    second: { id: 'orgs/acme/8', name: 'Acme operations', url: 'https://github.com/orgs/acme/projects/8/views/1' },
    card: { cardId: '88110012', title: 'Search results page', url: 'https://github.com/acme/site/issues/32' },
    move: ['githubFixture', '88110012', 'Done'],
  },
  {
    host: 'notion',
    start: fixtures.notionPage.url,
    // Every Notion page has a board-like address: the panel stays, offering to set up that page.
    panelsOnStart: 1,
    link: 'Client work',
    board: { id: '0123456789abcdef0123456789abcdef', name: 'Client work' },
    second: { id: 'fedcba9876543210fedcba9876543210', name: 'Studio admin', url: 'https://www.notion.so/acme/Studio-admin-fedcba9876543210fedcba9876543210' },
    card: { cardId: 'aaaaaaaa111141118111000000000002', title: 'Landing page copy ✍️', url: 'https://www.notion.so/acme/Landing-page-copy-aaaaaaaa111141118111000000000002' },
    move: ['notionFixture', 'aaaaaaaa-1111-4111-8111-000000000002', 'Done'],
  },
] as const;

describe.each(hosts)('in-site navigation on $host', ({ host, start, link, board, second, card, move, panelsOnStart }) => {
  let page: Page;
  const client = `${board.name} client`;
  const deliveredHere = () => deliveriesOf(card.title);

  it('wakes on a board reached without a reload: badges on the linked card, one invoice when it reaches Done', async () => {
    await linkCard(host, board.id, board.name, 'Final delivery', card);
    await boardMilestones(host, second.id, second.name);
    page = await browser.context.newPage();
    reportOnFailure(browser, page, `navigation-${host}-enter`);
    await page.goto(start);
    await page.getByRole('link', { name: link, exact: true }).first().click();
    await expect.poll(() => boardTitles(page), arrival).toEqual([board.name]);
    await expect.poll(() => badges(page).count(), arrival).toBe(1);
    await moveCard(page, move);
    await expect.poll(deliveredHere).toHaveLength(1);
    await expect.poll(() => invoicesFor(client)).toHaveLength(1);
    expect(await panelsShown(page)).toBe(1);
  });

  it('follows a switch to a second board and back, then history back and forward, delivering nothing again', async () => {
    reportOnFailure(browser, page, `navigation-${host}-history`);
    await switchBoard(page, second.url);
    await expect.poll(() => boardTitles(page)).toEqual([second.name]);
    await expect.poll(() => badges(page).count()).toBe(0);
    await page.goBack();
    await expect.poll(() => boardTitles(page)).toEqual([board.name]);
    await expect.poll(() => badges(page).count()).toBe(1);
    // Back to the page the user started from: no board there, so no board of ours either.
    await page.goBack();
    await expect.poll(() => panelsShown(page)).toBe(panelsOnStart);
    expect(await boardTitles(page)).not.toContain(board.name);
    expect(await badges(page).count()).toBe(0);
    await page.goForward();
    await expect.poll(() => boardTitles(page), arrival).toEqual([board.name]);
    await expect.poll(() => badges(page).count()).toBe(1);
    await settle(page);
    expect(await panelsShown(page)).toBe(1);
    expect(await deliveredHere()).toHaveLength(1);
    expect(await invoicesFor(client)).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});

describe('a page that tries to stop the integration', () => {
  const product = { cardId: 'Hn45TyUi', title: 'Product page templates (PLP + PDP)', url: 'https://trello.com/c/Hn45TyUi/4-product-page-templates-plp-pdp' };

  it("cannot end the session with WXT's start event, and never hears our extension id", async () => {
    await linkCard('trello', 'MiDemo01', 'Acme website redesign', 'Upfront deposit', product);
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, 'navigation-hostile-page');
    // The page listens for every message posted to it from before our content script starts.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
    });
    await page.goto(fixtures.trelloBoardsList.url);
    await page.getByRole('link', { name: 'Acme website redesign', exact: true }).click();
    const linked = await linkedOn('MiDemo01');
    await expect.poll(() => badges(page).count(), arrival).toBe(linked);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((data) => data.includes('content-script-started')))).toEqual([]);

    // A page script that knows the id (it is public for a published extension) plays a newer copy starting.
    await page.evaluate((id) => {
      for (const entrypoint of ['trello', 'github', 'notion']) {
        const type = `${id}:${entrypoint}:wxt:content-script-started`;
        const detail = { contentScriptName: entrypoint, messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        document.body.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
        window.postMessage({ type, ...detail }, '*');
        dispatchEvent(new Event(`${id}:${entrypoint}:wxt:locationchange`));
      }
    }, browser.extensionId);
    await moveCard(page, ['trelloFixture', product.cardId, '✅ Done']);
    await expect.poll(() => deliveriesOf(product.title), arrival).toHaveLength(1);
    await settle(page);
    expect(await deliveriesOf(product.title)).toHaveLength(1);
    expect(await badges(page).count()).toBe(linked);
    expect(await panelsShown(page)).toBe(1);
    await page.close();
  });

  it('runs one GitHub session in a tab even when the integration is injected into it again', async () => {
    const mobile = { cardId: '88110014', title: 'Mobile navigation', url: 'https://github.com/acme/site/issues/34' };
    await linkCard('github', 'orgs/acme/7', 'Acme client work', 'Upfront deposit', mobile);
    const page = await browser.context.newPage();
    reportOnFailure(browser, page, 'navigation-github-twice');
    await page.goto(fixtures.githubBoard.url);
    const linked = await linkedOn('orgs/acme/7');
    await expect.poll(() => badges(page).count(), arrival).toBe(linked);
    // What the dormant script's request does, on a tab whose integration was declared for its address.
    const injected = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://github.com/orgs/acme/projects/7/*' });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['content-scripts/github.js'] });
      return tab!.id;
    });
    expect(injected).toEqual(expect.any(Number));
    await settle(page);
    expect(await panelsShown(page)).toBe(1);
    expect(await badges(page).count()).toBe(linked);
    await moveCard(page, ['githubFixture', mobile.cardId, 'Done']);
    await expect.poll(() => deliveriesOf(mobile.title), arrival).toHaveLength(1);
    await settle(page);
    expect(await deliveriesOf(mobile.title)).toHaveLength(1);
    expect(browser.errors).toEqual([]);
    await page.close();
  });
});
