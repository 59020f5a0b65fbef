import { businessTerms, type BusinessTerms, type EInvoiceSource, type TradeParty, type VatCode } from './business-terms';
import { el, optional, xmlDocument, type XmlElement } from './xml';

/** An invoice or credit note as UN/CEFACT Cross Industry Invoice D16B (EN 16931 syntax binding; Factur-X's XML). */
export function ciiXml(source: EInvoiceSource): string {
  const terms = businessTerms(source);
  return xmlDocument(el('rsm:CrossIndustryInvoice', [
    el('rsm:ExchangedDocumentContext', [
      terms.profileId && el('ram:BusinessProcessSpecifiedDocumentContextParameter', [el('ram:ID', terms.profileId)]),
      el('ram:GuidelineSpecifiedDocumentContextParameter', [el('ram:ID', terms.customizationId)]),
    ]),
    el('rsm:ExchangedDocument', [
      el('ram:ID', terms.number),
      el('ram:TypeCode', terms.typeCode),
      el('ram:IssueDateTime', [date('udt:DateTimeString', terms.issueDate)]),
      ...terms.notes.map((note) => el('ram:IncludedNote', [el('ram:Content', note)])),
    ]),
    el('rsm:SupplyChainTradeTransaction', [
      ...terms.lines.map((line) => el('ram:IncludedSupplyChainTradeLineItem', [
        el('ram:AssociatedDocumentLineDocument', [el('ram:LineID', line.id)]),
        el('ram:SpecifiedTradeProduct', [el('ram:Name', line.name)]),
        el('ram:SpecifiedLineTradeAgreement', [
          el('ram:NetPriceProductTradePrice', [el('ram:ChargeAmount', line.price), line.baseQuantity && el('ram:BasisQuantity', line.baseQuantity, { unitCode: line.unitCode })]),
        ]),
        el('ram:SpecifiedLineTradeDelivery', [el('ram:BilledQuantity', line.quantity, { unitCode: line.unitCode })]),
        el('ram:SpecifiedLineTradeSettlement', [
          el('ram:ApplicableTradeTax', [el('ram:TypeCode', 'VAT'), el('ram:CategoryCode', line.vatCode), rate(line.vatCode, line.vatRate)]),
          el('ram:SpecifiedTradeSettlementLineMonetarySummation', [el('ram:LineTotalAmount', terms.amount(line.netAmount))]),
        ]),
      ])),
      el('ram:ApplicableHeaderTradeAgreement', [
        optional('ram:BuyerReference', terms.buyerReference),
        party('ram:SellerTradeParty', terms.seller),
        party('ram:BuyerTradeParty', terms.buyer),
        terms.contractRef && el('ram:ContractReferencedDocument', [el('ram:IssuerAssignedID', terms.contractRef)]),
      ]),
      el('ram:ApplicableHeaderTradeDelivery', [
        terms.deliveryDate && el('ram:ActualDeliverySupplyChainEvent', [el('ram:OccurrenceDateTime', [date('udt:DateTimeString', terms.deliveryDate)])]),
      ]),
      el('ram:ApplicableHeaderTradeSettlement', [
        optional('ram:PaymentReference', terms.paymentMeans?.reference),
        el('ram:InvoiceCurrencyCode', terms.currency),
        terms.paymentMeans && el('ram:SpecifiedTradeSettlementPaymentMeans', [
          el('ram:TypeCode', terms.paymentMeans.code),
          el('ram:PayeePartyCreditorFinancialAccount', [el('ram:IBANID', terms.paymentMeans.iban)]),
          terms.paymentMeans.bic && el('ram:PayeeSpecifiedCreditorFinancialInstitution', [el('ram:BICID', terms.paymentMeans.bic)]),
        ]),
        ...terms.vat.map((row) => el('ram:ApplicableTradeTax', [
          el('ram:CalculatedAmount', terms.amount(row.tax)),
          el('ram:TypeCode', 'VAT'),
          optional('ram:ExemptionReason', row.exemptionReason),
          el('ram:BasisAmount', terms.amount(row.base)),
          el('ram:CategoryCode', row.code),
          rate(row.code, row.rate),
        ])),
        (terms.paymentTerms || terms.dueDate) && el('ram:SpecifiedTradePaymentTerms', [
          optional('ram:Description', terms.paymentTerms),
          terms.dueDate && el('ram:DueDateDateTime', [date('udt:DateTimeString', terms.dueDate)]),
        ]),
        summation(terms),
        ...terms.preceding.map((reference) => el('ram:InvoiceReferencedDocument', [
          el('ram:IssuerAssignedID', reference.number),
          el('ram:FormattedIssueDateTime', [date('qdt:DateTimeString', reference.issueDate)]),
        ])),
      ]),
    ]),
  ], {
    'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
    'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
    'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
    'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  }));
}

/** Dates as CII writes them: format 102, YYYYMMDD. */
const date = (name: string, isoDate: string) => el(name, isoDate.replace(/-/g, ''), { format: '102' });

/** A category without VAT (O) states no rate (BR-O-05). */
const rate = (code: VatCode, percent: string) => code !== 'O' && el('ram:RateApplicablePercent', percent);

function summation(terms: BusinessTerms): XmlElement {
  const { totals } = terms;
  return el('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
    el('ram:LineTotalAmount', terms.amount(totals.lineNet)),
    el('ram:TaxBasisTotalAmount', terms.amount(totals.taxExclusive)),
    el('ram:TaxTotalAmount', terms.amount(totals.tax), { currencyID: terms.currency }),
    el('ram:GrandTotalAmount', terms.amount(totals.taxInclusive)),
    totals.prepaid !== 0 && el('ram:TotalPrepaidAmount', terms.amount(totals.prepaid)),
    el('ram:DuePayableAmount', terms.amount(totals.payable)),
  ]);
}

function party(name: string, trade: TradeParty): XmlElement {
  return el(name, [
    optional('ram:ID', trade.identifier),
    el('ram:Name', trade.name),
    trade.legalId && el('ram:SpecifiedLegalOrganization', [el('ram:ID', trade.legalId)]),
    trade.email && el('ram:DefinedTradeContact', [el('ram:EmailURIUniversalCommunication', [el('ram:URIID', trade.email)])]),
    el('ram:PostalTradeAddress', [
      optional('ram:PostcodeCode', trade.postcode),
      optional('ram:LineOne', trade.street),
      optional('ram:LineTwo', trade.additionalStreet),
      optional('ram:CityName', trade.city),
      el('ram:CountryID', trade.country),
    ]),
    trade.email && el('ram:URIUniversalCommunication', [el('ram:URIID', trade.email, { schemeID: 'EM' })]),
    trade.vatId && el('ram:SpecifiedTaxRegistration', [el('ram:ID', trade.vatId, { schemeID: 'VA' })]),
    trade.taxRegistration && el('ram:SpecifiedTaxRegistration', [el('ram:ID', trade.taxRegistration, { schemeID: 'FC' })]),
  ]);
}
