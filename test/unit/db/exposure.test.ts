import { describe, expect, it } from 'vitest';
import { exposureSummary, onlySnapshotsChanged, refreshExposureSnapshot } from '../../../lib/db/exposure';
import { seedDemo } from '../../../lib/demo/seed';
import { freshDatabase } from './helpers';

describe('the kept exposure summary', () => {
  it('is what the popup reads on the day it was made, and recomputed on another day', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date('2026-11-24T12:00:00'));
    const kept = await refreshExposureSnapshot(db, '2026-11-24');
    expect(kept).toMatchObject({ overdueCount: 1, mostOverdue: [{ balance: 278_400, daysOverdue: 26 }] });
    await db.snapshots.update('exposure', { value: { ...kept, overdueCount: 99 } });
    expect((await exposureSummary(db, '2026-11-24')).overdueCount).toBe(99);
    expect((await exposureSummary(db, '2026-11-25')).overdueCount).toBe(1);
  });

  it('recomputes a summary kept by an older release, whose delivered work was counted net', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date('2026-11-24T12:00:00'));
    const { basis: _, ...older } = await refreshExposureSnapshot(db, '2026-11-24');
    await db.snapshots.put({ key: 'exposure', asOf: '2026-11-24', value: { ...older, overdueCount: 99 } });
    const summary = await exposureSummary(db, '2026-11-24');
    expect(summary).toMatchObject({ basis: 'gross', overdueCount: 1 });
    expect(summary.byCurrency[0]).toMatchObject({ deliveredNotInvoiced: 571_200, unpaidExposure: 849_600 });
  });

  it('keeps the expected cash in by week, and recomputes a summary kept before the forecast existed', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date('2026-11-24T12:00:00'));
    const { cashForecast: _, ...older } = await refreshExposureSnapshot(db, '2026-11-24');
    await db.snapshots.put({ key: 'exposure', asOf: '2026-11-24', value: { ...older, overdueCount: 99 } });
    const summary = await exposureSummary(db, '2026-11-24');
    expect(summary.overdueCount).toBe(1);
    // The demo's overdue deposit balance (2,784.00) is expected this week; nothing else is invoiced.
    expect(summary.cashForecast.map((row) => [row.currency, row.weeks[0]!.amount, row.total])).toEqual([['EUR', 278_400, 278_400]]);
  });

  it('adds the late-payment charges of overdue invoices under their project terms', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date('2026-11-24T12:00:00'));
    const [project] = await db.projects.toArray();
    // The demo deposit: 4,284.00 due 2026-10-29, 1,500.00 paid on 2026-11-04: 6 days on 4,284.00, 20 on 2,784.00.
    await db.projects.update(project!.id, { latePayment: { kind: 'monthly-percent', basisPoints: 150 } });
    const monthly = await refreshExposureSnapshot(db, '2026-11-24');
    expect(monthly.lateCharges).toEqual([{ currency: 'EUR', interest: 4_013, fee: 0 }]);
    expect(monthly.mostOverdue[0]!.late).toEqual({ interest: 4_013, fee: 0 });
    await db.projects.update(project!.id, { latePayment: { kind: 'eu-statutory', referenceBasisPoints: 215 } });
    expect((await refreshExposureSnapshot(db, '2026-11-24')).lateCharges).toEqual([{ currency: 'EUR', interest: 2_263, fee: 4_000 }]);
    expect((await refreshExposureSnapshot(db, '2026-10-29')).lateCharges).toEqual([]);
  });

  it('tells a change of snapshots alone from a change of data', () => {
    expect(onlySnapshotsChanged({ 'idb://milestone-invoicer/snapshots/': 1 })).toBe(true);
    expect(onlySnapshotsChanged({ 'idb://milestone-invoicer/snapshots/': 1, 'idb://milestone-invoicer/payments/': 1 })).toBe(false);
  });
});
