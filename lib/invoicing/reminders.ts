import Dexie from 'dexie';
import { localDate } from '../billing/dates';
import { formatMoney, money } from '../billing/money';
import { remindersDue, type Reminder } from '../billing/reminders';
import type { IsoDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import { exposureReport, exposureSummary, onlySnapshotsChanged, refreshExposureSnapshot, type ExposureSummary } from '../db/exposure';
import { getSetting, putSetting } from '../db/settings';
import { everyDayAndAtStartup, setToolbarBadge } from '../platform/runtime';
import { t } from '../ui/i18n';
import type { InvoiceOutbox } from './service';

/**
 * The daily reminder check. What to send is decided and recorded as sent in one transaction, so a
 * check at browser start and the alarm running together still send each reminder once.
 */
export async function runReminders(db: MilestoneDatabase, outbox: InvoiceOutbox, today: IsoDate, locale: string): Promise<number> {
  const tables = [db.settings, db.projects, db.milestones, db.invoices, db.payments, db.clients];
  const messages = await db.transaction('rw', tables, async () => {
    const { enabled } = await getSetting(db, 'reminders');
    const fired = await getSetting(db, 'remindersFired');
    const { balances } = await exposureReport(db, today);
    const milestones = await db.milestones.where('state').anyOf('delivered', 'accepted').toArray();
    const delivered = milestones.flatMap((m) => (m.deliveredOn ? [{ id: m.id, deliveredOn: m.deliveredOn }] : []));
    const due = remindersDue({ balances, delivered, fired: new Set(fired.keys), enabled: new Set(enabled), today });
    if (due.done.length) await putSetting(db, 'remindersFired', { keys: [...fired.keys, ...due.done] });
    const texts = [];
    for (const reminder of due.send) texts.push(await describe(db, reminder, locale));
    return texts;
  });
  for (const { title, message } of messages) await outbox.notice(title, message);
  return messages.length;
}

async function describe(db: MilestoneDatabase, reminder: Reminder, locale: string): Promise<{ title: string; message: string }> {
  if (reminder.step === 'not-invoiced') {
    const milestone = (await db.milestones.get(reminder.subjectId))!;
    return { title: t('reminderNotInvoicedTitle', milestone.title), message: t('reminderNotInvoicedMessage', milestone.deliveredOn ?? '') };
  }
  const invoice = (await db.invoices.get(reminder.subjectId))!;
  const amount = formatMoney(money(invoice.gross, invoice.currency), locale);
  const title = { due: () => t('reminderDueTitle', invoice.number), 'overdue-7': () => t('reminderOverdue7Title', invoice.number), 'overdue-30': () => t('reminderOverdue30Title', invoice.number) }[reminder.step];
  return { title: title(), message: t('reminderInvoiceMessage', invoice.buyer.name, amount, invoice.dueDate) };
}


/**
 * Keeps the toolbar badge, the popup's exposure summary and the reminders current in the
 * background: a daily check (and one at browser start), and a refresh after any write from any
 * context.
 */
export function watchReceivables(db: MilestoneDatabase, outbox: InvoiceOutbox, locale: string): void {
  const today = () => localDate(new Date());
  const showBadge = (summary: ExposureSummary) => setToolbarBadge(String(summary.overdueCount || ''));
  // One computation per change feeds both the badge and the popup's kept summary.
  const refresh = async () => showBadge(await refreshExposureSnapshot(db, today()));
  void everyDayAndAtStartup('reminders', () => {
    void runReminders(db, outbox, today(), locale);
    void refresh();
  });
  let pending: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', (parts) => {
    if (onlySnapshotsChanged(parts)) return;
    clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 300);
  });
  // The worker wakes often; today's kept summary spares it a full recomputation each time.
  void exposureSummary(db, today()).then(showBadge);
}
