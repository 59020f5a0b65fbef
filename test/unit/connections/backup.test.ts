import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import { saveConnection } from '../../../lib/connections/store';
import { bindBoard } from '../../../lib/db/boards';
import { freshDatabase } from '../db/helpers';

async function connectedBook() {
  const db = freshDatabase();
  await bindBoard(db, { host: 'notion', boardId: '0123456789abcdef0123456789abcdef', name: 'Client work' });
  await saveConnection(db, { host: 'notion', boardId: '0123456789abcdef0123456789abcdef', credentials: { token: 'ntn_secret_token_42' } }, 1_764_000_000_000);
  return db;
}

describe('connection tokens in backups', () => {
  it('are left out unless the user chooses to include them', async () => {
    const text = JSON.stringify(await exportBackup(await connectedBook()));
    expect(text).not.toContain('ntn_secret_token_42');
    expect(JSON.parse(text)).not.toHaveProperty('connections');
  });

  it('come back with a restore when they were included', async () => {
    const text = JSON.stringify(await exportBackup(await connectedBook(), new Date(), { includeConnections: true }));
    const elsewhere = freshDatabase();
    const plan = await planImport(elsewhere, text);
    if (!plan.ok) throw new Error(plan.error);
    await applyImport(elsewhere, plan.backup, 'replace');
    expect((await elsewhere.connections.toArray()).map((connection) => connection.credentials.token)).toEqual(['ntn_secret_token_42']);
  });

  it("leave this browser's connections in place when a file without them is restored", async () => {
    const db = await connectedBook();
    const plan = await planImport(db, JSON.stringify(await exportBackup(db)));
    if (!plan.ok) throw new Error(plan.error);
    await applyImport(db, plan.backup, 'replace');
    expect(await db.connections.count()).toBe(1);
  });
});
