import { fromBase64, toBase64 } from '../bytes';
import type { MilestoneDatabase } from '../db/database';
import { sha256Hex } from '../db/invoices';
import { exponentsInUse, inIsoExponents } from './exponents';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, backupTables, type Backup, type BackupTable } from './format';

const KEY: Record<BackupTable, string> = {
  clients: 'id', projects: 'id', milestones: 'id', boards: 'id', cardLinks: 'id', invoices: 'id', invoiceFiles: 'invoiceId',
  payments: 'id', settings: 'key', counters: 'series', activity: 'id',
};

/** Everything in the database, in the backup format. */
export async function exportBackup(db: MilestoneDatabase, now = new Date()): Promise<Backup> {
  const tables = backupTables.map((name) => db.table(name));
  const data = await db.transaction('r', tables, async () =>
    Object.fromEntries(await Promise.all(backupTables.map(async (name) => [name, await db.table(name).toArray()]))),
  );
  data.invoiceFiles = data.invoiceFiles.map((file: { bytes: Uint8Array }) => ({ ...file, bytes: toBase64(file.bytes) }));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), currencyExponents: exponentsInUse(data as Backup['data']), data } as Backup;
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

/** The first problem in a file, named by its place ("data.invoices[3].issueDate: …"). Nothing is written. */
export async function planImport(db: MilestoneDatabase, text: string): Promise<ImportPlan> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This is not a backup file: ${(error as Error).message}` };
  }
  if ((json as { format?: unknown })?.format !== BACKUP_FORMAT) return { ok: false, error: 'This is not a Milestone Invoicer backup (its "format" field is missing or different)' };
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const place = issue.path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
    return { ok: false, error: `${place || 'The file'}: ${issue.message}` };
  }
  const problem = (await consistencyProblem(parsed.data)) ?? null;
  if (problem) return { ok: false, error: problem };
  const iso = inIsoExponents(parsed.data);
  if (!iso.ok) return iso;
  const changes = await compare(db, iso.backup);
  return { ok: true, backup: iso.backup, changes, conflicts: changes.reduce((acc, change) => acc + change.conflicts, 0), notes: iso.notes };
}

/** References between records, unique ids, and PDF bytes that match their hash. */
async function consistencyProblem({ data }: Backup): Promise<string | undefined> {
  for (const table of backupTables) {
    const seen = new Set<unknown>();
    for (const [index, row] of (data[table] as Record<string, unknown>[]).entries()) {
      const id = row[KEY[table]];
      if (seen.has(id)) return `data.${table}[${index}].${KEY[table]}: "${String(id)}" appears twice`;
      seen.add(id);
    }
  }
  const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  const [clients, projects, milestones, invoices] = [ids(data.clients), ids(data.projects), ids(data.milestones), ids(data.invoices)];
  const refs: [BackupTable, string, Set<string>][] = [
    ['projects', 'clientId', clients], ['milestones', 'projectId', projects], ['cardLinks', 'milestoneId', milestones],
    ['invoices', 'projectId', projects], ['invoiceFiles', 'invoiceId', invoices], ['payments', 'invoiceId', invoices],
  ];
  for (const [table, field, known] of refs) {
    const index = (data[table] as Record<string, string>[]).findIndex((row) => !known.has(row[field]!));
    if (index >= 0) return `data.${table}[${index}].${field}: refers to a record that is not in the file`;
  }
  for (const [index, file] of data.invoiceFiles.entries()) {
    if ((await sha256Hex(fromBase64(file.bytes))) !== file.sha256) return `data.invoiceFiles[${index}].bytes: the PDF does not match its SHA-256`;
  }
  return undefined;
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
 * "replace" clears every table first. Either everything is written or nothing.
 */
export async function applyImport(db: MilestoneDatabase, backup: Backup, mode: 'merge' | 'replace'): Promise<void> {
  const tables = [...backupTables.map((name) => db.table(name)), db.snapshots];
  await db.transaction('rw', tables, async () => {
    if (mode === 'replace') for (const table of tables) await table.clear();
    for (const name of backupTables) {
      const rows = restoreRows(name, backup.data[name] as Record<string, unknown>[]);
      const table = db.table(name);
      const existing = await table.bulkGet(rows.map((row) => row[KEY[name]] as never));
      if (existing.some((current, i) => current !== undefined && !same(current, rows[i]))) {
        throw new Error(`The ${name} in the file differ from those in this browser; choose "Replace everything" to restore the file as it is`);
      }
      await table.bulkPut(rows);
    }
    await db.snapshots.clear();
  });
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
