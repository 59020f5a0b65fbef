import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import { backupTables } from '../../../lib/backup/format';
import { sha256Hex } from '../../../lib/db/invoices';
import { seedDemo } from '../../../lib/demo/seed';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { freshDatabase, snapshot } from '../db/helpers';
import { testFonts } from '../invoicing/support';

/** A database with real work in it: the demo, and an issued invoice with its PDF. */
async function bookWithPdfs() {
  const db = freshDatabase();
  await seedDemo(db, new Date('2026-11-24T12:00:00'));
  for (const milestone of await db.milestones.toArray()) {
    if (milestone.state !== 'in-progress') await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'en-US' }, milestone.id);
  }
  return db;
}

const tablesOf = async (db: Awaited<ReturnType<typeof bookWithPdfs>>) => {
  const all = await snapshot(db);
  return Object.fromEntries(backupTables.map((table) => [table, all[table]]));
};

describe('backup and restore', () => {
  it('round-trips losslessly: export, lose the profile, import gives the same data and the same PDF bytes', async () => {
    const db = await bookWithPdfs();
    const before = await tablesOf(db);
    const hashes = await Promise.all((await db.invoiceFiles.toArray()).map((file) => sha256Hex(file.bytes)));
    const text = JSON.stringify(await exportBackup(db));

    const fresh = freshDatabase();
    const plan = await planImport(fresh, text);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.conflicts).toBe(0);
    expect(plan.changes.find((c) => c.table === 'invoiceFiles')).toMatchObject({ incoming: 2, added: 2 });
    await applyImport(fresh, plan.backup, 'merge');
    expect(await tablesOf(fresh)).toEqual(before);
    expect(await Promise.all((await fresh.invoiceFiles.toArray()).map((file) => sha256Hex(file.bytes)))).toEqual(hashes);
  });

  it('previews identical records as unchanged and changed ones as conflicts', async () => {
    const db = await bookWithPdfs();
    const backup = await exportBackup(db);
    const identical = await planImport(db, JSON.stringify(backup));
    expect(identical.ok && identical.conflicts).toBe(0);
    backup.data.clients[0]!.name = 'Renamed in the file';
    const changed = await planImport(db, JSON.stringify(backup));
    expect(changed.ok && changed.changes.find((c) => c.table === 'clients')).toMatchObject({ conflicts: 1, unchanged: 0 });
  });

  it('refuses to merge conflicts and writes nothing; replace restores the file exactly', async () => {
    const db = await bookWithPdfs();
    const backup = await exportBackup(db);
    backup.data.clients[0]!.name = 'From the file';
    const before = await snapshot(db);
    await expect(applyImport(db, backup, 'merge')).rejects.toThrow(/choose "Replace everything"/);
    expect(await snapshot(db)).toEqual(before);
    await applyImport(db, backup, 'replace');
    expect((await db.clients.toArray())[0]!.name).toBe('From the file');
  });

  it.each([
    ['not JSON', () => '{"format": "milestone-', /^This is not a backup file: /],
    ['another file', () => '{"hello": 1}', /not a Milestone Invoicer backup/],
    ['a bad date', (b: Record<string, any>) => ((b.data.invoices[1].issueDate = '24/11/2026'), b), /^data\.invoices\[1\]\.issueDate: Expected a date as YYYY-MM-DD$/],
    ['a float amount', (b: Record<string, any>) => ((b.data.payments[0].amount = 12.5), b), /^data\.payments\[0\]\.amount: /],
    ['a missing client', (b: Record<string, any>) => ((b.data.clients = []), b), /^data\.projects\[0\]\.clientId: refers to a record that is not in the file$/],
    ['a tampered PDF', (b: Record<string, any>) => ((b.data.invoiceFiles[0].bytes = 'JVBERi0x'), b), /^data\.invoiceFiles\[0\]\.bytes: the PDF does not match its SHA-256$/],
    ['a duplicate id', (b: Record<string, any>) => (b.data.payments.push(b.data.payments[0]), b), /^data\.payments\[1\]\.id: ".*" appears twice$/],
    ['a newer format version', (b: Record<string, any>) => ((b.version = 2), b), /^version: /],
  ])('rejects %s, naming the place, and changes nothing', async (_, corrupt, message) => {
    const db = await bookWithPdfs();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db)));
    const corrupted = corrupt(backup);
    const text = typeof corrupted === 'string' ? corrupted : JSON.stringify(corrupted);
    const before = await snapshot(db);
    const plan = await planImport(db, text);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  });
});

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

// 200 cases: about 1.3 s on a busy two-core CI machine, inside vitest's 5 s default.
describe('200 malformed backups', () => {
  it('each is rejected with a clear message, writes nothing, and never throws', async () => {
    const db = await bookWithPdfs();
    const valid = JSON.parse(JSON.stringify(await exportBackup(db)));
    const before = await snapshot(db);
    const next = random(42);
    const pick = <T,>(items: T[]) => items[Math.floor(next() * items.length)]!;
    const junk = () => pick<unknown>([null, -1, 1.5, '', 'x'.repeat(3000), [], {}, true, '2026-13-45', 'javascript:alert(1)', { $: 1 }]);
    const mutate = (node: any, depth: number): void => {
      const keys = Object.keys(node);
      if (!keys.length) return;
      const key = pick(keys);
      if (depth > 0 && node[key] && typeof node[key] === 'object' && next() < 0.7) return mutate(node[key], depth - 1);
      const action = next();
      if (action < 0.35) node[key] = junk();
      else if (action < 0.6 && !Array.isArray(node)) delete node[key];
      else if (action < 0.8 && typeof node[key] === 'string') node[key] = node[key].slice(0, Math.floor(next() * node[key].length));
      else node[`extra${Math.floor(next() * 10)}`] = junk();
    };
    let rejected = 0;
    for (let i = 0; i < 200; i++) {
      const copy = JSON.parse(JSON.stringify(valid));
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) mutate(copy, 5);
      let text = JSON.stringify(copy);
      if (next() < 0.1) text = text.slice(0, Math.floor(next() * text.length));
      const plan = await planImport(db, text);
      if (plan.ok) continue; // an edit that only added an unknown key or kept the data valid
      rejected++;
      expect(plan.error.length, text.slice(0, 200)).toBeGreaterThan(10);
    }
    expect(rejected).toBeGreaterThan(140);
    expect(await snapshot(db)).toEqual(before);
  });
});
