import { describe, expect, it } from 'vitest';
import { bindBoard } from '../../../lib/db/boards';
import type { BoardState } from '../../../lib/db/boards';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { handlerContext } from '../messaging/context';

const trust = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const fromNewBoard = { id: 'ext-id', url: 'https://trello.com/b/NewBoard/client-x', frameId: 0, tabId: 3 };
const board = { host: 'trello', boardId: 'NewBoard' } as const;

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: made.project.id });
  return { db, route: createRouter(handlerContext(db), trust), ...made };
}

describe('an unbound board using existing projects and clients', () => {
  it('offers project and client names and ids, and no amount of any of them', async () => {
    const { route, project, client } = await setup();
    const reply = await route({ type: 'board.choices', payload: board }, fromNewBoard);
    expect(reply).toEqual({
      ok: true,
      value: { projects: [{ id: project.id, name: project.name, clientName: client.name }], clients: [{ id: client.id, name: client.name }] },
    });
    expect(JSON.stringify(reply)).not.toMatch(/total|amount|currency/i);
  });

  it('binds the board to an existing project, and then shows that project on it', async () => {
    const { db, route, project } = await setup();
    const reply = await route({ type: 'board.bind-project', payload: { ...board, boardName: 'Client X', projectId: project.id } }, fromNewBoard);
    expect(reply.ok && (reply.value as BoardState).detail?.project.id).toBe(project.id);
    expect((await db.boards.get('trello:NewBoard'))?.projectId).toBe(project.id);
  });

  it('never lets a board swap its project for another (and so read its figures)', async () => {
    const { db, route, client } = await setup();
    const other = await route({ type: 'board.create-project', payload: { ...board, boardName: 'X', clientName: '', clientId: client.id, currency: 'EUR', total: 100_000, templateId: '50-50' } }, fromNewBoard);
    expect(other.ok).toBe(true);
    const first = (await db.boards.get('trello:MiDemo01'))!.projectId!;
    expect(await route({ type: 'board.bind-project', payload: { ...board, boardName: 'X', projectId: first } }, fromNewBoard)).toEqual({
      ok: false,
      error: 'This board already has a project',
    });
    expect((await db.boards.get('trello:NewBoard'))?.projectId).not.toBe(first);
  });

  it('creates a project for an existing client instead of a new client each time', async () => {
    const { db, route, client } = await setup();
    const payload = { ...board, boardName: 'Client X', clientName: '', clientId: client.id, currency: 'EUR', total: 100_000, templateId: '50-50' };
    const reply = await route({ type: 'board.create-project', payload }, fromNewBoard);
    expect(reply.ok && (reply.value as BoardState).detail?.project.clientId).toBe(client.id);
    expect(await db.clients.count()).toBe(1);
    const gone = await route({ type: 'board.create-project', payload: { ...payload, boardId: 'OtherBrd', clientId: 'no-such-client' } }, { ...fromNewBoard, url: 'https://trello.com/b/OtherBrd/x' });
    expect(gone).toEqual({ ok: false, error: 'That client no longer exists' });
  });
});
