/**
 * The words printed on an invoice, in reminders and in the issue notification, in English. Every
 * other language is typed against this table, so a missing or extra key is a type error.
 * Placeholders arrive formatted in the client's locale.
 */
export const en = {
  invoice: 'Invoice',
  creditNote: 'Credit note',
  prepaymentInvoice: 'Prepayment invoice',
  draft: 'DRAFT – NOT AN INVOICE',
  draftTitle: 'Draft invoice',

  amountDue: 'Amount due',
  amountCredited: 'Amount credited',
  dueOn: (date: string) => `Due ${date}`,

  from: 'FROM',
  billTo: 'BILL TO',
  sellerTaxId: (id: string) => `Tax ID ${id}`,
  buyerVatId: (id: string) => `VAT ID ${id}`,

  invoiceNumber: 'Invoice number',
  creditNoteNumber: 'Credit note number',
  assignedWhenIssued: 'Assigned when issued',
  issueDate: 'Issue date',
  type: 'Type',
  prepaymentType: 'Prepayment invoice: a payment on account before delivery',
  prepaymentCreditType: 'Credit for a prepayment invoice',
  supplyDate: 'Date of supply',
  originalSupplyDate: 'Original supply date',
  dueDate: 'Due date',
  paymentTerms: 'Payment terms',
  project: 'Project',
  contractReference: 'Contract reference',
  correctsInvoice: 'Corrects invoice',
  numberOfDate: (number: string, date: string) => `${number} of ${date}`,

  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  amountInclTax: 'Amount (incl. tax)',
  shareOfContract: (percent: string, total: string, basis: string) => `${percent} of the contract total of ${total} (${basis})`,
  taxIncluded: 'tax included',
  beforeTax: 'before tax',

  netAmount: 'Net amount',
  taxOf: (name: string, rate: string, base: string) => `${name} ${rate} of ${base}`,
  reverseChargeRow: (name: string) => `${name}: reverse charge`,
  total: (currency: string) => `Total (${currency})`,
  reverseChargeNote: 'Reverse charge: VAT is to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).',
  prepaymentNote: 'Prepayment invoice (payment on account): the final invoice of the contract deducts it.',

  settlement: 'Contract settlement (amounts include tax)',
  contractTotal: 'Contract total',
  lessPrepaymentInvoice: (number: string, date: string) => `Less prepayment invoice ${number} of ${date}`,
  lessInvoice: (number: string, date: string) => `Less invoice ${number} of ${date}`,
  thisInvoiceDueNow: 'This invoice, due now',
  paymentReceived: (date: string) => `Payment received ${date}`,
  outstandingAfter: 'Outstanding on the contract after this invoice',

  payment: 'Payment',
  termsDue: (terms: string, date: string) => `${terms}, due ${date}.`,
  payTo: 'Pay to',
  bankTransfer: 'Bank transfer',
  payOnline: 'Pay online',
  accepted: 'Accepted',
  acceptedBy: (by: string, date: string) => `by ${by} on ${date}`,
  deliveredWork: 'Delivered work',
  scanBankingApp: 'Scan to pay with your banking app',
  scanOnline: 'Scan to pay online',
  sepaTransfer: (amount: string, name: string, iban: string, reference: string) => `SEPA credit transfer of ${amount} to ${name}, ${iban}, reference ${reference}`,
  pageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,

  termsOnReceipt: 'Due on receipt',
  termsNet: (days: string) => `Net ${days}`,
  termsEndOfMonth: 'End of month',
  termsEndOfMonthPlus: (days: string) => `End of month + ${days} days`,
  lateMonthly: (rate: string) => `Late payment: interest of ${rate} per month on overdue amounts.`,
  lateEuStatutory: (rate: string) => `Late payment: interest at the ECB reference rate (${rate}) plus 8 points a year, and a fixed compensation of 40 EUR (Directive 2011/7/EU).`,
  lateFlatFee: (fee: string) => `Late payment: a fee of ${fee} once an invoice is overdue.`,

  reminderGreeting: (client: string) => `Dear ${client},`,
  reminderOverdue: (number: string, amount: string, date: string, days: string) => `This is a friendly reminder that invoice ${number} for ${amount} was due on ${date} (${days} days ago).`,
  reminderComing: (number: string, amount: string, date: string) => `This is a friendly reminder that invoice ${number} for ${amount} is due on ${date}.`,
  reminderPayBy: (ways: string) => `You can pay ${ways}.`,
  reminderByTransfer: (account: string) => `by bank transfer to ${account}`,
  reminderOnline: (link: string) => `online at ${link}`,
  reminderOr: ', or ',
  reminderAccrued: (charges: string) => `To date, ${charges} has accrued on this invoice.`,
  reminderThanks: 'If you have already paid, thank you, and please disregard this message.',
  reminderClosing: 'Kind regards,',

  issuedInvoice: (number: string) => `Invoice ${number} generated`,
  issuedCreditNote: (number: string) => `Credit note ${number} issued`,
  // Notes of the structured e-invoice (EN 16931 BT-20, BT-120).
  creditedTerms: 'The credited amount is refunded or set off against open invoices.',
  notSubjectToVat: 'Not subject to VAT',
};

export type Labels = typeof en;
