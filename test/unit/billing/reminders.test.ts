import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/billing/dates';
import type { InvoiceBalance, InvoiceFacts } from '../../../lib/billing/receivables';
import { invoiceBalances } from '../../../lib/billing/receivables';
import { remindersDue, reminderSteps, type ReminderStep } from '../../../lib/billing/reminders';

const invoice: InvoiceFacts = {
  id: 'i1', projectId: 'p1', kind: 'invoice', currency: 'EUR', net: 1000, gross: 1000, issueDate: '2026-11-01', dueDate: '2026-11-15',
};
const all = new Set<ReminderStep>(reminderSteps);

/** Runs the daily check on each given day, as the alarm would, keeping the fired log between runs. */
function simulate(days: string[], options: { payments?: { invoiceId: string; amount: number; date: string }[]; enabled?: Set<ReminderStep> } = {}) {
  const fired = new Set<string>();
  const sent: string[] = [];
  for (const today of days) {
    const balances: InvoiceBalance[] = invoiceBalances([invoice], options.payments ?? [], today);
    const { send, done } = remindersDue({ balances, delivered: [{ id: 'm2', deliveredOn: '2026-11-10' }], fired, enabled: options.enabled ?? all, today });
    sent.push(...send.map((reminder) => `${today} ${reminder.key}`));
    for (const key of done) fired.add(key);
  }
  return sent;
}

const everyDay = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));

describe('reminders', () => {
  it('fires each step once on a machine that checks every day', () => {
    expect(simulate(everyDay('2026-11-10', 40))).toEqual([
      '2026-11-11 milestone:m2:not-invoiced',
      '2026-11-15 invoice:i1:due',
      '2026-11-22 invoice:i1:overdue-7',
      '2026-12-15 invoice:i1:overdue-30',
    ]);
  });

  it('never repeats when checked many times a day, or at every browser start', () => {
    const days = everyDay('2026-11-14', 10).flatMap((day) => [day, day, day]);
    expect(simulate(days)).toEqual(['2026-11-14 milestone:m2:not-invoiced', '2026-11-15 invoice:i1:due', '2026-11-22 invoice:i1:overdue-7']);
  });

  it('catches up after the machine slept, with only the latest step', () => {
    expect(simulate(['2026-11-14', '2026-12-20', '2026-12-21'])).toEqual([
      '2026-11-14 milestone:m2:not-invoiced',
      '2026-12-20 invoice:i1:overdue-30',
    ]);
  });

  it('stops once the invoice is paid', () => {
    const payments = [{ invoiceId: 'i1', amount: 1000, date: '2026-11-20' }];
    expect(simulate(everyDay('2026-11-15', 30), { payments })).toEqual(['2026-11-15 invoice:i1:due', '2026-11-15 milestone:m2:not-invoiced']);
  });

  it('sends nothing for a switched-off step, and does not send it late when switched back on', () => {
    const enabled = new Set<ReminderStep>(['overdue-30']);
    expect(simulate(everyDay('2026-11-10', 40), { enabled })).toEqual(['2026-12-15 invoice:i1:overdue-30']);
  });
});
