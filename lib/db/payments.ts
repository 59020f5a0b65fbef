import { formatMoney, money } from '../billing/money';
import { invoiceBalances } from '../billing/receivables';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { paymentSchema, type Invoice, type Payment } from './entities';
import { InputError, parseOrThrow } from './errors';
import { t } from '../ui/i18n';

/** Records a full or partial payment and moves the invoiced milestone to partially paid or paid. */
export async function recordPayment(db: MilestoneDatabase, input: Omit<Payment, 'id'>, now = Date.now()): Promise<Payment> {
  const payment = parseOrThrow(paymentSchema, { ...input, id: newId() });
  if (payment.refundOf) throw new InputError(t('refundAgainstPayment'));
  return db.transaction('rw', [db.invoices, db.payments, db.milestones, db.activity], async () => {
    const invoice = await db.invoices.get(payment.invoiceId);
    if (!invoice || invoice.kind !== 'invoice') throw new InputError(t('invoiceMissing'));
    if (invoice.voidedBy) throw new InputError(t('invoiceIsVoid', invoice.number));
    const paid = await db.payments.where('invoiceId').equals(invoice.id).toArray();
    const balance = await balanceOf(db, invoice, paid);
    if (payment.amount > balance) {
      // The amount as the catalog's language writes it, never in minor units.
      throw new InputError(t('paymentMoreThanDueOn', formatMoney(money(balance, invoice.currency), t('catalogLanguage')), invoice.number));
    }

    await db.payments.add(payment);
    await followBalance(db, invoice, [...paid, payment]);
    await recordActivity(
      db,
      { kind: 'payment', projectId: invoice.projectId, milestoneId: invoice.milestoneId, summary: `Payment recorded on ${invoice.number}` },
      now,
    );
    return payment;
  });
}

export interface RefundInput {
  paymentId: string;
  /** What is paid back, in minor units, more than zero. */
  amount: number;
  date: string;
  note: string;
}

/** What is left to refund of a payment: its amount less the refunds already recorded against it. */
export function refundable(payment: Payment, all: readonly Payment[]): number {
  return payment.amount + all.filter((other) => other.refundOf === payment.id).reduce((acc, refund) => acc + refund.amount, 0);
}

/** An invoice's payments that can still be refunded, with how much of each. */
export async function refundablePayments(db: MilestoneDatabase, invoiceId: string): Promise<{ payment: Payment; refundable: number }[]> {
  const all = await db.payments.where('invoiceId').equals(invoiceId).toArray();
  return all
    .filter((payment) => payment.amount > 0)
    .map((payment) => ({ payment, refundable: refundable(payment, all) }))
    .filter((row) => row.refundable > 0)
    .sort((a, b) => a.payment.date.localeCompare(b.payment.date));
}

/**
 * Records money paid back to the client against one payment, never more than is left of it. The
 * refund lowers what was paid on the invoice, so the balance and the milestone's state follow.
 */
export async function recordRefund(db: MilestoneDatabase, input: RefundInput, now = Date.now()): Promise<Payment> {
  return db.transaction('rw', [db.invoices, db.payments, db.milestones, db.activity], async () => {
    const paid = await db.payments.get(input.paymentId);
    if (!paid || paid.amount <= 0) throw new InputError(t('paymentMissing'));
    const invoice = (await db.invoices.get(paid.invoiceId))!;
    const all = await db.payments.where('invoiceId').equals(invoice.id).toArray();
    const left = refundable(paid, all);
    if (!Number.isInteger(input.amount) || input.amount <= 0) throw new InputError(t('refundAboveZero'));
    const show = (minor: number) => formatMoney(money(minor, invoice.currency), t('catalogLanguage'));
    if (input.amount > left) throw new InputError(t('refundMoreThanLeftOfPayment', show(left), show(paid.amount), paid.date));
    const refund = parseOrThrow(
      paymentSchema,
      { id: newId(), invoiceId: invoice.id, amount: -input.amount, date: input.date, method: paid.method, note: input.note, refundOf: paid.id },
    );
    await db.payments.add(refund);
    await followBalance(db, invoice, [...all, refund]);
    await recordActivity(db, { kind: 'payment', projectId: invoice.projectId, milestoneId: invoice.milestoneId, summary: `Refund of ${formatMoney(money(input.amount, invoice.currency), 'en')} recorded on ${invoice.number}` }, now);
    return refund;
  });
}

/** What is still due on an invoice after its payments, refunds and credit notes. */
async function balanceOf(db: MilestoneDatabase, invoice: Invoice, payments: readonly Payment[]): Promise<number> {
  const credits = await db.invoices.where('projectId').equals(invoice.projectId).filter((other) => other.creditsInvoiceId === invoice.id).toArray();
  return invoiceBalances([invoice, ...credits], payments, '9999-12-31')[0]!.balance;
}

/** A milestone still billed by this invoice takes the state its balance says: paid, partially paid or invoiced. */
export async function followBalance(db: MilestoneDatabase, invoice: Invoice, payments: readonly Payment[]): Promise<void> {
  const milestone = invoice.milestoneId ? await db.milestones.get(invoice.milestoneId) : undefined;
  if (!milestone || milestone.invoiceId !== invoice.id || invoice.voidedBy) return;
  const paidNet = payments.reduce((acc, payment) => acc + payment.amount, 0);
  const state = (await balanceOf(db, invoice, payments)) === 0 ? 'paid' : paidNet > 0 ? 'partially-paid' : 'invoiced';
  // The balance decides, refunds included: a refund may take a paid milestone back to part paid.
  if (milestone.state !== state) await db.milestones.update(milestone.id, { state });
}

/** An invoice's payments and refunds, oldest first. */
export function invoicePayments(db: MilestoneDatabase, invoiceId: string): Promise<Payment[]> {
  return db.payments.where('invoiceId').equals(invoiceId).sortBy('date');
}

/**
 * Deletes a payment recorded by mistake (or a refund), logs it, and lets the milestone follow the
 * balance: a paid invoice is open again. A payment with refunds against it keeps them consistent
 * only if they go first.
 */
export async function deletePayment(db: MilestoneDatabase, paymentId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.invoices, db.payments, db.milestones, db.activity], async () => {
    const payment = await db.payments.get(paymentId);
    if (!payment) throw new InputError(t('paymentAlreadyDeleted'));
    if (await db.payments.where('invoiceId').equals(payment.invoiceId).filter((other) => other.refundOf === payment.id).count()) {
      throw new InputError(t('paymentHasRefund'));
    }
    const invoice = (await db.invoices.get(payment.invoiceId))!;
    await db.payments.delete(payment.id);
    await followBalance(db, invoice, await db.payments.where('invoiceId').equals(invoice.id).toArray());
    const what = payment.amount < 0 ? 'Refund' : 'Payment';
    const amount = formatMoney(money(Math.abs(payment.amount), invoice.currency), 'en');
    await recordActivity(
      db,
      { kind: 'payment-deleted', projectId: invoice.projectId, milestoneId: invoice.milestoneId, summary: `${what} of ${amount} on ${payment.date} deleted from ${invoice.number}` },
      now,
    );
  });
}
