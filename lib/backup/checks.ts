import { fromBase64 } from '../bytes';
import { money, toDecimalString } from '../billing/money';
import { sha256Hex } from '../db/invoices';
import { settingDefinitions, settingProblem, type SettingKey } from '../db/settings';
import { t } from '../ui/i18n';
import { backupTables, type Backup, type BackupTable } from './format';

/** The most nesting a real backup has is a handful of levels; far beyond it is a forged or broken file. */
export const MAX_DEPTH = 64;

export const KEY: Record<BackupTable, string> = {
  clients: 'id', projects: 'id', milestones: 'id', boards: 'id', cardLinks: 'id', invoices: 'id', invoiceFiles: 'invoiceId',
  payments: 'id', settings: 'key', counters: 'series', activity: 'id',
};

/** "data.invoices[3].issueDate", from a path as zod reports it. */
export function placeOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

/** Where a parsed file nests deeper than MAX_DEPTH, walked without recursion so no depth can overflow the stack. */
export function tooDeep(root: unknown): string | undefined {
  const stack: { value: unknown; depth: number; path: PropertyKey[] }[] = [{ value: root, depth: 0, path: [] }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.depth > MAX_DEPTH) return t('problemAtPlace', placeOf(node.path.slice(0, 4)), t('nestedTooDeep', String(MAX_DEPTH)));
    if (typeof node.value !== 'object' || node.value === null) continue;
    for (const [key, value] of Object.entries(node.value)) {
      const part = Array.isArray(node.value) ? Number(key) : key;
      stack.push({ value, depth: node.depth + 1, path: node.depth < 4 ? [...node.path, part] : node.path });
    }
  }
  return undefined;
}

type Data = Backup['data'];
type Row = Record<string, unknown>;

const rowsOf = (data: Data, table: BackupTable) => data[table] as Row[];

function duplicateKey(data: Data): string | undefined {
  for (const table of backupTables) {
    const seen = new Set<unknown>();
    for (const [index, row] of rowsOf(data, table).entries()) {
      const id = row[KEY[table]];
      if (seen.has(id)) return t('problemAtPlace', `data.${table}[${index}].${KEY[table]}`, t('valueAppearsTwice', String(id)));
      seen.add(id);
    }
  }
  const numbers = new Set<string>();
  for (const [index, invoice] of data.invoices.entries()) {
    if (numbers.has(invoice.number)) return t('problemAtPlace', `data.invoices[${index}].number`, t('valueAppearsTwice', invoice.number));
    numbers.add(invoice.number);
  }
  return undefined;
}

/** Every reference between records, optional ones included when present. */
function danglingReference(data: Data): string | undefined {
  const ids = (table: BackupTable) => new Set(rowsOf(data, table).map((row) => row[KEY[table]]));
  const [clients, projects, milestones, invoices] = [ids('clients'), ids('projects'), ids('milestones'), ids('invoices')];
  const refs: [BackupTable, string, Set<unknown>][] = [
    ['projects', 'clientId', clients], ['milestones', 'projectId', projects], ['milestones', 'invoiceId', invoices],
    ['boards', 'projectId', projects], ['cardLinks', 'milestoneId', milestones],
    ['invoices', 'projectId', projects], ['invoices', 'clientId', clients], ['invoices', 'milestoneId', milestones],
    ['invoices', 'creditsInvoiceId', invoices], ['invoices', 'voidedBy', invoices],
    ['invoiceFiles', 'invoiceId', invoices], ['payments', 'invoiceId', invoices], ['payments', 'refundOf', ids('payments')],
  ];
  for (const [table, field, known] of refs) {
    const index = rowsOf(data, table).findIndex((row) => row[field] !== undefined && !known.has(row[field]));
    if (index >= 0) return t('problemAtPlace', `data.${table}[${index}].${field}`, t('refersToMissingRecord'));
  }
  return undefined;
}

const shown = (amount: number, currency: string) => `${toDecimalString(money(amount, currency))} ${currency}`;

/** Totals that contradict each other: an invoice's gross, what was paid on it, a contract's milestones. */
function amountProblem(data: Data): string | undefined {
  for (const [index, { gross, net, tax, kind, currency }] of data.invoices.entries()) {
    if (gross !== net + tax) return t('problemAtPlace', `data.invoices[${index}].gross`, t('grossNotNetPlusTax', shown(gross, currency), shown(net, currency), shown(tax, currency)));
    if (kind === 'invoice' && gross < 0) return t('problemAtPlace', `data.invoices[${index}].gross`, t('invoiceBelowZero', shown(gross, currency)));
  }
  const invoices = new Map(data.invoices.map((invoice) => [invoice.id, invoice]));
  // Net of refunds, which may be listed before the payments they pay back.
  const paid = new Map<string, number>();
  for (const payment of data.payments) paid.set(payment.invoiceId, (paid.get(payment.invoiceId) ?? 0) + payment.amount);
  for (const [index, payment] of data.payments.entries()) {
    const invoice = invoices.get(payment.invoiceId)!;
    const total = paid.get(invoice.id)!;
    if (total > invoice.gross) {
      return t('problemAtPlace', `data.payments[${index}].amount`, t('paymentsAboveTotal', invoice.number, shown(total, invoice.currency), shown(invoice.gross, invoice.currency)));
    }
  }
  for (const project of data.projects) {
    const own = data.milestones.map((milestone, index) => ({ milestone, index })).filter(({ milestone }) => milestone.projectId === project.id);
    const sum = own.reduce((acc, { milestone }) => acc + milestone.amount, 0);
    if (sum !== project.total) {
      const place = own.length ? `data.milestones[${own[0]!.index}].amount` : `data.projects[${data.projects.indexOf(project)}].total`;
      return t('problemAtPlace', place, t('milestonesNotContractTotal', project.name, shown(sum, project.currency), shown(project.total, project.currency)));
    }
  }
  return undefined;
}

/** Settings this version knows, held to the same rules as when they are saved in the options. */
function settingsProblem(data: Data): string | undefined {
  for (const [index, { key, value }] of data.settings.entries()) {
    if (!(key in settingDefinitions)) continue;
    const problem = settingProblem(key as SettingKey, value);
    if (problem) return t('problemAtPlace', `data.settings[${index}].value${problem.field ? `.${problem.field}` : ''}`, problem.message);
  }
  return undefined;
}

async function tamperedFile(data: Data): Promise<string | undefined> {
  for (const [index, file] of data.invoiceFiles.entries()) {
    if ((await sha256Hex(fromBase64(file.bytes))) !== file.sha256) return t('problemAtPlace', `data.invoiceFiles[${index}].bytes`, t('pdfHashMismatch'));
  }
  return undefined;
}

/**
 * The first contradiction in a file that parsed: unique ids and numbers, references, amounts,
 * settings and PDF hashes. Missing or low counters are not one: the restore rebuilds them.
 */
export async function consistencyProblem({ data }: Backup): Promise<string | undefined> {
  return duplicateKey(data) ?? danglingReference(data) ?? amountProblem(data) ?? settingsProblem(data) ?? (await tamperedFile(data));
}
