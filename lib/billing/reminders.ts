import { daysBetween, type IsoDate } from './dates';
import type { InvoiceBalance } from './receivables';

/**
 * Payment reminders. Each invoice goes through the steps "due", "7 days overdue" and "30 days
 * overdue"; a delivered milestone left uninvoiced gets one nudge. A step fires once. After the
 * machine slept through several steps only the latest fires, and the ones it passed are recorded
 * as done, so nothing repeats or arrives late and stale.
 */
export const reminderSteps = ['due', 'overdue-7', 'overdue-30', 'not-invoiced'] as const;
export type ReminderStep = (typeof reminderSteps)[number];

export interface Reminder {
  /** Identifies subject and step, e.g. "invoice:<id>:overdue-7"; stored once fired. */
  key: string;
  step: ReminderStep;
  subjectId: string;
}

export interface DeliveredMilestone {
  id: string;
  deliveredOn: IsoDate;
}

const invoiceSteps: { step: ReminderStep; afterDays: number }[] = [
  { step: 'overdue-30', afterDays: 30 },
  { step: 'overdue-7', afterDays: 7 },
  { step: 'due', afterDays: 0 },
];

export const reminderKey = (kind: 'invoice' | 'milestone', id: string, step: ReminderStep) => `${kind}:${id}:${step}`;

/** The reminders to send now, and every key to mark as done (sent or passed while asleep). */
export function remindersDue(input: {
  balances: readonly InvoiceBalance[];
  delivered: readonly DeliveredMilestone[];
  fired: ReadonlySet<string>;
  enabled: ReadonlySet<ReminderStep>;
  today: IsoDate;
}): { send: Reminder[]; done: string[] } {
  const send: Reminder[] = [];
  const done: string[] = [];
  for (const { invoice, balance } of input.balances) {
    if (!balance) continue;
    const overdue = daysBetween(invoice.dueDate, input.today);
    const reached = invoiceSteps.filter(({ afterDays }) => overdue >= afterDays);
    const latest = reached[0];
    if (!latest) continue;
    const key = reminderKey('invoice', invoice.id, latest.step);
    if (input.fired.has(key)) continue;
    if (input.enabled.has(latest.step)) send.push({ key, step: latest.step, subjectId: invoice.id });
    done.push(...reached.map(({ step }) => reminderKey('invoice', invoice.id, step)).filter((k) => !input.fired.has(k)));
  }
  for (const milestone of input.delivered) {
    const key = reminderKey('milestone', milestone.id, 'not-invoiced');
    if (input.fired.has(key) || daysBetween(milestone.deliveredOn, input.today) < 1) continue;
    if (input.enabled.has('not-invoiced')) send.push({ key, step: 'not-invoiced', subjectId: milestone.id });
    done.push(key);
  }
  return { send, done };
}
