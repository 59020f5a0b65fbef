import { describe, expect, it, vi } from 'vitest';
import type { BoardState } from '../../../lib/db/boards';
import { putSetting } from '../../../lib/db/settings';
import { createRouter } from '../../../lib/messaging/router';
import { freshDatabase } from '../db/helpers';
import { handlerContext } from '../messaging/context';

const trust = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const fromTrello = { id: 'ext-id', url: 'https://trello.com/b/NewBoard/client-x', frameId: 0, tabId: 3 };
const fromGitHub = { id: 'ext-id', url: 'https://github.com/orgs/acme/projects/1', frameId: 0, tabId: 4 };

function setup() {
  const db = freshDatabase();
  const openPage = vi.fn(async () => undefined);
  return { db, openPage, route: createRouter({ ...handlerContext(db), openPage }, trust) };
}

describe('the board panel’s profile notice', () => {
  it('says what the profile lacks until an invoice can be issued complete, and never a value of it', async () => {
    const { db, route } = setup();
    await putSetting(db, 'businessProfile', { name: 'Northwind Studio', address: '', taxId: '', email: 'me@northwind.example', paymentInstructions: 'IBAN DE00', paymentLink: '' });
    const state = async () => ((await route({ type: 'board.state', payload: { host: 'trello', boardId: 'NewBoard' } }, fromTrello)) as { value: BoardState }).value;
    const before = await state();
    expect(before.profileNotice).toBe('Invoices cannot be issued until you add your address and VAT ID or tax number.');
    expect(JSON.stringify(before)).not.toMatch(/Northwind|northwind|IBAN/);
    await putSetting(db, 'businessProfile', { name: 'Northwind Studio', address: 'Kastanienallee 12, Berlin', taxId: 'DE123456789', email: '', paymentInstructions: '', paymentLink: '' });
    expect((await state()).profileNotice).toBeNull();
  });

  it('opens the welcome page for a board of the sender’s own site only', async () => {
    const { route, openPage } = setup();
    expect(await route({ type: 'board.open-profile', payload: { host: 'trello' } }, fromTrello)).toEqual({ ok: true, value: null });
    expect(openPage.mock.calls).toEqual([['welcome.html']]);
    expect((await route({ type: 'board.open-profile', payload: { host: 'trello' } }, fromGitHub)).ok).toBe(false);
    expect(openPage).toHaveBeenCalledTimes(1);
  });
});
