import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersions } from '../../../lib/db/database';
import { v5 } from './seeds/v5';
import { v6 } from './seeds/v6';

/** Writes a seed with a Dexie that knows only the versions up to `version`, as that release did. */
async function seedAt(name: string, version: number, seed: Record<string, unknown[]>) {
  const old = new Dexie(name);
  for (const released of schemaVersions.filter((v) => v.version <= version)) old.version(released.version).stores(released.stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('clients stored before e-invoices (schema version 6)', () => {
  it('a version 5 client opens receiving the PDF alone, as before', async () => {
    await seedAt('einvoice-from-5', 5, v5);
    const db = openDatabase('einvoice-from-5');
    // Read the stored row itself, as the pages do.
    const [stored] = await db.table('clients').toArray();
    expect(stored.einvoice).toEqual({ format: 'pdf', syntax: 'cii', customization: 'en16931', buyerReference: '' });
    expect(stored).toMatchObject({ id: 'c1', name: 'Acme Retail GmbH', taxId: 'DE1' });
    db.close();
  });

  it('a version 6 client keeps the delivery it chose', async () => {
    await seedAt('einvoice-at-6', 6, v6);
    const db = openDatabase('einvoice-at-6');
    expect((await db.clients.get('c1'))?.einvoice).toEqual({ format: 'pdf-xml', syntax: 'ubl', customization: 'xrechnung', buyerReference: '04011000-12345-34' });
    db.close();
  });
});
