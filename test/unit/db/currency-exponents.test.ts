import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersions } from '../../../lib/db/database';
import { describeRescale, intlExponent, rescaleAmounts, rescalesNeeded, type AmountRecords } from '../../../lib/db/currency-exponents';
import { v2 } from './seeds/v2';

/** The version 2 seed as Chrome stored it for a Hungarian client: whole forints (Intl said 0 decimals). */
const forints = {
  ...v2,
  projects: v2.projects.map((p) => ({ ...p, currency: 'HUF', total: 12_000 })),
  milestones: [
    { ...v2.milestones[0]!, amount: 3_600 },
    { ...v2.milestones[1]!, share: { kind: 'fixed', amount: 8_400 }, amount: 8_400 },
  ],
  invoices: v2.invoices.map((i) => ({
    ...i, currency: 'HUF', net: 3_600, tax: 684, gross: 4_284,
    lines: [{ description: 'Website: Deposit', amount: 3_600 }], taxLines: [{ name: 'VAT', basisPoints: 1900, base: 3_600, amount: 684 }],
  })),
  payments: v2.payments.map((p) => ({ ...p, amount: 1_000 })),
};

async function storedAtVersion2(name: string, seed: Record<string, unknown[]>) {
  const old = new Dexie(name);
  for (const released of schemaVersions.filter((v) => v.version <= 2)) old.version(released.version).stores(released.stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('amounts written before ISO 4217 exponents', () => {
  it('this test runs where Intl gives HUF 0 decimals, as Chrome does', () => {
    expect(intlExponent('HUF')).toBe(0);
    expect(intlExponent('EUR')).toBe(2);
  });

  it('are multiplied into ISO minor units when the database is upgraded, and EUR ones are left alone', async () => {
    await storedAtVersion2('exponents-huf', forints);
    await storedAtVersion2('exponents-eur', v2);
    const huf = openDatabase('exponents-huf');
    expect((await huf.projects.get('p1'))!.total).toBe(1_200_000);
    expect((await huf.milestones.get('m2'))!).toMatchObject({ amount: 840_000, share: { kind: 'fixed', amount: 840_000 } });
    expect((await huf.invoices.get('i1'))!).toMatchObject({
      net: 360_000, tax: 68_400, gross: 428_400, lines: [{ amount: 360_000 }], taxLines: [{ base: 360_000, amount: 68_400 }],
    });
    expect((await huf.payments.get('pay1'))!.amount).toBe(100_000);
    expect(await huf.snapshots.count()).toBe(0);
    const eur = openDatabase('exponents-eur');
    expect((await eur.invoices.get('i1'))!.gross).toBe(v2.invoices[0]!.gross);
    expect((await eur.projects.get('p1'))!.total).toBe(v2.projects[0]!.total);
    huf.close();
    eur.close();
  });

  it('are divided only when no digit is lost, and say so plainly otherwise', () => {
    const records = { projects: forints.projects, milestones: [], invoices: [], payments: [] } as unknown as AmountRecords;
    const fromThree = [{ currency: 'HUF', from: 3, to: 2 }];
    const evenly = rescaleAmounts({ ...records, projects: [{ ...records.projects[0]!, total: 12_000 }] }, fromThree);
    expect(evenly.projects[0]!.total).toBe(1_200);
    expect(() => rescaleAmounts({ ...records, projects: [{ ...records.projects[0]!, total: 12_345 }] }, fromThree)).toThrow(
      'A HUF amount of 12345 has more decimals than ISO 4217 allows for HUF',
    );
  });

  it('rescales a flat late fee with the project total', () => {
    const project = { ...forints.projects[0]!, latePayment: { kind: 'flat-fee', amount: 25 } };
    const records = { projects: [project], milestones: [], invoices: [], payments: [] } as unknown as AmountRecords;
    expect(rescaleAmounts(records, [{ currency: 'HUF', from: 0, to: 2 }]).projects[0]).toMatchObject({ total: 1_200_000, latePayment: { kind: 'flat-fee', amount: 2_500 } });
  });

  it('names what it rescales', () => {
    const records = forints as unknown as AmountRecords;
    expect(rescalesNeeded(records, () => 0)).toEqual([{ currency: 'HUF', from: 0, to: 2 }]);
    expect(rescalesNeeded(records, () => 2)).toEqual([]);
    expect(describeRescale({ currency: 'IQD', from: 0, to: 3 })).toBe("IQD amounts were written with 0 decimals; they are read with ISO 4217's 3 (× 1000)");
  });
});
