import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import type { Backup } from '../../../lib/backup/format';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { testFonts } from '../invoicing/support';

async function withSeller() {
  const db = freshDatabase();
  await putSetting(db, 'businessProfile', { name: 'Studio', address: 'Budapest', taxId: 'HU1', email: '', paymentInstructions: '', paymentLink: '' });
  return db;
}

/** A Hungarian project with an issued invoice: 12,345.67 HUF in fillér, which Chrome's Intl calls a 0-decimal currency. */
async function forintBook() {
  const db = await withSeller();
  const { project, milestones } = await clientAndProject(db, { currency: 'HUF', total: 1_234_567 });
  await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'hu-HU' }, milestones[0]!.id);
  return { db, project };
}

/** The file as an older release wrote it in Chrome: no exponents, amounts in whole forints. */
function asChromeWroteIt(backup: Backup, divisor: number): Backup {
  const whole = (n: number) => n / divisor;
  const { currencyExponents: _, ...rest } = backup;
  return {
    ...rest,
    data: {
      ...backup.data,
      projects: backup.data.projects.map((p) => ({ ...p, total: whole(p.total) })),
      milestones: backup.data.milestones.map((m) => ({ ...m, amount: whole(m.amount) })),
      invoices: backup.data.invoices.map((i) => ({
        ...i, net: whole(i.net), tax: whole(i.tax), gross: whole(i.gross),
        lines: i.lines.map((l) => ({ ...l, unitPrice: whole(l.unitPrice), amount: whole(l.amount) })), taxLines: i.taxLines.map((l) => ({ ...l, base: whole(l.base), amount: whole(l.amount) })),
      })),
    },
  };
}

/** Amounts of 1,234,500 fillér: whole forints, so the old file can hold them exactly. */
async function wholeForintBook() {
  const db = await withSeller();
  const { milestones } = await clientAndProject(db, {
    currency: 'HUF', total: 1_000_000,
    milestones: [{ title: 'Deposit', share: { kind: 'percent', basisPoints: 5000 } }, { title: 'Final', share: { kind: 'percent', basisPoints: 5000 } }],
  });
  await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'hu-HU' }, milestones[0]!.id);
  return db;
}

describe('currency exponents in backups', () => {
  it('the file says how many decimals each currency has', async () => {
    const { db } = await forintBook();
    const backup = await exportBackup(db);
    expect(backup.currencyExponents).toEqual({ EUR: 2, HUF: 2 });
    expect(backup.data.projects[0]!.total).toBe(1_234_567);
  });

  it('a file that states ISO decimals restores the same amounts in any browser, with nothing rescaled', async () => {
    const { db } = await forintBook();
    const before = await snapshot(db);
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(await exportBackup(db)));
    expect(plan.ok && plan.notes).toEqual([]);
    if (plan.ok) await applyImport(fresh, plan.backup, 'merge');
    expect((await fresh.invoices.toArray())).toEqual(before.invoices);
    expect((await fresh.projects.toArray())).toEqual(before.projects);
  });

  it('an older file without exponents is read as this browser stored it, rescaled with a message', async () => {
    const db = await wholeForintBook();
    const before = await snapshot(db);
    const old = asChromeWroteIt(await exportBackup(db), 100);
    expect(old.data.projects[0]!.total).toBe(10_000);
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(old));
    expect(plan.ok && plan.notes).toEqual([
      'This backup does not say how many decimals its amounts have; it is read as this browser stored them before ISO 4217 decimals.',
      "HUF amounts were written with 0 decimals; they are read with ISO 4217's 2 (× 100)",
    ]);
    if (plan.ok) await applyImport(fresh, plan.backup, 'merge');
    expect(await fresh.invoices.toArray()).toEqual(before.invoices);
    expect(await fresh.milestones.toArray()).toEqual(before.milestones);
    expect((await fresh.projects.get(before.projects[0].id))!.total).toBe(1_000_000);
  });

  it('a file whose stated decimals would lose digits is refused, and nothing changes', async () => {
    const { db } = await forintBook();
    const backup = await exportBackup(db);
    const before = await snapshot(db);
    const plan = await planImport(db, JSON.stringify({ ...backup, currencyExponents: { EUR: 2, HUF: 3 } }));
    expect(plan).toEqual({ ok: false, error: 'Nothing was restored: A HUF amount of 1234567 has more decimals than ISO 4217 allows for HUF' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a file stating an impossible exponent is refused by its shape', async () => {
    const { db } = await forintBook();
    const backup = await exportBackup(db);
    const plan = await planImport(db, JSON.stringify({ ...backup, currencyExponents: { HUF: 9 } }));
    expect(!plan.ok && plan.error).toMatch(/^currencyExponents\.HUF: /);
  });
});
