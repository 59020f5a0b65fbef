import { currencyExponent, toDecimalString } from '../../billing/money';
import type { TaxCategory } from '../../billing/tax';
import type { Invoice } from '../../db/entities';
import { InputError } from '../../db/errors';
import { addressCountry, addressLines, compactTaxId, countryOf, isVatId } from './country';
import { labelsFor } from '../labels';
import { t } from '../../ui/i18n';

/**
 * Our invoice record said in EN 16931's business terms (BT-n, BG-n): the one place that decides
 * what each term holds. ubl.ts and cii.ts only spell these terms in their syntax.
 */
export const customizations = ['en16931', 'xrechnung', 'peppol'] as const;
export type Customization = (typeof customizations)[number];

/** BT-24, the specification the document follows. */
const CUSTOMIZATION_IDS: Record<Customization, string> = {
  en16931: 'urn:cen.eu:en16931:2017',
  xrechnung: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
  peppol: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
};
/** BT-23, the business process: Peppol names its billing process; the others leave it out. */
const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

export interface EInvoiceSource {
  invoice: Invoice;
  customization: Customization;
  /** BT-10, the reference the buyer asked to be quoted (a purchase order, a Leitweg-ID). */
  buyerReference?: string;
  /** For a credit note: the invoice it corrects (BG-3). */
  credits?: { number: string; issueDate: string };
  /** BT-12 */
  contractRef?: string;
  /** BT-20, the payment terms as the PDF states them ("Net 14"). */
  paymentTerms?: string;
}

/** UNTDID 5305 VAT category codes. */
export type VatCode = 'S' | 'Z' | 'E' | 'AE' | 'O';

export interface TradeParty {
  name: string;
  /** BT-29: how the buyer identifies a seller that states no VAT id (BR-CO-26). */
  identifier?: string;
  street?: string;
  additionalStreet?: string;
  postcode?: string;
  city?: string;
  country: string;
  /** BT-31 / BT-48 */
  vatId?: string;
  /** BT-32: a tax number that is not a VAT id. */
  taxRegistration?: string;
  /** BT-47: the buyer's registration when it is not a VAT id. */
  legalId?: string;
  email?: string;
}

export interface TermsLine {
  id: string;
  name: string;
  /** BT-129; negative for a discount. */
  quantity: string;
  unitCode: string;
  /** BT-131, in minor units. */
  netAmount: number;
  /** BT-146, never negative, for BT-149 units (absent: one). */
  price: string;
  baseQuantity?: string;
  vatCode: VatCode;
  vatRate: string;
}

export interface VatBreakdown {
  code: VatCode;
  rate: string;
  base: number;
  tax: number;
  exemptionReason?: string;
}

export interface BusinessTerms {
  customizationId: string;
  profileId?: string;
  number: string;
  typeCode: '380' | '381' | '386';
  issueDate: string;
  dueDate?: string;
  deliveryDate?: string;
  currency: string;
  buyerReference?: string;
  contractRef?: string;
  notes: string[];
  paymentTerms?: string;
  /** BG-16: how to pay, when the seller has given an account. */
  paymentMeans?: PaymentMeans;
  preceding: { number: string; issueDate: string }[];
  seller: TradeParty;
  buyer: TradeParty;
  lines: TermsLine[];
  vat: VatBreakdown[];
  totals: { lineNet: number; taxExclusive: number; tax: number; taxInclusive: number; prepaid: number; payable: number };
  /** Minor units as the decimal the syntax writes ("1234.50"). */
  amount: (minor: number) => string;
}

export interface PaymentMeans {
  /** BT-81, UNTDID 4461: 58 a SEPA credit transfer, 30 any other credit transfer. */
  code: '58' | '30';
  /** BT-83, the remittance information: the invoice number, as the PDF's payment code has it. */
  reference: string;
  /** BT-84 */
  iban: string;
  /** BT-86 */
  bic?: string;
}

const CATEGORY_CODES: Record<TaxCategory, VatCode> = { standard: 'S', reduced: 'S', zero: 'Z', exempt: 'E', 'reverse-charge': 'AE' };

/** The invoice's EN 16931 terms, or an InputError saying in plain words what stops it being one. */
export function businessTerms(source: EInvoiceSource): BusinessTerms {
  const { invoice, customization } = source;
  const labels = labelsFor(invoice.buyer.locale);
  const buyerReference = source.buyerReference?.trim() || undefined;
  if (customization === 'xrechnung' && !buyerReference) {
    throw new InputError(t('addLeitwegId', invoice.buyer.name));
  }
  if (currencyExponent(invoice.currency) > 2) throw new InputError(t('einvoiceDecimals', invoice.currency));
  const vat = vatBreakdown(invoice, labels.notSubjectToVat);
  const outOfScope = vat.some((row) => row.code === 'O');
  if (outOfScope && vat.length > 1) throw new InputError(t('einvoiceMixedTax'));
  const prepaid = (invoice.prepayments ?? []).reduce((acc, prepayment) => acc + prepayment.gross, 0);
  const credit = invoice.kind === 'credit-note';
  const prepayment = !credit && invoice.prepayment === true;
  return {
    customizationId: CUSTOMIZATION_IDS[customization],
    profileId: customization === 'peppol' ? PEPPOL_PROFILE : undefined,
    number: invoice.number,
    typeCode: credit ? '381' : prepayment ? '386' : '380',
    issueDate: invoice.issueDate,
    dueDate: credit ? undefined : invoice.dueDate,
    deliveryDate: prepayment ? undefined : invoice.supplyDate,
    currency: invoice.currency,
    buyerReference,
    contractRef: source.contractRef?.trim() || undefined,
    notes: [...(prepayment ? [labels.prepaymentType] : []), ...zeroRatedWording(invoice)],
    paymentTerms: credit ? labels.creditedTerms : source.paymentTerms?.trim() || undefined,
    paymentMeans: credit ? undefined : paymentMeans(invoice),
    preceding: credit ? (source.credits ? [source.credits] : []) : (invoice.prepayments ?? []).map(({ number, issueDate }) => ({ number, issueDate })),
    seller: tradeParty(invoice.seller, undefined, 'seller', outOfScope),
    buyer: tradeParty(invoice.buyer, invoice.buyer.locale, 'buyer', outOfScope),
    lines: termsLines(invoice, vat),
    vat,
    totals: { lineNet: invoice.net, taxExclusive: invoice.net, tax: invoice.tax, taxInclusive: invoice.gross, prepaid, payable: invoice.gross - prepaid },
    amount: (minor) => toDecimalString({ amount: minor, currency: invoice.currency }),
  };
}

const percent = (basisPoints: number) => (basisPoints / 100).toFixed(2);

/** BG-23: one row per category and rate. A category charged by several rates (US state and county) has no EN 16931 form. */
/** The transfer the seller asks for, from the account the invoice kept when it was issued. */
function paymentMeans({ seller, currency, number }: Invoice): PaymentMeans | undefined {
  if (!seller.iban) return undefined;
  return { code: currency === 'EUR' ? '58' : '30', reference: number, iban: seller.iban, bic: seller.bic || undefined };
}

function vatBreakdown(invoice: Invoice, notSubjectToVat: string): VatBreakdown[] {
  if (invoice.reverseCharge) {
    const row = invoice.taxLines[0];
    return [{ code: 'AE', rate: percent(0), base: invoice.net, tax: 0, exemptionReason: row?.exemption }];
  }
  const rows = new Map<string, VatBreakdown>();
  const categories = new Set<TaxCategory>();
  for (const row of invoice.taxLines) {
    if (categories.has(row.category)) throw new InputError(t('einvoiceOneRate', row.category, row.name));
    categories.add(row.category);
    const code = CATEGORY_CODES[row.category];
    const key = `${code}:${row.basisPoints}`;
    const merged = rows.get(key);
    const exemptionReason = code === 'E' ? row.exemption : undefined;
    rows.set(key, merged ? { ...merged, base: merged.base + row.base, tax: merged.tax + row.amount } : { code, rate: percent(row.basisPoints), base: row.base, tax: row.amount, exemptionReason });
  }
  const untaxed = invoice.lines.filter((line) => !categories.has(line.category));
  // Lines no rate applies to are charged as they are: their amounts are their net.
  const base = untaxed.reduce((acc, line) => acc + line.amount, 0);
  if (untaxed.length) rows.set('O', { code: 'O', rate: percent(0), base, tax: 0, exemptionReason: notSubjectToVat });
  return [...rows.values()];
}

/** A zero rate's legal wording: EN 16931 forbids an exemption reason on Z, so it travels as a note. */
const zeroRatedWording = (invoice: Invoice) =>
  invoice.reverseCharge ? [] : invoice.taxLines.filter((row) => row.category === 'zero' && row.exemption?.trim()).map((row) => row.exemption!.trim());

function tradeParty(party: Invoice['buyer'], locale: string | undefined, role: 'seller' | 'buyer', outOfScope: boolean): TradeParty {
  const country = countryOf(party, locale);
  if (!country) {
    throw new InputError(role === 'seller'
      ? t('sellerCountryMissing')
      : t('buyerCountryMissing', party.name));
  }
  const taxId = compactTaxId(party.taxId);
  const vatId = isVatId(taxId) && !outOfScope ? taxId : undefined;
  const otherId = vatId ? undefined : party.taxId.trim() || undefined;
  return {
    name: party.name.trim(),
    ...postalAddress(party.address),
    country,
    vatId,
    // Outside VAT (category O) no VAT id may be stated: the seller's id stays as a tax number, the buyer's is left out.
    identifier: role === 'seller' ? otherId : undefined,
    taxRegistration: role === 'seller' ? otherId : undefined,
    legalId: role === 'buyer' && !outOfScope ? otherId : undefined,
    email: party.email.trim() || undefined,
  };
}

/** Street, post code and city from a free-text address: a "10435 Berlin" line is post code and city. */
function postalAddress(address: string): Pick<TradeParty, 'street' | 'additionalStreet' | 'postcode' | 'city'> {
  const lines = addressLines(address);
  if (lines.length > 1 && addressCountry(address)) lines.pop();
  const cityIndex = lines.findLastIndex((line) => /^([A-Z]{1,2}-)?\d[\dA-Z-]{2,7}\s+\S/.test(line));
  if (cityIndex >= 0) {
    const [, postcode, city] = /^(\S+)\s+(.+)$/.exec(lines[cityIndex]!)!;
    const streets = lines.filter((_, index) => index !== cityIndex);
    return { street: streets[0], additionalStreet: streets.slice(1).join(', ') || undefined, postcode, city };
  }
  return { street: lines[0], additionalStreet: lines.slice(1, -1).join(', ') || undefined, city: lines.length > 1 ? lines.at(-1) : undefined };
}

/** UN/ECE Recommendation 20 codes for the units people type. */
const UNIT_CODES: [RegExp, string][] = [
  [/^(h|hr|hrs|hour|hours|std|stunde|stunden|heure|heures)$/i, 'HUR'],
  [/^(d|day|days|tag|tage|jour|jours)$/i, 'DAY'],
  [/^(min|minute|minutes|minuten)$/i, 'MIN'],
  [/^(month|months|monat|monate|mois)$/i, 'MON'],
  [/^(km)$/i, 'KMT'],
];
export const unitCode = (unit: string) => UNIT_CODES.find(([pattern]) => pattern.test(unit.trim()))?.[1] ?? 'C62';

const quantityText = (quantity: number) => String(Number(quantity.toFixed(3)));

/**
 * BG-25. Line amounts are net in EN 16931; with prices that include tax each category's net is
 * shared among its lines in proportion to their amounts, so the lines sum to the breakdown exactly.
 */
function termsLines(invoice: Invoice, vat: readonly VatBreakdown[]): TermsLine[] {
  const nets = invoice.pricesIncludeTax ? netAmounts(invoice) : invoice.lines.map((line) => line.amount);
  return invoice.lines.map((line, index) => {
    const row = lineVat(invoice, line.category, vat);
    const net = nets[index]!;
    const common = { id: String(index + 1), name: line.description.trim() || '-', unitCode: unitCode(line.unit), netAmount: net, vatCode: row.code, vatRate: row.rate };
    const amount = (minor: number) => toDecimalString({ amount: minor, currency: invoice.currency });
    if (!invoice.pricesIncludeTax) {
      // EN 16931 prices are never negative: a discount is a negative quantity at a positive price.
      const sign = line.unitPrice < 0 ? -1 : 1;
      return { ...common, quantity: quantityText(sign * line.quantity), price: amount(Math.abs(line.unitPrice)) };
    }
    // The line's net is its price for all its units (BT-149), so no rounded unit price is needed.
    const units = Math.abs(line.quantity);
    return { ...common, quantity: quantityText(net < 0 ? -units : units), price: amount(Math.abs(net)), baseQuantity: quantityText(units || 1) };
  });
}

function lineVat(invoice: Invoice, category: TaxCategory, vat: readonly VatBreakdown[]): VatBreakdown {
  if (invoice.reverseCharge) return vat[0]!;
  const row = invoice.taxLines.find((taxLine) => taxLine.category === category);
  return row ? vat.find((candidate) => candidate.code === CATEGORY_CODES[category] && candidate.rate === percent(row.basisPoints))! : vat.find((candidate) => candidate.code === 'O')!;
}

/** Each line's net when prices include tax: its category's net shared by amount, the last line taking the rest. */
function netAmounts(invoice: Invoice): number[] {
  const nets: number[] = [];
  const byCategory = new Map<TaxCategory, number[]>();
  invoice.lines.forEach((line, index) => byCategory.set(line.category, [...(byCategory.get(line.category) ?? []), index]));
  for (const [category, indexes] of byCategory) {
    const gross = indexes.reduce((acc, index) => acc + invoice.lines[index]!.amount, 0);
    const row = invoice.reverseCharge ? undefined : invoice.taxLines.find((taxLine) => taxLine.category === category);
    const net = row ? row.base : gross;
    let left = net;
    indexes.forEach((index, position) => {
      const share = position === indexes.length - 1 || gross === 0 ? left : Math.round((invoice.lines[index]!.amount * net) / gross);
      nets[index] = share;
      left -= share;
    });
  }
  return nets;
}
