import { businessTerms, type BusinessTerms, type EInvoiceSource, type TradeParty, type VatBreakdown, type VatCode } from './business-terms';
import { el, optional, xmlDocument, type XmlElement } from './xml';

/** An invoice as a UBL 2.1 Invoice, or a credit note as a UBL 2.1 CreditNote (EN 16931 syntax binding). */
export function ublXml(source: EInvoiceSource): string {
  const terms = businessTerms(source);
  const credit = terms.typeCode === '381';
  const root = credit ? 'CreditNote' : 'Invoice';
  return xmlDocument(el(root, [
    el('cbc:CustomizationID', terms.customizationId),
    optional('cbc:ProfileID', terms.profileId),
    el('cbc:ID', terms.number),
    el('cbc:IssueDate', terms.issueDate),
    !credit && optional('cbc:DueDate', terms.dueDate),
    el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', terms.typeCode),
    ...terms.notes.map((note) => el('cbc:Note', note)),
    el('cbc:DocumentCurrencyCode', terms.currency),
    optional('cbc:BuyerReference', terms.buyerReference),
    ...terms.preceding.map((reference) => el('cac:BillingReference', [el('cac:InvoiceDocumentReference', [el('cbc:ID', reference.number), el('cbc:IssueDate', reference.issueDate)])])),
    terms.contractRef && el('cac:ContractDocumentReference', [el('cbc:ID', terms.contractRef)]),
    el('cac:AccountingSupplierParty', [party(terms.seller)]),
    el('cac:AccountingCustomerParty', [party(terms.buyer)]),
    terms.deliveryDate && el('cac:Delivery', [el('cbc:ActualDeliveryDate', terms.deliveryDate)]),
    terms.paymentMeans && el('cac:PaymentMeans', [
      el('cbc:PaymentMeansCode', terms.paymentMeans.code),
      el('cbc:PaymentID', terms.paymentMeans.reference),
      el('cac:PayeeFinancialAccount', [
        el('cbc:ID', terms.paymentMeans.iban),
        terms.paymentMeans.bic && el('cac:FinancialInstitutionBranch', [el('cbc:ID', terms.paymentMeans.bic)]),
      ]),
    ]),
    terms.paymentTerms && el('cac:PaymentTerms', [el('cbc:Note', terms.paymentTerms)]),
    el('cac:TaxTotal', [money(terms, 'cbc:TaxAmount', terms.totals.tax), ...terms.vat.map((row) => taxSubtotal(terms, row))]),
    el('cac:LegalMonetaryTotal', [
      money(terms, 'cbc:LineExtensionAmount', terms.totals.lineNet),
      money(terms, 'cbc:TaxExclusiveAmount', terms.totals.taxExclusive),
      money(terms, 'cbc:TaxInclusiveAmount', terms.totals.taxInclusive),
      terms.totals.prepaid !== 0 && money(terms, 'cbc:PrepaidAmount', terms.totals.prepaid),
      money(terms, 'cbc:PayableAmount', terms.totals.payable),
    ]),
    ...terms.lines.map((line) => el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
      el('cbc:ID', line.id),
      el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', line.quantity, { unitCode: line.unitCode }),
      money(terms, 'cbc:LineExtensionAmount', line.netAmount),
      el('cac:Item', [el('cbc:Name', line.name), el('cac:ClassifiedTaxCategory', category(line.vatCode, line.vatRate))]),
      el('cac:Price', [el('cbc:PriceAmount', line.price, { currencyID: terms.currency }), line.baseQuantity && el('cbc:BaseQuantity', line.baseQuantity, { unitCode: line.unitCode })]),
    ])),
  ], {
    xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
    'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
    'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  }));
}

const money = (terms: BusinessTerms, name: string, minor: number) => el(name, terms.amount(minor), { currencyID: terms.currency });

const vatScheme = () => el('cac:TaxScheme', [el('cbc:ID', 'VAT')]);

/** A category without VAT (O) states no rate (BR-O-05). */
const category = (code: VatCode, rate: string, exemptionReason?: string) => [
  el('cbc:ID', code),
  code !== 'O' && el('cbc:Percent', rate),
  optional('cbc:TaxExemptionReason', exemptionReason),
  vatScheme(),
];

const taxSubtotal = (terms: BusinessTerms, row: VatBreakdown) => el('cac:TaxSubtotal', [
  money(terms, 'cbc:TaxableAmount', row.base),
  money(terms, 'cbc:TaxAmount', row.tax),
  el('cac:TaxCategory', category(row.code, row.rate, row.exemptionReason)),
]);

function party(trade: TradeParty): XmlElement {
  return el('cac:Party', [
    trade.email && el('cbc:EndpointID', trade.email, { schemeID: 'EM' }),
    trade.identifier && el('cac:PartyIdentification', [el('cbc:ID', trade.identifier)]),
    el('cac:PostalAddress', [
      optional('cbc:StreetName', trade.street),
      optional('cbc:AdditionalStreetName', trade.additionalStreet),
      optional('cbc:CityName', trade.city),
      optional('cbc:PostalZone', trade.postcode),
      el('cac:Country', [el('cbc:IdentificationCode', trade.country)]),
    ]),
    trade.vatId && el('cac:PartyTaxScheme', [el('cbc:CompanyID', trade.vatId), vatScheme()]),
    trade.taxRegistration && el('cac:PartyTaxScheme', [el('cbc:CompanyID', trade.taxRegistration), el('cac:TaxScheme', [el('cbc:ID', 'FC')])]),
    el('cac:PartyLegalEntity', [el('cbc:RegistrationName', trade.name), optional('cbc:CompanyID', trade.legalId)]),
    trade.email && el('cac:Contact', [el('cbc:ElectronicMail', trade.email)]),
  ]);
}
