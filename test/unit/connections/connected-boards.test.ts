import { describe, expect, it } from 'vitest';
import { createConnections, BOARD_CHECK_ALARM } from '../../../lib/connections/service';
import { connectionSummary } from '../../../lib/connections/store';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { putSetting } from '../../../lib/db/settings';
import { afterDelivery } from '../../../lib/invoicing/service';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from '../messaging/context';
import { fakeApi, fakeClock, type Answer } from './fake-api';

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };
const CARD = 'https://api.trello.com/1/cards/C1aaaaaa';
const BOARD = 'https://api.trello.com/1/boards/B1aaaaaa';
const inList = (name: string): Answer => ({ status: 200, body: { id: '5f1a2b3c4d5e6f7a8b9c0d1e', closed: false, dueComplete: false, list: { id: 'l', name } } });

/** A bound Trello board with one linked card, the background's handlers, and a fake Trello behind them. */
async function setup(routes: Record<string, Answer[]> = {}, access = { granted: true }) {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await putSetting(db, 'businessProfile', profile);
  await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Board', projectId: made.project.id });
  await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1aaaaaa', milestoneId: made.milestones[1]!.id, title: 'Proto', url: 'https://trello.com/c/C1aaaaaa/1-p' });
  const api = fakeApi({ [BOARD]: [{ status: 200, body: { id: 'me' } }], ...routes });
  const alarms = new Map<string, number>();
  const ctx = handlerContext(db);
  const connections = createConnections({
    db,
    transport: api.transport,
    clock: fakeClock(),
    alarms: { keep: async (name, minutes) => void alarms.set(name, minutes), clear: async (name) => void alarms.delete(name) },
    hasHostAccess: async (origin) => origin === 'https://api.trello.com' && access.granted,
    afterDelivery: (id) => afterDelivery(ctx.invoices, id),
  });
  const route = createRouter({ ...ctx, connections }, trust);
  const pageSeesDone = (column = 'Done') => route({ type: 'card.placed', payload: { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1aaaaaa', column } }, fromTrello);
  const connect = () => route({ type: 'connection.connect', payload: { host: 'trello', boardId: 'B1aaaaaa', key: 'k3y', token: 'ATTAsecret1234' } }, fromPage);
  return { db, ctx, api, alarms, access, connections, route, pageSeesDone, connect, ...made };
}

describe('a board with no connection', () => {
  it('delivers a page-seen Done as before, with no request and no alarm', async () => {
    const { ctx, api, alarms, pageSeesDone, connections } = await setup();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'delivered' });
    expect(ctx.sent.issued).toHaveLength(1);
    expect(await connections.check()).toEqual([]);
    expect(api.requests).toEqual([]);
    expect(alarms.size).toBe(0);
  });
});

describe('connecting a board', () => {
  it('tests the token once, keeps it out of what pages see, and starts the background check', async () => {
    const { connect, alarms, api, db } = await setup();
    const reply = await connect();
    expect(reply).toMatchObject({ ok: true, value: { state: 'ok', maskedToken: '••••1234', disagreements: [] } });
    expect(JSON.stringify(reply)).not.toContain('ATTAsecret1234');
    expect(api.requests.map((request) => request.url)).toEqual([`${BOARD}?fields=name`]);
    expect(alarms.get(BOARD_CHECK_ALARM)).toBe(5);
    expect(JSON.stringify(await connectionSummary(db, 'trello', 'B1aaaaaa'))).not.toContain('ATTAsecret1234');
  });

  it("tells the board page the connection's state, never its token", async () => {
    const { connect, route } = await setup();
    await connect();
    const reply = await route({ type: 'board.state', payload: { host: 'trello', boardId: 'B1aaaaaa' } }, fromTrello);
    expect(reply).toMatchObject({ ok: true, value: { connection: { state: 'ok', line: expect.stringMatching(/^Trello connection: working/) } } });
    expect(JSON.stringify(reply)).not.toContain('ATTAsecret1234');
  });

  it('refuses a token Trello rejects, and stores nothing', async () => {
    const { route, db } = await setup({ [BOARD]: [{ status: 401, body: 'invalid token' }] });
    const before = await snapshot(db);
    const reply = await route({ type: 'connection.connect', payload: { host: 'trello', boardId: 'B1aaaaaa', key: 'k', token: 'bad' } }, fromPage);
    expect(reply).toEqual({ ok: false, error: 'Not connected: Trello refused the token: it has expired or was revoked' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a blank key with a plain message', async () => {
    const { route, api } = await setup();
    const reply = await route({ type: 'connection.connect', payload: { host: 'trello', boardId: 'B1aaaaaa', key: ' ', token: 'ATTA1' } }, fromPage);
    expect(reply).toEqual({ ok: false, error: 'Paste the API key' });
    expect(api.requests).toEqual([]);
  });

  it('is only accepted from the extension pages, never from a board page', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'connection.connect', payload: { host: 'trello', boardId: 'B1aaaaaa', key: 'k', token: 't' } }, fromTrello);
    expect(reply).toEqual({ ok: false, error: '"connection.connect" is only accepted from the extension\'s pages' });
  });
});

describe('a Done seen on a connected board', () => {
  it('is confirmed with the API, then invoiced once', async () => {
    const { connect, pageSeesDone, ctx } = await setup({ [CARD]: [inList('Done')] });
    await connect();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'delivered' });
    expect(ctx.sent.issued).toHaveLength(1);
  });

  it('issues nothing when the API says the card is elsewhere, and says so on the board', async () => {
    const { connect, pageSeesDone, ctx, db, milestones } = await setup({ [CARD]: [inList('Doing')] });
    await connect();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect(ctx.sent.issued).toEqual([]);
    expect((await db.milestones.get(milestones[1]!.id))!.state).not.toBe('delivered');
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.disagreements).toEqual([
      { cardId: 'C1aaaaaa', text: 'Trello says this card is in Doing; no invoice issued' },
    ]);
  });

  it('issues nothing while the API fails, keeps a clear state, and delivers on the next background check', async () => {
    const { connect, pageSeesDone, ctx, db, connections } = await setup({ [CARD]: [{ status: 503 }, { status: 503 }, { status: 503 }, inList('Done')] });
    await connect();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect(ctx.sent.issued).toEqual([]);
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.line).toBe('Trello connection: Trello is having trouble (HTTP 503); checking again in a few minutes');
    expect(await connections.check()).toHaveLength(1);
    expect(ctx.sent.issued).toHaveLength(1);
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.state).toBe('ok');
  });

  it('shows an expired token and asks nothing more until the user reconnects', async () => {
    const { connect, pageSeesDone, db, api, connections, alarms } = await setup({ [CARD]: [{ status: 401 }] });
    await connect();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.line).toBe('Trello connection: token expired — reconnect');
    const asked = api.requests.length;
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect(await connections.check()).toEqual([]);
    expect(api.requests).toHaveLength(asked);
    expect(alarms.size).toBe(0);
  });

  it('says so when the API does not show the card at all (archived, deleted, not shared)', async () => {
    const { connect, pageSeesDone, ctx, db } = await setup({ [CARD]: [{ status: 404, body: 'The requested resource was not found.' }] });
    await connect();
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect(ctx.sent.issued).toEqual([]);
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.disagreements[0]!.text).toBe(
      'Trello does not show this card (archived, deleted, or not shared with the token); no invoice issued',
    );
  });

  it('forgets the disagreement once the page shows the card out of Done', async () => {
    const { connect, pageSeesDone, db } = await setup({ [CARD]: [inList('Doing')] });
    await connect();
    await pageSeesDone();
    expect(await pageSeesDone('Doing')).toEqual({ ok: true, value: 'moved' });
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.disagreements).toEqual([]);
  });

  it('asks nothing once access to the API was taken back, and says how to restore it', async () => {
    const { connect, pageSeesDone, db, api, access } = await setup();
    await connect();
    access.granted = false;
    expect(await pageSeesDone()).toEqual({ ok: true, value: 'unconfirmed' });
    expect(api.requests).toHaveLength(1);
    expect((await connectionSummary(db, 'trello', 'B1aaaaaa'))!.line).toBe(
      "Trello connection: access to api.trello.com was taken back in the browser's extension settings: reconnect to allow it again; checking again in a few minutes",
    );
  });

  it('asks nothing for a move to another column', async () => {
    const { connect, pageSeesDone, api } = await setup();
    await connect();
    expect(await pageSeesDone('Doing')).toEqual({ ok: true, value: 'moved' });
    expect(api.requests).toHaveLength(1);
  });
});

describe('the background check', () => {
  it('delivers a card moved to Done while no tab was open, then stops its alarm', async () => {
    const { connect, connections, ctx, alarms } = await setup({ [CARD]: [inList('Doing'), inList('Done')] });
    await connect();
    expect(await connections.check()).toEqual([]);
    expect(alarms.has(BOARD_CHECK_ALARM)).toBe(true);
    expect(await connections.check()).toHaveLength(1);
    expect(ctx.sent.issued).toEqual([{ number: 'INV-2026-0001', folder: 'Invoices', now: true }]);
    expect(alarms.has(BOARD_CHECK_ALARM)).toBe(false);
  });

  it('issues one invoice when two checks and a page-seen move race', async () => {
    const { connect, connections, ctx, pageSeesDone, db } = await setup({ [CARD]: [inList('Done'), inList('Done'), inList('Done')] });
    await connect();
    const [first, second, page] = await Promise.all([connections.check(), connections.check(), pageSeesDone()]);
    const pageDelivered = page.ok && page.value === 'delivered' ? 1 : 0;
    expect(first.length + second.length + pageDelivered).toBe(1);
    expect(ctx.sent.issued).toHaveLength(1);
    expect(await db.invoices.count()).toBe(1);
  });

  it('asks nothing more until the time a 429 named has passed', async () => {
    const { connect, connections, api, db, alarms } = await setup({ [CARD]: [{ status: 429, headers: { 'Retry-After': '120' } }] });
    await connect();
    expect(await connections.check()).toEqual([]);
    const summary = (await connectionSummary(db, 'trello', 'B1aaaaaa'))!;
    expect(summary.state).toBe('rate-limited');
    expect(summary.line).toMatch(/^Trello connection: Trello asked us to slow down; checking again after \d\d:\d\d$/);
    const asked = api.requests.length;
    expect(await connections.check()).toEqual([]);
    expect(api.requests).toHaveLength(asked);
    expect(alarms.has(BOARD_CHECK_ALARM)).toBe(true);
  });

  it('sends no request when the connected board has nothing left to deliver', async () => {
    const { connect, connections, api, db, alarms } = await setup();
    await connect();
    await db.cardLinks.clear();
    expect(await connections.check()).toEqual([]);
    expect(api.requests.map((request) => request.url)).toEqual([`${BOARD}?fields=name`]);
    expect(alarms.size).toBe(0);
  });
});
