import { formatMoney, money } from '../billing/money';
import { invoiceBalances } from '../billing/receivables';
import { transition } from '../billing/lifecycle';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { paymentSchema, type Payment } from './entities';
import { InputError, parseOrThrow } from './errors';

/** Records a full or partial payment and moves the invoiced milestone to partially paid or paid. */
export async function recordPayment(db: MilestoneDatabase, input: Omit<Payment, 'id'>, now = Date.now()): Promise<Payment> {
  const payment = parseOrThrow(paymentSchema, { ...input, id: newId() }, 'payment');
  return db.transaction('rw', [db.invoices, db.payments, db.milestones, db.activity], async () => {
    const invoice = await db.invoices.get(payment.invoiceId);
    if (!invoice || invoice.kind !== 'invoice') throw new InputError('That invoice does not exist');
    if (invoice.voidedBy) throw new InputError(`Invoice ${invoice.number} is void`);
    const paid = await db.payments.where('invoiceId').equals(invoice.id).toArray();
    const [before] = invoiceBalances([invoice], paid, '9999-12-31');
    if (payment.amount > before!.balance) {
      // The database knows no locale: the amount as English writes it, never in minor units.
      throw new InputError(`The payment is more than the ${formatMoney(money(before!.balance, invoice.currency), 'en')} still due on ${invoice.number}`);
    }

    await db.payments.add(payment);
    const milestone = invoice.milestoneId ? await db.milestones.get(invoice.milestoneId) : undefined;
    const next = payment.amount === before!.balance ? 'paid' : 'partially-paid';
    if (milestone && milestone.state !== next && transition(milestone.state, next).ok) {
      await db.milestones.update(milestone.id, { state: next });
    }
    await recordActivity(
      db,
      { kind: 'payment', projectId: invoice.projectId, milestoneId: invoice.milestoneId, summary: `Payment recorded on ${invoice.number}` },
      now,
    );
    return payment;
  });
}
