import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import { openDatabase, schemaVersions } from '../../../lib/db/database';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { testFonts } from '../invoicing/support';
import { clientAndProject, freshDatabase } from './helpers';
import { v1 } from './seeds/v1';
import { v2 } from './seeds/v2';

/** Writes a seed with a Dexie that knows only the versions up to `version`, as that release did. */
async function seedAt(name: string, version: number, seed: Record<string, unknown[]>) {
  const old = new Dexie(name);
  for (const released of schemaVersions.filter((v) => v.version <= version)) old.version(released.version).stores(released.stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('invoices stored before lines had prices (schema version 4)', () => {
  it.each([[1, v1], [2, v2]] as const)('a version %i database opens with each old invoice as one milestone line', async (version, seed) => {
    const name = `lines-from-${version}`;
    await seedAt(name, version, seed);
    const db = openDatabase(name);
    // Read the stored row itself: the zod shape would convert an unmigrated row on its own.
    const [stored] = await db.table('invoices').toArray();
    expect(stored.lines).toEqual([
      { kind: 'milestone', description: 'Website: Deposit', quantity: 1, unit: '', unitPrice: 360_000, amount: 360_000, category: 'standard' },
    ]);
    expect(stored.taxLines).toEqual([{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 360_000, amount: 68_400 }]);
    expect(stored).toMatchObject({ net: 360_000, tax: 68_400, gross: 428_400, number: 'INV-2026-0001' });
    db.close();
  });

  it('reads an old reverse-charge invoice as a reverse-charge line', async () => {
    const name = 'lines-reverse-charge';
    const reverse = { ...v1.invoices[0]!, taxLines: [], reverseCharge: true, tax: 0, gross: 360_000 };
    await seedAt(name, 1, { ...v1, invoices: [reverse] });
    const db = openDatabase(name);
    const [stored] = await db.table('invoices').toArray();
    expect(stored.lines[0]).toMatchObject({ kind: 'milestone', category: 'reverse-charge', amount: 360_000 });
    db.close();
  });
});

describe('a backup made before invoices had lines', () => {
  it('restores, each old invoice read as one milestone line', async () => {
    const db = await bookWithOneInvoice();
    const backup = await exportBackup(db);
    const old = { ...backup, data: { ...backup.data, invoices: backup.data.invoices.map(({ lines, taxLines, pricesIncludeTax: _, ...invoice }) => ({
      ...invoice,
      lines: lines.map(({ description, amount }) => ({ description, amount })),
      taxLines: taxLines.map(({ name, basisPoints, base, amount }) => ({ name, basisPoints, base, amount })),
    })) } };
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(old));
    expect(plan.ok && plan.conflicts).toBe(0);
    if (!plan.ok) return;
    await applyImport(fresh, plan.backup, 'replace');
    const [restored] = await fresh.invoices.toArray();
    expect(restored!.lines).toEqual([{ kind: 'milestone', description: 'Website: Deposit', quantity: 1, unit: '', unitPrice: 33_000, amount: 33_000, category: 'standard' }]);
    expect(restored!.taxLines).toEqual([{ name: 'VAT', basisPoints: 2000, category: 'standard', base: 33_000, amount: 6_600 }]);
  });
});

async function bookWithOneInvoice() {
  const db = freshDatabase();
  const { milestones } = await clientAndProject(db);
  await putSetting(db, 'businessProfile', { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
  await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'en-US' }, milestones[0]!.id);
  return db;
}
