import { describe, expect, it, vi } from 'vitest';
import { bindBoard } from '../../../lib/db/boards';
import { handlers } from '../../../lib/messaging/handlers';
import { createRouter, speaksForSite } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from './context';

const trust = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const fromTrello = { id: 'ext-id', url: 'https://trello.com/b/MiDemo01/demo', origin: 'https://trello.com', frameId: 0, tabId: 3 };
const fromGithub = { id: 'ext-id', url: 'https://github.com/orgs/acme/projects/7', origin: 'https://github.com', frameId: 0, tabId: 4 };
const fromPopup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: made.project.id });
  const route = createRouter(handlerContext(db), trust);
  const link = { host: 'trello', boardId: 'MiDemo01', cardId: 'Pr0toT1p', milestoneId: made.milestones[1]!.id, title: 'Proto', url: 'https://trello.com/c/Pr0toT1p/7-p' };
  return { db, route, link, ...made };
}

describe('message handlers', () => {
  it("return a board's own state", async () => {
    const { db, project } = await setup();
    const state = await handlers['board.state']({ host: 'trello', boardId: 'MiDemo01' }, handlerContext(db));
    expect(state.detail?.project.id).toBe(project.id);
  });

  it('link and unlink a card', async () => {
    const { db, link } = await setup();
    const ctx = handlerContext(db);
    expect(await handlers['card.link'](link as never, ctx)).toMatchObject({ id: 'trello:Pr0toT1p', linkedAt: Date.parse('2026-11-24T10:00:00Z') });
    expect(await handlers['card.unlink']({ host: 'trello', boardId: 'MiDemo01', cardId: 'Pr0toT1p' }, ctx)).toBeNull();
    expect(await db.cardLinks.count()).toBe(0);
  });
});

describe('the message router', () => {
  it('runs a valid message from the right board host', async () => {
    const { route, link } = await setup();
    expect(await route({ type: 'card.link', payload: link }, fromTrello)).toMatchObject({ ok: true, value: { cardId: 'Pr0toT1p' } });
  });

  it('refuses unknown and malformed messages without running anything', async () => {
    const { db, route, link } = await setup();
    const before = await snapshot(db);
    expect(await route({ type: 'invoices.all', payload: {} }, fromTrello)).toEqual({ ok: false, error: 'Unknown message' });
    expect(await route('hello', fromTrello)).toEqual({ ok: false, error: 'Unknown message' });
    expect(await route({ type: 'card.link', payload: { ...link, url: 'javascript:alert(1)' } }, fromTrello)).toMatchObject({ ok: false });
    expect(await route({ type: 'card.link', payload: { ...link, host: 'jira' } }, fromTrello)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid "card.link" message/),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a board message sent from another host', async () => {
    const { db, route, link } = await setup();
    const before = await snapshot(db);
    expect(await route({ type: 'card.link', payload: link }, fromGithub)).toEqual({
      ok: false,
      error: '"card.link" for trello was sent from another site',
    });
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'MiDemo01' } }, { ...fromTrello, url: 'https://evil.example/', origin: 'https://evil.example' })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts a board reached by in-page navigation: the document still has the address it loaded with', async () => {
    const { route } = await setup();
    // Boards list -> board by history.pushState: sender.url stays at the list, the tab has moved on.
    const pushed = { ...fromTrello, url: 'https://trello.com/u/me/boards', tabUrl: 'https://trello.com/b/MiDemo01/demo' };
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'MiDemo01' } }, pushed)).toMatchObject({
      ok: true,
      value: { detail: { project: { name: expect.any(String) } } },
    });
    // A page of a site can open any of that site's boards, so it may ask about them too.
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'Zz99Other' } }, pushed)).toMatchObject({ ok: true, value: { detail: null } });
    // Without Chromium's origin, the tab's current address names the site.
    const { origin: _omitted, ...firefoxLike } = pushed;
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'MiDemo01' } }, firefoxLike)).toMatchObject({ ok: true });
  });

  it('refuses a board message for another host, even after in-page navigation', async () => {
    const { db, route, link } = await setup();
    const before = await snapshot(db);
    const githubAfterPushState = { ...fromGithub, tabUrl: 'https://github.com/orgs/acme/projects/8' };
    expect(await route({ type: 'card.link', payload: link }, githubAfterPushState)).toEqual({ ok: false, error: '"card.link" for trello was sent from another site' });
    // Neither a plain-http copy of the site nor an opaque origin counts as the site.
    for (const origin of ['http://trello.com', 'null', 'https://trello.com.evil.example']) {
      expect(await route({ type: 'card.link', payload: link }, { ...fromTrello, origin }), origin).toMatchObject({ ok: false });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses board messages from a frame inside the page', async () => {
    const { db, route, link } = await setup();
    const before = await snapshot(db);
    // An embed on the board (an ad, a power-up, a widget) runs in a sub-frame, even on the same origin.
    expect(await route({ type: 'card.link', payload: link }, { ...fromTrello, frameId: 7 })).toEqual({
      ok: false,
      error: '"card.link" is only accepted from the page itself, not from a frame inside it',
    });
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'MiDemo01' } }, { ...fromTrello, frameId: undefined })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses extension-only messages from a board page, whatever its address', async () => {
    const { db, route, milestones } = await setup();
    const before = await snapshot(db);
    const pushed = { ...fromTrello, tabUrl: 'https://trello.com/b/MiDemo01/demo' };
    for (const message of [
      { type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id } },
      { type: 'milestone.deliver', payload: { milestoneId: milestones[1]!.id } },
      { type: 'demo.seed', payload: {} },
    ]) {
      expect(await route(message, pushed)).toEqual({ ok: false, error: `"${message.type}" is only accepted from the extension's pages` });
    }
    // A page cannot pass for ours by navigating to an address that looks like it.
    expect(await route({ type: 'demo.seed', payload: {} }, { ...pushed, tabUrl: 'chrome-extension://ext-id/popup.html' })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses messages from other extensions', async () => {
    const { route } = await setup();
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'x' } }, { ...fromTrello, id: 'other' })).toEqual({
      ok: false,
      error: 'Messages from other extensions are not accepted',
    });
  });

  it('accepts page-only messages from our pages and nowhere else', async () => {
    const { route } = await setup();
    expect(await route({ type: 'demo.seed', payload: {} }, fromTrello)).toEqual({
      ok: false,
      error: '"demo.seed" is only accepted from the extension\'s pages',
    });
    expect(await route({ type: 'demo.seed', payload: {} }, fromPopup)).toEqual({ ok: true, value: { seeded: false } });
  });

  it('passes input errors through and hides unexpected ones', async () => {
    const { db, route, link } = await setup();
    expect(await route({ type: 'card.link', payload: { ...link, milestoneId: 'nope' } }, fromTrello)).toEqual({
      ok: false,
      error: "That milestone is not in this board's project",
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    db.close();
    expect(await route({ type: 'board.state', payload: { host: 'trello', boardId: 'MiDemo01' } }, fromTrello)).toEqual({
      ok: false,
      error: 'Something went wrong; your data is unchanged',
    });
    expect(logged).toHaveBeenCalledWith('[milestone-invoicer] "board.state" failed', expect.anything());
    logged.mockRestore();
  });
});

describe('who may have the GitHub integration injected into its tab', () => {
  it('is our script in the top frame of a github.com page, wherever in-page navigation took it', () => {
    const repository = { ...fromGithub, url: 'https://github.com/acme/site', tabUrl: 'https://github.com/orgs/acme/projects/7' };
    expect(speaksForSite('github', repository, trust)).toBe(true);
    expect(speaksForSite('github', fromTrello, trust)).toBe(false);
    expect(speaksForSite('github', { ...repository, frameId: 2 }, trust)).toBe(false);
    expect(speaksForSite('github', { ...repository, id: 'other' }, trust)).toBe(false);
    expect(speaksForSite('github', { ...repository, origin: 'https://gist.github.com' }, trust)).toBe(false);
  });
});

describe('board messages', () => {
  const create = { host: 'trello', boardId: 'NewBoard', boardName: 'Client X', clientName: 'Client X Ltd', currency: 'USD', total: 500_000, templateId: '50-50' };
  const fromNewBoard = { ...fromTrello, url: 'https://trello.com/b/NewBoard/client-x' };

  it('creates a project for an unbound board from the in-board form', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'board.create-project', payload: create }, fromNewBoard);
    expect(reply.ok).toBe(true);
    const state = reply.ok ? (reply.value as { detail: { project: { name: string; total: number }; milestones: { amount: number }[] } }) : null;
    expect(state?.detail.project).toMatchObject({ name: 'Client X', total: 500_000 });
    expect(state?.detail.milestones.map((m) => m.amount)).toEqual([250_000, 250_000]);
  });

  it('writes nothing when the in-board form is wrong', async () => {
    const { db, route } = await setup();
    const before = await snapshot(db);
    for (const bad of [{ total: 0 }, { clientName: ' ' }, { templateId: 'nope' }, { currency: 'XXXX' }, { boardId: 'MiDemo01' }]) {
      const reply = await route({ type: 'board.create-project', payload: { ...create, ...bad } }, bad.boardId ? fromTrello : fromNewBoard);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports placements and stores board settings', async () => {
    const { db, route, link } = await setup();
    await route({ type: 'card.link', payload: link }, fromTrello);
    expect(await route({ type: 'card.placed', payload: { host: 'trello', boardId: 'MiDemo01', cardId: 'Pr0toT1p', column: 'Done' } }, fromTrello)).toEqual({ ok: true, value: 'delivered' });
    const reply = await route({ type: 'board.settings', payload: { host: 'trello', boardId: 'MiDemo01', doneColumns: ['Live'], panelCollapsed: true } }, fromTrello);
    expect(reply.ok).toBe(true);
    expect(await db.boards.get('trello:MiDemo01')).toMatchObject({ doneColumns: ['Live'], panelCollapsed: true });
  });
});
