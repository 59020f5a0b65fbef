import { describe, expect, it } from 'vitest';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { runReminders } from '../../../lib/invoicing/reminders';
import { exposureSummary } from '../../../lib/db/exposure';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { handlerContext } from '../messaging/context';
import { testFonts } from './support';

describe('the reminder run', () => {
  it('sends each due reminder once, even when two runs overlap, and counts overdue invoices', async () => {
    const db = freshDatabase();
    const { milestones } = await clientAndProject(db);
    await putSetting(db, 'businessProfile', { name: 'Studio', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
    await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-01', locale: 'en-US' }, milestones[0]!.id);
    const { invoices } = handlerContext(db);
    const notices: string[] = [];
    const outbox = { ...invoices.outbox, notice: async (title: string) => void notices.push(title) };

    expect((await exposureSummary(db, '2026-11-15')).overdueCount).toBe(0);
    await Promise.all([runReminders(db, outbox, '2026-11-15', 'en-US'), runReminders(db, outbox, '2026-11-15', 'en-US')]);
    expect(notices).toEqual(['Invoice INV-2026-0001 is due today']);
    await runReminders(db, outbox, '2026-11-23', 'en-US');
    await runReminders(db, outbox, '2026-11-23', 'en-US');
    expect(notices).toEqual(['Invoice INV-2026-0001 is due today', 'Invoice INV-2026-0001 is 7 days overdue']);
    expect((await exposureSummary(db, '2026-11-23')).overdueCount).toBe(1);
  });

  it('respects reminders switched off in the options', async () => {
    const db = freshDatabase();
    const { milestones } = await clientAndProject(db);
    await putSetting(db, 'businessProfile', { name: 'Studio', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
    await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-01', locale: 'en-US' }, milestones[0]!.id);
    await putSetting(db, 'reminders', { enabled: ['overdue-30'] });
    const notices: string[] = [];
    const outbox = { ...handlerContext(db).invoices.outbox, notice: async (title: string) => void notices.push(title) };
    await runReminders(db, outbox, '2026-11-23', 'en-US');
    expect(notices).toEqual([]);
  });
});
