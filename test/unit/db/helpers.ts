import { openDatabase, type MilestoneDatabase } from '../../../lib/db/database';
import { saveClient } from '../../../lib/db/clients';
import { createProject, type ProjectInput } from '../../../lib/db/projects';

let counter = 0;
/** A fresh, empty database per test (fake-indexeddb). */
export function freshDatabase(): MilestoneDatabase {
  return openDatabase(`test-${++counter}-${Math.random()}`);
}

export async function clientAndProject(db: MilestoneDatabase, overrides: Partial<ProjectInput> = {}) {
  const client = await saveClient(db, {
    name: 'Acme Retail GmbH', email: 'ap@acme.example', address: 'Hamburg', taxId: 'DE1', currency: 'EUR', locale: 'de-DE',
  });
  const detail = await createProject(db, {
    clientId: client.id,
    name: 'Website',
    contractRef: 'C-1',
    currency: 'EUR',
    total: 99_999,
    taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 2000 }], reverseCharge: false },
    terms: { kind: 'net', days: 14 },
    invoiceOn: 'done',
    milestones: [
      { title: 'Deposit', share: { kind: 'percent', basisPoints: 3300 } },
      { title: 'Prototype', share: { kind: 'percent', basisPoints: 3300 } },
      { title: 'Final', share: { kind: 'percent', basisPoints: 3400 } },
    ],
    ...overrides,
  });
  return { client, ...detail };
}

/** Every row of every table: what "nothing changed" is checked against. */
export async function snapshot(db: MilestoneDatabase) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()])));
}
