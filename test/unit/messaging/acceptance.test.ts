import { describe, expect, it } from 'vitest';
import { bindBoard } from '../../../lib/db/boards';
import { markDelivered } from '../../../lib/invoicing/service';
import { putSetting } from '../../../lib/db/settings';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from './context';

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };
const refusal = 'Record the client’s acceptance first: this project invoices a milestone once the client has accepted it';

/** A project that waits for acceptance, its prototype delivered but not accepted. */
async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db, { invoiceOn: 'acceptance' });
  await putSetting(db, 'businessProfile', profile);
  await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Board', projectId: made.project.id });
  const ctx = handlerContext(db);
  const prototype = made.milestones[1]!;
  await markDelivered(ctx.invoices, prototype.id);
  return { db, ctx, route: createRouter(ctx, trust), prototype, deposit: made.milestones[0]! };
}

describe('invoicing a project that waits for acceptance', () => {
  it('refuses "Invoice now" from the workspace until acceptance is recorded, and writes nothing', async () => {
    const { db, ctx, route, prototype } = await setup();
    const before = await snapshot(db);
    expect(await route({ type: 'milestone.invoice', payload: { milestoneId: prototype.id } }, fromPage)).toEqual({ ok: false, error: refusal });
    expect(await snapshot(db)).toEqual(before);
    expect(ctx.sent.issued).toEqual([]);

    const accepted = await route({ type: 'milestone.accept', payload: { milestoneId: prototype.id, by: 'Dana', on: '2026-11-24', evidence: '' } }, fromPage);
    expect(accepted).toMatchObject({ ok: true, value: { number: 'INV-2026-0001', created: true } });
  });

  it('refuses the board badge and panel, even with a forged override', async () => {
    const { db, route, prototype } = await setup();
    const before = await snapshot(db);
    for (const payload of [{ milestoneId: prototype.id }, { milestoneId: prototype.id, withoutAcceptance: true }]) {
      const reply = await route({ type: 'board.invoice-now', payload: { host: 'trello', boardId: 'B1aaaaaa', ...payload } }, fromTrello);
      expect(reply).toEqual({ ok: false, error: refusal });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an undelivered deposit too: no milestone of such a project is invoiced unaccepted by accident', async () => {
    const { route, deposit } = await setup();
    expect(await route({ type: 'milestone.invoice', payload: { milestoneId: deposit.id } }, fromPage)).toEqual({ ok: false, error: refusal });
  });

  it('issues on the confirmed override from the workspace and writes it to the activity log', async () => {
    const { db, ctx, route, prototype } = await setup();
    const reply = await route({ type: 'milestone.invoice', payload: { milestoneId: prototype.id, withoutAcceptance: true } }, fromPage);
    expect(reply).toMatchObject({ ok: true, value: { number: 'INV-2026-0001', created: true } });
    expect(ctx.sent.issued).toEqual([{ number: 'INV-2026-0001', folder: 'Invoices', now: true }]);
    expect((await db.milestones.get(prototype.id))!.state).toBe('invoiced');
    const overrides = (await db.activity.toArray()).filter((entry) => entry.kind === 'acceptance-overridden');
    expect(overrides.map(({ milestoneId, summary }) => ({ milestoneId, summary }))).toEqual([
      { milestoneId: prototype.id, summary: '“Prototype” invoiced as INV-2026-0001 without the client’s acceptance, as confirmed by the user' },
    ]);

    const again = await route({ type: 'milestone.invoice', payload: { milestoneId: prototype.id, withoutAcceptance: true } }, fromPage);
    expect(again).toMatchObject({ ok: true, value: { number: 'INV-2026-0001', created: false } });
    expect((await db.activity.toArray()).filter((entry) => entry.kind === 'acceptance-overridden')).toHaveLength(1);
  });

  it('needs no override once acceptance is recorded, and logs none', async () => {
    const { db, route, prototype } = await setup();
    await route({ type: 'milestone.accept', payload: { milestoneId: prototype.id, by: 'Dana', on: '2026-11-24', evidence: 'mail' } }, fromPage);
    expect(await db.invoices.count()).toBe(1);
    expect((await db.activity.toArray()).some((entry) => entry.kind === 'acceptance-overridden')).toBe(false);
  });
});
