import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Connection } from '../connections/entity';
import { rescaleStoredAmounts } from './currency-exponents';
import {
  withInvoiceLines,
  type Activity, type Board, type CardLink, type Client, type Counter, type Invoice, type InvoiceFile, type IssuedNumber, type Milestone,
  type Payment, type Project, type Setting, type Snapshot,
} from './entities';
import { plainPdfDelivery } from './entities';

export const DATABASE_NAME = 'milestone-invoicer';

/**
 * Every released schema version, oldest first. Never edit a released entry: add a new version,
 * with an `upgrade` when stored data must change, and a seed for it in test/unit/db/migrations.
 */
export const schemaVersions: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<unknown> }[] = [
  {
    version: 1,
    stores: {
      clients: 'id, name',
      projects: 'id, clientId, name',
      milestones: 'id, projectId, state',
      boards: 'id, projectId',
      cardLinks: 'id, milestoneId, [host+boardId]',
      invoices: 'id, projectId, milestoneId, kind, issueDate, dueDate',
      invoiceFiles: 'invoiceId',
      payments: 'id, invoiceId, date',
      settings: 'key',
      counters: 'series',
      activity: '++id, projectId, at',
    },
  },
  {
    // Derived figures the background keeps ready (the popup's exposure), so pages read one record.
    version: 2,
    stores: { snapshots: 'key' },
  },
  {
    // Issued numbers keyed by the number itself, so a number can be stored once only. (A unique
    // index on invoices.number could not be built where an earlier release already repeated one.)
    version: 3,
    stores: { issuedNumbers: 'number' },
    upgrade: (tx) => registerIssuedNumbers(tx.table('invoices'), tx.table('issuedNumbers')),
  },
  {
    // Amounts move to ISO 4217 exponents: Chrome's Intl had given 0 decimals for HUF, IDR, IQD...
    version: 4,
    stores: {},
    upgrade: rescaleStoredAmounts,
  },
  {
    // Invoices have priced, categorised lines and a per-rate breakdown: each old invoice becomes one milestone line.
    version: 5,
    stores: {},
    upgrade: (tx) => tx.table('invoices').toCollection().modify((invoice: Record<string, unknown>) => {
      Object.assign(invoice, withInvoiceLines(invoice));
    }),
  },
  {
    version: 6,
    stores: {},
    // Clients state how they receive invoices; those from before e-invoices keep the PDF alone.
    upgrade: (tx) => tx.table('clients').toCollection().modify((client: Record<string, unknown>) => {
      client.einvoice ??= { ...plainPdfDelivery };
    }),
  },
  {
    // Boards connected to their own API (lib/connections/): one row per board, with its token.
    version: 7,
    stores: { connections: 'id' },
  },
];

/** Fills the register from the invoices; where a number was repeated, the first issued keeps it. */
export async function registerIssuedNumbers(invoices: { toArray(): Promise<Invoice[]> }, register: Table<IssuedNumber, string>) {
  const issued = (await invoices.toArray()).sort((a, b) => a.createdAt - b.createdAt || a.sequence - b.sequence);
  const taken = new Set((await register.toArray()).map((row) => row.number));
  const rows: IssuedNumber[] = [];
  for (const { number, id } of issued) {
    if (taken.has(number)) continue;
    taken.add(number);
    rows.push({ number, invoiceId: id });
  }
  await register.bulkAdd(rows);
}

export class MilestoneDatabase extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  projects!: EntityTable<Project, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  boards!: EntityTable<Board, 'id'>;
  cardLinks!: EntityTable<CardLink, 'id'>;
  invoices!: EntityTable<Invoice, 'id'>;
  invoiceFiles!: Table<InvoiceFile, string>;
  payments!: EntityTable<Payment, 'id'>;
  settings!: Table<Setting, string>;
  counters!: Table<Counter, string>;
  activity!: EntityTable<Activity, 'id'>;
  snapshots!: Table<Snapshot, string>;
  issuedNumbers!: Table<IssuedNumber, string>;
  connections!: EntityTable<Connection, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of schemaVersions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** Opens the extension's database. Only extension pages and the service worker may call this. */
export function openDatabase(name?: string): MilestoneDatabase {
  return new MilestoneDatabase(name);
}

export const newId = (): string => crypto.randomUUID();
