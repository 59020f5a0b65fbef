import type { Labels } from './en';

/**
 * German. A seller's correcting document is a "Rechnungskorrektur", never a "Gutschrift", which
 * § 14 (2) UStG reserves for self-billing by the recipient; the reverse-charge wording is the one
 * § 14a (5) UStG prescribes.
 */
export const de: Labels = {
  invoice: 'Rechnung',
  creditNote: 'Rechnungskorrektur',
  prepaymentInvoice: 'Anzahlungsrechnung',
  draft: 'ENTWURF – KEINE RECHNUNG',
  draftTitle: 'Rechnungsentwurf',

  amountDue: 'Zu zahlender Betrag',
  amountCredited: 'Gutgeschriebener Betrag',
  dueOn: (date) => `Fällig am ${date}`,

  from: 'VON',
  billTo: 'RECHNUNG AN',
  sellerTaxId: (id) => `Steuernr./USt-IdNr. ${id}`,
  buyerVatId: (id) => `USt-IdNr. ${id}`,

  invoiceNumber: 'Rechnungsnummer',
  creditNoteNumber: 'Nummer der Rechnungskorrektur',
  assignedWhenIssued: 'Wird bei Ausstellung vergeben',
  issueDate: 'Rechnungsdatum',
  type: 'Art',
  prepaymentType: 'Anzahlungsrechnung: Anzahlung vor der Leistung',
  prepaymentCreditType: 'Korrektur einer Anzahlungsrechnung',
  supplyDate: 'Leistungsdatum',
  originalSupplyDate: 'Ursprüngliches Leistungsdatum',
  dueDate: 'Fälligkeitsdatum',
  paymentTerms: 'Zahlungsbedingungen',
  project: 'Projekt',
  contractReference: 'Vertragsreferenz',
  correctsInvoice: 'Korrigiert Rechnung',
  numberOfDate: (number, date) => `${number} vom ${date}`,

  description: 'Beschreibung',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  amount: 'Betrag',
  amountInclTax: 'Betrag (inkl. Steuer)',
  shareOfContract: (percent, total, basis) => `${percent} der Vertragssumme von ${total} (${basis})`,
  taxIncluded: 'inkl. Steuer',
  beforeTax: 'netto',

  netAmount: 'Nettobetrag',
  taxOf: (name, rate, base) => `${name} ${rate} auf ${base}`,
  reverseChargeRow: (name) => `${name}: Steuerschuldnerschaft des Leistungsempfängers`,
  total: (currency) => `Gesamtbetrag (${currency})`,
  reverseChargeNote: 'Steuerschuldnerschaft des Leistungsempfängers: Die Umsatzsteuer schuldet der Leistungsempfänger (Artikel 196 der Richtlinie 2006/112/EG).',
  prepaymentNote: 'Anzahlungsrechnung: Die Schlussrechnung des Vertrags zieht diese Anzahlung ab.',

  settlement: 'Vertragsabrechnung (Beträge inkl. Steuer)',
  contractTotal: 'Vertragssumme',
  lessPrepaymentInvoice: (number, date) => `Abzüglich Anzahlungsrechnung ${number} vom ${date}`,
  lessInvoice: (number, date) => `Abzüglich Rechnung ${number} vom ${date}`,
  thisInvoiceDueNow: 'Diese Rechnung, jetzt fällig',
  paymentReceived: (date) => `Zahlung erhalten am ${date}`,
  outstandingAfter: 'Offen aus dem Vertrag nach dieser Rechnung',

  payment: 'Zahlung',
  termsDue: (terms, date) => `${terms}, fällig am ${date}.`,
  payTo: 'Zahlung an',
  bankTransfer: 'Überweisung',
  payOnline: 'Online bezahlen',
  accepted: 'Abgenommen',
  acceptedBy: (by, date) => `von ${by} am ${date}`,
  deliveredWork: 'Geliefertes Ergebnis',
  scanBankingApp: 'Mit Ihrer Banking-App scannen und bezahlen',
  scanOnline: 'Scannen und online bezahlen',
  sepaTransfer: (amount, name, iban, reference) => `SEPA-Überweisung von ${amount} an ${name}, ${iban}, Verwendungszweck ${reference}`,
  pageOf: (page, pages) => `Seite ${page} von ${pages}`,

  termsOnReceipt: 'Zahlbar sofort nach Erhalt',
  termsNet: (days) => `Zahlbar innerhalb von ${days} Tagen`,
  termsEndOfMonth: 'Zahlbar zum Monatsende',
  termsEndOfMonthPlus: (days) => `Zahlbar ${days} Tage nach Monatsende`,
  lateMonthly: (rate) => `Zahlungsverzug: Zinsen von ${rate} pro Monat auf überfällige Beträge.`,
  lateEuStatutory: (rate) => `Zahlungsverzug: Zinsen in Höhe des EZB-Referenzzinssatzes (${rate}) zuzüglich 8 Prozentpunkten pro Jahr sowie eine Pauschale von 40 EUR (Richtlinie 2011/7/EU).`,
  lateFlatFee: (fee) => `Zahlungsverzug: eine Gebühr von ${fee}, sobald eine Rechnung überfällig ist.`,

  reminderGreeting: (client) => `${client}\n\nSehr geehrte Damen und Herren,`,
  reminderOverdue: (number, amount, date, days) => `wir möchten Sie freundlich daran erinnern, dass die Rechnung ${number} über ${amount} am ${date} fällig war (vor ${days} Tagen).`,
  reminderComing: (number, amount, date) => `wir möchten Sie freundlich daran erinnern, dass die Rechnung ${number} über ${amount} am ${date} fällig ist.`,
  reminderPayBy: (ways) => `Sie können ${ways} bezahlen.`,
  reminderByTransfer: (account) => `per Überweisung an ${account}`,
  reminderOnline: (link) => `online unter ${link}`,
  reminderOr: ' oder ',
  reminderAccrued: (charges) => `Bis heute sind auf diese Rechnung ${charges} angefallen.`,
  reminderThanks: 'Falls Sie bereits bezahlt haben, danken wir Ihnen und bitten Sie, diese Nachricht zu ignorieren.',
  reminderClosing: 'Mit freundlichen Grüßen',

  issuedInvoice: (number) => `Rechnung ${number} erstellt`,
  issuedCreditNote: (number) => `Rechnungskorrektur ${number} ausgestellt`,
  // Notes of the structured e-invoice (EN 16931 BT-20, BT-120).
  creditedTerms: 'Der gutgeschriebene Betrag wird erstattet oder mit offenen Rechnungen verrechnet.',
  notSubjectToVat: 'Nicht steuerbar',
};
