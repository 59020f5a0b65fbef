import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersions } from '../../../lib/db/database';
import * as entities from '../../../lib/db/entities';
import { v1 } from './seeds/v1';
import { v2 } from './seeds/v2';
import { v3 } from './seeds/v3';
import { v4 } from './seeds/v4';
import { v5 } from './seeds/v5';
import { v6 } from './seeds/v6';
import { v7 } from './seeds/v7';
import { connectionSchema } from '../../../lib/connections/entity';

/** A seed per released version, in that version's shape. Add one with every new schema version. */
const seeds: Record<number, Record<string, unknown[]>> = { 1: v1, 2: v2, 3: v3, 4: v4, 5: v5, 6: v6, 7: v7 };

/** Every table that exists at a version: each version entry lists only what it changes. */
const tablesAt = (version: number) =>
  Object.keys(Object.assign({}, ...schemaVersions.filter((v) => v.version <= version).map((v) => v.stores))).sort();

/** What each stored row must parse as today, per table. */
const currentShape = {
  clients: entities.clientSchema,
  projects: entities.projectSchema,
  milestones: entities.milestoneSchema,
  boards: entities.boardSchema,
  cardLinks: entities.cardLinkSchema,
  invoices: entities.invoiceSchema,
  invoiceFiles: entities.invoiceFileSchema,
  payments: entities.paymentSchema,
  settings: entities.settingSchema,
  counters: entities.counterSchema,
  activity: entities.activitySchema,
  snapshots: entities.snapshotSchema,
  issuedNumbers: entities.issuedNumberSchema,
  connections: connectionSchema,
};

/** Writes a seed with a Dexie that knows only the versions up to `version`, as that release did. */
async function seedAt(name: string, version: number, seed: Record<string, unknown[]>) {
  const old = new Dexie(name);
  for (const released of schemaVersions.filter((v) => v.version <= version)) old.version(released.version).stores(released.stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('schema migrations', () => {
  it('has a seed for every released version, covering every table', () => {
    for (const { version } of schemaVersions) {
      expect(seeds[version], `seed for version ${version}`).toBeDefined();
      expect(Object.keys(seeds[version]!).sort()).toEqual(tablesAt(version));
    }
    expect(Object.keys(currentShape).sort()).toEqual(tablesAt(schemaVersions.at(-1)!.version));
  });

  it.each(schemaVersions.map((v) => v.version))('opens a version %i database with nothing lost', async (version) => {
    const name = `migration-from-${version}`;
    await seedAt(name, version, seeds[version]!);
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(schemaVersions.at(-1)!.version);
    for (const [table, rows] of Object.entries(seeds[version]!)) {
      const stored = await db.table(table).toArray();
      expect(stored.length, table).toBe(rows.length);
      for (const row of stored) currentShape[table as keyof typeof currentShape].parse(row);
    }
    db.close();
  });

  it.each(schemaVersions.filter((v) => v.version < 3).map((v) => v.version))(
    'registers every issued number when a version %i database opens, the first issued keeping a repeated one',
    async (version) => {
      const name = `register-from-${version}`;
      const first = v1.invoices[0]!;
      // The bug this register fixes: an earlier release could issue INV-2026-0001 twice.
      const repeat = { ...first, id: 'i2', milestoneId: undefined, series: 'invoice:all', createdAt: 9 };
      await seedAt(name, version, { ...seeds[version]!, invoices: [repeat, first] });
      const db = openDatabase(name);
      expect(await db.issuedNumbers.toArray()).toEqual([{ number: 'INV-2026-0001', invoiceId: 'i1' }]);
      expect(await db.invoices.count()).toBe(2);
      db.close();
    },
  );
});
