/** The words of a reminder, in the client's language (lib/invoicing/labels has one table per language). */
export interface ReminderWords {
  reminderGreeting(client: string): string;
  reminderOverdue(number: string, amount: string, date: string, days: string): string;
  reminderComing(number: string, amount: string, date: string): string;
  reminderPayBy(ways: string): string;
  reminderByTransfer(account: string): string;
  reminderOnline(link: string): string;
  reminderOr: string;
  reminderAccrued(charges: string): string;
  reminderThanks: string;
  reminderClosing: string;
}

/** A polite payment reminder the user pastes into an email: what, how much, since when, how to pay. */
export function reminderText(input: {
  words: ReminderWords;
  client: string;
  number: string;
  amount: string;
  dueDate: string;
  daysOverdue: number;
  /** The overdue days as the client's locale writes the number. */
  daysText?: string;
  /** Where a bank transfer goes: the payment instructions and the account, as printed. */
  bankAccount: string;
  paymentLink: string;
  sender: string;
  /** The project's late-payment terms in words, and what they have accrued (formatted), if any. */
  lateTerms?: string;
  lateCharges?: string;
}): string {
  const { words } = input;
  const when = input.daysOverdue > 0
    ? words.reminderOverdue(input.number, input.amount, input.dueDate, input.daysText ?? String(input.daysOverdue))
    : words.reminderComing(input.number, input.amount, input.dueDate);
  const how = [input.bankAccount && words.reminderByTransfer(input.bankAccount), input.paymentLink && words.reminderOnline(input.paymentLink)]
    .filter(Boolean)
    .join(words.reminderOr);
  const late = input.lateTerms ? [`${input.lateTerms}${input.lateCharges ? ` ${words.reminderAccrued(input.lateCharges)}` : ''}`, ''] : [];
  return [
    words.reminderGreeting(input.client),
    '',
    `${when}${how ? ` ${words.reminderPayBy(how)}` : ''}`,
    '',
    ...late,
    words.reminderThanks,
    '',
    words.reminderClosing,
    input.sender,
  ].join('\n');
}
