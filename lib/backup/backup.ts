import { fromBase64, toBase64 } from '../bytes';
import { registerIssuedNumbers, type MilestoneDatabase } from '../db/database';
import type { Invoice } from '../db/entities';
import { consistencyProblem, KEY, placeOf, tooDeep } from './checks';
import { exponentsInUse, inIsoExponents } from './exponents';
import { t } from '../ui/i18n';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, backupTables, type Backup, type BackupTable } from './format';

/** Everything in the database, in the backup format; board connections (tokens) only when asked for. */
export async function exportBackup(db: MilestoneDatabase, now = new Date(), { includeConnections = false } = {}): Promise<Backup> {
  const tables = backupTables.map((name) => db.table(name));
  const data = await db.transaction('r', tables, async () =>
    Object.fromEntries(await Promise.all(backupTables.map(async (name) => [name, await db.table(name).toArray()]))),
  );
  data.invoiceFiles = data.invoiceFiles.map((file: { bytes: Uint8Array }) => ({ ...file, bytes: toBase64(file.bytes) }));
  const connections = includeConnections ? { connections: await db.connections.toArray() } : {};
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), currencyExponents: exponentsInUse(data as Backup['data']), data, ...connections } as Backup;
}

export interface TableChange {
  table: BackupTable;
  incoming: number;
  added: number;
  unchanged: number;
  /** Records in the file whose id exists with different content. */
  conflicts: number;
}

/** `notes` say what was read differently from the file, e.g. amounts rescaled to ISO 4217 decimals. */
export type ImportPlan = { ok: true; backup: Backup; changes: TableChange[]; conflicts: number; notes: string[] } | { ok: false; error: string };

/**
 * The first problem in a file, named by its place ("data.invoices[3].issueDate: …"). Nothing is
 * written, and it never throws: whatever the file holds, the page gets a message to show.
 */
export async function planImport(db: MilestoneDatabase, text: string): Promise<ImportPlan> {
  try {
    return await checkedPlan(db, text);
  } catch (error) {
    return { ok: false, error: t('backupNotChecked', (error as Error).message) };
  }
}

async function checkedPlan(db: MilestoneDatabase, text: string): Promise<ImportPlan> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('notABackupFile', (error as Error).message) };
  }
  if ((json as { format?: unknown })?.format !== BACKUP_FORMAT) return { ok: false, error: t('notOurBackup') };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: t('backupFromNewerVersion', String(version)) };
  }
  const deep = tooDeep(json);
  if (deep) return { ok: false, error: deep };
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: t('problemAtPlace', placeOf(issue.path) || t('theFile'), issue.message) };
  }
  const problem = await consistencyProblem(parsed.data);
  if (problem) return { ok: false, error: problem };
  const iso = inIsoExponents(parsed.data);
  if (!iso.ok) return iso;
  const changes = await compare(db, iso.backup);
  return { ok: true, backup: iso.backup, changes, conflicts: changes.reduce((acc, change) => acc + change.conflicts, 0), notes: iso.notes };
}

async function compare(db: MilestoneDatabase, backup: Backup): Promise<TableChange[]> {
  const changes: TableChange[] = [];
  for (const table of backupTables) {
    const rows = restoreRows(table, backup.data[table] as Record<string, unknown>[]);
    const existing = await db.table(table).bulkGet(rows.map((row) => row[KEY[table]] as never));
    const change: TableChange = { table, incoming: rows.length, added: 0, unchanged: 0, conflicts: 0 };
    rows.forEach((row, i) => {
      const current = existing[i];
      if (current === undefined) change.added++;
      else if (same(current, row)) change.unchanged++;
      else change.conflicts++;
    });
    changes.push(change);
  }
  return changes;
}

/**
 * Writes a planned import in one transaction: "merge" adds what is new and refuses conflicts;
 * "replace" clears every table first. Either everything is written or nothing. Counters and the
 * register of issued numbers are rebuilt from the invoices, so the next number never repeats one.
 */
export async function applyImport(db: MilestoneDatabase, backup: Backup, mode: 'merge' | 'replace'): Promise<void> {
  const tables = [...backupTables.map((name) => db.table(name)), db.snapshots, db.issuedNumbers];
  await db.transaction('rw', [...tables, db.connections], async () => {
    if (mode === 'replace') for (const table of tables) await table.clear();
    else await refuseTakenNumbers(db, backup.data.invoices);
    for (const name of backupTables) {
      const rows = restoreRows(name, backup.data[name] as Record<string, unknown>[]);
      const table = db.table(name);
      const existing = await table.bulkGet(rows.map((row) => row[KEY[name]] as never));
      if (existing.some((current, i) => current !== undefined && !same(current, rows[i]))) {
        throw new Error(t('backupTableDiffers', name));
      }
      await table.bulkPut(rows);
    }
    // Connections are only in files made with their tokens included; otherwise this browser's stay.
    if (backup.connections) await db.connections.bulkPut(backup.connections);
    await db.snapshots.clear();
    await rebuildCounters(db);
    await registerIssuedNumbers(db.invoices, db.issuedNumbers);
  });
}

/** A merge may not bring a second document with a number this browser already issued. */
async function refuseTakenNumbers(db: MilestoneDatabase, invoices: readonly Invoice[]) {
  const taken = await db.issuedNumbers.bulkGet(invoices.map((invoice) => invoice.number));
  const clash = invoices.find((invoice, i) => taken[i] && taken[i]!.invoiceId !== invoice.id);
  if (clash) throw new Error(t('backupNumberClash', clash.number));
}

/** Each counter at least the highest sequence issued in its series, whatever the file said. */
async function rebuildCounters(db: MilestoneDatabase) {
  const highest = new Map<string, number>();
  await db.invoices.each((invoice) => highest.set(invoice.series, Math.max(highest.get(invoice.series) ?? 0, invoice.sequence)));
  const counters = await db.counters.bulkGet([...highest.keys()]);
  await db.counters.bulkPut([...highest].map(([series, last], i) => ({ series, last: Math.max(last, counters[i]?.last ?? 0) })));
}

function restoreRows(table: BackupTable, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return table === 'invoiceFiles' ? rows.map((row) => ({ ...row, bytes: fromBase64(row.bytes as string) })) : rows;
}

/** Deep equality of stored records (plain data, Uint8Array included). */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((byte, i) => byte === b[i]);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
