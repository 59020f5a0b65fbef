import { beforeAll, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import { backupTables, type Backup } from '../../../lib/backup/format';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { issueInvoice, sha256Hex } from '../../../lib/db/invoices';
import { getSetting } from '../../../lib/db/settings';
import { seedDemo } from '../../../lib/demo/seed';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
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

let book: MilestoneDatabase;
let saved: Backup;
// Rendering the demo's PDFs once for the file, not per test: about 1.5 s on a busy two-core machine,
// several times that when other test runs share the cores, hence 30 s rather than the 10 s hook default.
beforeAll(async () => {
  book = await bookWithPdfs();
  saved = await exportBackup(book);
}, 30_000);

/** The book, in a database of its own that a test may change. */
async function copyOfBook() {
  const db = freshDatabase();
  await applyImport(db, structuredClone(saved), 'replace');
  return db;
}

const tablesOf = async (db: MilestoneDatabase) => {
  const all = await snapshot(db);
  return Object.fromEntries(backupTables.map((table) => [table, all[table]]));
};

/** "[[[1]]]" `depth` levels deep, as text: JSON.stringify itself cannot write it. */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('backup and restore', () => {
  it('round-trips losslessly: export, lose the profile, import gives the same data and the same PDF bytes', async () => {
    const db = book;
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
    const db = book;
    const backup = await exportBackup(db);
    const identical = await planImport(db, JSON.stringify(backup));
    expect(identical.ok && identical.conflicts).toBe(0);
    backup.data.clients[0]!.name = 'Renamed in the file';
    const changed = await planImport(db, JSON.stringify(backup));
    expect(changed.ok && changed.changes.find((c) => c.table === 'clients')).toMatchObject({ conflicts: 1, unchanged: 0 });
  });

  it('refuses to merge conflicts and writes nothing; replace restores the file exactly', async () => {
    const db = await copyOfBook();
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
    ['a newer format version', (b: Record<string, any>) => ((b.version = 2), b), /^This backup was made by a newer version of Milestone Invoicer \(format 2\); update the extension to restore it\.$/],
    ['a milestone whose invoice is missing', (b: Record<string, any>) => ((b.data.milestones.find((m: any) => m.invoiceId).invoiceId = 'gone'), b), /^data\.milestones\[\d\]\.invoiceId: refers to a record that is not in the file$/],
    ['an invoice whose milestone is missing', (b: Record<string, any>) => ((b.data.invoices[0].milestoneId = 'gone'), b), /^data\.invoices\[0\]\.milestoneId: refers to a record that is not in the file$/],
    ['an invoice whose client is missing', (b: Record<string, any>) => ((b.data.invoices[1].clientId = 'gone'), b), /^data\.invoices\[1\]\.clientId: refers to a record that is not in the file$/],
    ['a credit note whose original is missing', (b: Record<string, any>) => ((b.data.invoices[1].creditsInvoiceId = 'gone'), b), /^data\.invoices\[1\]\.creditsInvoiceId: refers to a record that is not in the file$/],
    ['a board whose project is missing', (b: Record<string, any>) => ((b.data.boards[0].projectId = 'gone'), b), /^data\.boards\[0\]\.projectId: refers to a record that is not in the file$/],
    ['a card link whose milestone is missing', (b: Record<string, any>) => ((b.data.cardLinks[1].milestoneId = 'gone'), b), /^data\.cardLinks\[1\]\.milestoneId: refers to a record that is not in the file$/],
    ['a payment whose invoice is missing', (b: Record<string, any>) => ((b.data.payments[0].invoiceId = 'gone'), b), /^data\.payments\[0\]\.invoiceId: refers to a record that is not in the file$/],
    ['a gross that is not net plus tax', (b: Record<string, any>) => ((b.data.invoices[0].gross += 1), b), /^data\.invoices\[0\]\.gross: \d+\.\d\d EUR is not net \d+\.00 EUR plus tax \d+\.00 EUR$/],
    ['a payment larger than its invoice', (b: Record<string, any>) => ((b.data.payments[0].amount = 10_000_000), b), /^data\.payments\[0\]\.amount: payments on INV-2026-0001 come to 100000\.00 EUR, more than its total of 4284\.00 EUR$/],
    ['a negative invoice', (b: Record<string, any>) => (Object.assign(b.data.invoices[0], { net: -100, tax: 0, gross: -100 }), b), /^data\.invoices\[0\]\.gross: an invoice cannot total less than zero \(-1\.00 EUR\)$/],
    ['milestones that do not add up to the contract', (b: Record<string, any>) => ((b.data.milestones[2].amount += 1), b), /^data\.milestones\[0\]\.amount: the milestones of "Acme website redesign" add up to 12000\.01 EUR, not its contract total of 12000\.00 EUR$/],
    ['an invoice number given twice', (b: Record<string, any>) => ((b.data.invoices[1].number = b.data.invoices[0].number), b), /^data\.invoices\[1\]\.number: "INV-2026-000\d" appears twice$/],
    ['a downloads folder outside the downloads', (b: Record<string, any>) => (b.data.settings.push({ key: 'invoiceFiles', value: { folder: '../x', downloadOnIssue: true } }), b), /^data\.settings\[1\]\.value\.folder: The folder cannot contain \. or \.\. : it must stay inside your downloads folder$/],
    ['a value nested 5,000 levels deep', (b: Record<string, any>) => ((b.data.settings[0].value = 'DEEP'), JSON.stringify(b).replace('"DEEP"', nested(5_000))), /^data\.settings\[0\]\.value: nested more than 64 levels deep, which no backup is$/],
  ])('rejects %s, naming the place, and changes nothing', async (_, corrupt, message) => {
    const db = book;
    const backup = structuredClone(saved) as Record<string, any>;
    const corrupted = corrupt(backup);
    const text = typeof corrupted === 'string' ? corrupted : JSON.stringify(corrupted);
    const before = await snapshot(db);
    const plan = await planImport(db, text);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('restoring numbering', () => {
  it('rebuilds missing counters and the register from the invoices, so the next number follows the highest', async () => {
    const backup = structuredClone(saved);
    backup.data.counters = [];
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(backup));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    await applyImport(fresh, plan.backup, 'replace');
    expect(await fresh.counters.toArray()).toEqual([{ series: 'invoice:2026', last: 2 }]);
    expect((await fresh.issuedNumbers.toArray()).map((row) => row.number).sort()).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    const open = (await fresh.milestones.toArray()).find((milestone) => milestone.state === 'in-progress')!;
    await fresh.milestones.update(open.id, { state: 'delivered', deliveredOn: '2026-11-24' });
    const { invoice } = await invoiceMilestone({ db: fresh, fonts: testFonts, today: '2026-11-24', locale: 'en-US' }, open.id);
    expect(invoice.number).toBe('INV-2026-0003');
  });

  it('refuses to merge a file whose numbers this browser gave to other documents, and writes nothing', async () => {
    const mine = freshDatabase();
    const { client, project } = await clientAndProject(mine);
    const draft = {
      kind: 'invoice' as const, projectId: project.id, clientId: client.id, currency: 'EUR', issueDate: '2026-10-01', supplyDate: '2026-10-01', dueDate: '2026-10-15',
      seller: client, buyer: client, lines: [{ kind: 'milestone' as const, description: 'Advance', quantity: 1, unit: '', unitPrice: 100, amount: 100, category: 'standard' as const }], taxLines: [], reverseCharge: false, net: 100, tax: 0, gross: 100,
    };
    await issueInvoice(mine, draft, await getSetting(mine, 'invoiceNumbering'));
    const before = await snapshot(mine);
    await expect(applyImport(mine, structuredClone(saved), 'merge')).rejects.toThrow(/^The file's INV-2026-000\d is another document than this browser's INV-2026-000\d; choose "Replace everything"/);
    expect(await snapshot(mine)).toEqual(before);
  });
});

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

// 200 cases: 1.3 to 2.1 s measured while five other test runs shared the same two cores; the
// explicit 20 s limit keeps it from failing on timing it does not control.
describe('200 malformed backups', () => {
  it('each is rejected with a clear message, writes nothing, and never throws', async () => {
    const db = book;
    const valid = structuredClone(saved);
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
  }, 20_000);
});
