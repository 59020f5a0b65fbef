import { describe, expect, it } from 'vitest';
import { projectActivity } from '../../../lib/db/activity';
import { saveClient } from '../../../lib/db/clients';
import { InputError } from '../../../lib/db/errors';
import { createProject, projectDetail } from '../../../lib/db/projects';
import { clientAndProject, freshDatabase, snapshot } from './helpers';

describe('clients', () => {
  it('rejects an empty name or a bad email and stores nothing', async () => {
    const db = freshDatabase();
    const base = { email: '', address: '', taxId: '', currency: 'EUR', locale: 'en' };
    await expect(saveClient(db, { ...base, name: '  ' })).rejects.toThrow('The client needs a name');
    await expect(saveClient(db, { ...base, name: 'A', email: 'not-an-email' })).rejects.toThrow(/valid email/);
    await expect(saveClient(db, { ...base, name: 'A', currency: 'EURO' })).rejects.toThrow(/Unknown currency/);
    expect(await db.clients.count()).toBe(0);
  });

  it('keeps the creation time when a client is edited', async () => {
    const db = freshDatabase();
    const base = { email: '', address: '', taxId: '', currency: 'EUR', locale: 'en' };
    const created = await saveClient(db, { ...base, name: 'Acme' }, 1000);
    const edited = await saveClient(db, { ...base, id: created.id, name: 'Acme Ltd' }, 2000);
    expect(edited).toMatchObject({ id: created.id, name: 'Acme Ltd', createdAt: 1000 });
  });
});

describe('projects', () => {
  it('creates the project, its allocated milestones and a log entry together', async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    expect(milestones.map((m) => [m.title, m.amount, m.state, m.position])).toEqual([
      ['Deposit', 33_000, 'planned', 0],
      ['Prototype', 33_000, 'planned', 1],
      ['Final', 33_999, 'planned', 2],
    ]);
    const detail = await projectDetail(db, project.id);
    expect(detail?.milestones.map((m) => m.id)).toEqual(milestones.map((m) => m.id));
    expect((await projectActivity(db, project.id)).map((a) => a.summary)).toEqual(['Project "Website" created with 3 milestones']);
  });

  it('rejects a schedule that does not add up, with every problem named, and writes nothing', async () => {
    const db = freshDatabase();
    const { client } = await clientAndProject(db);
    const before = await snapshot(db);
    const attempt = createProject(db, {
      clientId: client.id, name: 'Bad', contractRef: '', currency: 'EUR', total: 100_000,
      taxes: { mode: 'exclusive', rates: [], reverseCharge: false }, terms: { kind: 'on-receipt' }, invoiceOn: 'done',
      milestones: [
        { title: '', share: { kind: 'percent', basisPoints: 5000 } },
        { title: 'Rest', share: { kind: 'percent', basisPoints: 4900 } },
      ],
    });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow('Milestone 1 needs a title. The percentages add up to 99 %, not 100 %');
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects a negative total and an unknown client, writing nothing', async () => {
    const db = freshDatabase();
    const { client } = await clientAndProject(db);
    const before = await snapshot(db);
    const input = {
      clientId: client.id, name: 'P', contractRef: '', currency: 'EUR', total: -5,
      taxes: { mode: 'exclusive' as const, rates: [], reverseCharge: false }, terms: { kind: 'on-receipt' as const },
      invoiceOn: 'done' as const, milestones: [{ title: 'All', share: { kind: 'percent' as const, basisPoints: 10_000 } }],
    };
    await expect(createProject(db, input)).rejects.toThrow('The contract total must be more than zero');
    await expect(createProject(db, { ...input, total: 100, clientId: 'nobody' })).rejects.toThrow('Choose an existing client');
    expect(await snapshot(db)).toEqual(before);
  });
});
