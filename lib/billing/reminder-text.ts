/** A polite payment reminder the user pastes into an email: what, how much, since when, how to pay. */
export function reminderText(input: {
  client: string;
  number: string;
  amount: string;
  dueDate: string;
  daysOverdue: number;
  paymentInstructions: string;
  paymentLink: string;
  sender: string;
  /** The project's late-payment terms in words, and what they have accrued (formatted), if any. */
  lateTerms?: string;
  lateCharges?: string;
}): string {
  const when = input.daysOverdue > 0 ? `was due on ${input.dueDate} (${input.daysOverdue} days ago)` : `is due on ${input.dueDate}`;
  const how = [input.paymentInstructions && `by bank transfer to ${input.paymentInstructions}`, input.paymentLink && `online at ${input.paymentLink}`]
    .filter(Boolean)
    .join(', or ');
  const late = input.lateTerms ? [`${input.lateTerms}${input.lateCharges ? ` To date, ${input.lateCharges} has accrued on this invoice.` : ''}`, ''] : [];
  return [
    `Dear ${input.client},`,
    '',
    `This is a friendly reminder that invoice ${input.number} for ${input.amount} ${when}.${how ? ` You can pay ${how}.` : ''}`,
    '',
    ...late,
    'If you have already paid, thank you, and please disregard this message.',
    '',
    'Kind regards,',
    input.sender,
  ].join('\n');
}
