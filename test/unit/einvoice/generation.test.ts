import { beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import type { Customization, EInvoiceSource } from '../../../lib/invoicing/einvoice/business-terms';
import { ciiXml } from '../../../lib/invoicing/einvoice/cii';
import { ublXml } from '../../../lib/invoicing/einvoice/ubl';
import { creditInvoice, invoiceMilestone, voidInvoice } from '../../../lib/invoicing/engine';
import { contract, mixedRates } from './support';
import { brokenRules, loadRules } from './validate';

// Compiling the CEN rules takes about 20 s a syntax when idle, minutes on a busy two-core machine (cached afterwards).
beforeAll(loadRules, 300_000);

const source = (invoice: Invoice, extra: Partial<EInvoiceSource> = {}): EInvoiceSource => ({ invoice, customization: 'en16931', contractRef: 'ACME-2026-07', paymentTerms: 'Net 14', ...extra });

/** The fatal rules each syntax breaks for this document: both lists empty when it is a valid EN 16931 invoice. */
async function ruling(document: EInvoiceSource) {
  return { ubl: await brokenRules(ublXml(document)), cii: await brokenRules(ciiXml(document)) };
}
const valid = { ubl: [], cii: [] };

/** The XML without the whitespace between elements. */
const compact = (xml: string) => xml.replace(/>\s+</g, '><');

/** The text of the first element of that name. */
const term = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];

// Each test issues invoices and validates up to six documents (about 0.3 s each when idle): room for a busy two-core machine.
describe('EN 16931 invoices in UBL and CII', { timeout: 30_000 }, () => {
  it('a deposit (386), a delivered milestone (380) and the final invoice deducting the deposit (BT-113, BG-3) all validate', async () => {
    const { ctx, deposit, prototype, final, deliver } = await contract(mixedRates());
    const prepayment = (await invoiceMilestone(ctx, deposit)).invoice;
    await deliver(prototype);
    await deliver(final);
    const middle = (await invoiceMilestone(ctx, prototype)).invoice;
    const last = (await invoiceMilestone(ctx, final)).invoice;

    expect(await ruling(source(prepayment))).toEqual(valid);
    expect(await ruling(source(middle))).toEqual(valid);
    expect(await ruling(source(last))).toEqual(valid);

    expect(term(ublXml(source(prepayment)), 'cbc:InvoiceTypeCode')).toBe('386');
    expect(term(ciiXml(source(middle)), 'ram:TypeCode')).toBe('380');
    const ubl = ublXml(source(last));
    expect(term(ubl, 'cbc:PrepaidAmount')).toBe('4284.00');
    expect(term(ubl, 'cbc:PayableAmount')).toBe('0.00');
    expect(compact(ubl)).toContain(`<cac:InvoiceDocumentReference><cbc:ID>${prepayment.number}</cbc:ID><cbc:IssueDate>2026-11-24</cbc:IssueDate>`);
    const cii = ciiXml(source(last));
    expect(term(cii, 'ram:TotalPrepaidAmount')).toBe('4284.00');
    expect(term(cii, 'ram:IssuerAssignedID')).toBe('ACME-2026-07');
    expect(compact(cii)).toContain(`<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${prepayment.number}</ram:IssuerAssignedID>`);
  });

  it('several rates and an exempt line with its reason validate, with prices before or including tax', async () => {
    for (const mode of ['exclusive', 'inclusive'] as const) {
      const { ctx, prototype, deliver } = await contract(mixedRates(mode));
      await deliver(prototype);
      const extras = [
        { description: 'Printed manuals', quantity: 3, unit: 'pcs', unitPrice: 2_999, category: 'reduced' as const },
        { description: 'Training session', quantity: 2.5, unit: 'h', unitPrice: 9_000, category: 'exempt' as const },
        { description: 'Loyalty discount', quantity: 1, unit: '', unitPrice: -10_001, category: 'standard' as const },
      ];
      const { invoice } = await invoiceMilestone(ctx, prototype, { extras });
      expect(await ruling(source(invoice))).toEqual(valid);
      const ubl = ublXml(source(invoice));
      expect(ubl).toContain('<cbc:TaxExemptionReason>Exempt under § 4 Nr. 21 UStG (schooling)</cbc:TaxExemptionReason>');
      expect(ubl.match(/<cac:TaxSubtotal>/g)).toHaveLength(3);
      expect(term(ubl, 'cbc:TaxInclusiveAmount')).toBe((invoice.gross / 100).toFixed(2));
    }
  });

  it('reverse charge (AE) validates, with the buyer’s VAT id and the reason', async () => {
    const { ctx, prototype, deliver } = await contract({ mode: 'exclusive', reverseCharge: true, rates: [{ name: 'VAT', basisPoints: 1900 }] }, {
      address: 'Keizersgracht 1\n1015 CD Amsterdam\nNetherlands', taxId: 'NL123456789B01',
    });
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    expect(await ruling(source(invoice))).toEqual(valid);
    const cii = ciiXml(source(invoice));
    expect(term(cii, 'ram:CategoryCode')).toBe('AE');
    expect(cii).toContain('<ram:ID schemeID="VA">NL123456789B01</ram:ID>');
    expect(term(cii, 'ram:CountryID')).toBe('DE');
    expect(cii).toContain('<ram:CountryID>NL</ram:CountryID>');
  });

  it('a full and a partial credit note (381, UBL CreditNote) refer to their invoice and validate', async () => {
    const { ctx, prototype, final, deliver } = await contract(mixedRates());
    await deliver(prototype);
    await deliver(final);
    const first = (await invoiceMilestone(ctx, prototype, { extras: [{ description: 'Books', quantity: 1, unit: '', unitPrice: 10_000, category: 'reduced' }] })).invoice;
    const second = (await invoiceMilestone(ctx, final)).invoice;
    const partial = (await creditInvoice(ctx, first.id, { amount: 50_000, reason: 'Late delivery' })).invoice;
    const full = (await voidInvoice(ctx, second.id, 'Issued to the wrong client')).invoice;
    for (const [note, original] of [[partial, first], [full, second]] as const) {
      const document = source(note, { credits: { number: original.number, issueDate: original.issueDate } });
      expect(await ruling(document)).toEqual(valid);
      const ubl = ublXml(document);
      expect(ubl).toMatch(/^<\?xml[^>]*>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/);
      expect(term(ubl, 'cbc:CreditNoteTypeCode')).toBe('381');
      expect(ubl).toContain(`<cbc:ID>${original.number}</cbc:ID>`);
      expect(term(ciiXml(document), 'ram:TypeCode')).toBe('381');
    }
  });

  it('a zero rate (Z, its wording as a note) and an untaxed project (O, no VAT ids) validate', async () => {
    const zero = await contract({ mode: 'exclusive', reverseCharge: false, rates: [{ name: 'VAT', basisPoints: 0, category: 'zero', exemption: 'Zero-rated: export of services' }] });
    await zero.deliver(zero.prototype);
    const zeroRated = (await invoiceMilestone(zero.ctx, zero.prototype)).invoice;
    expect(await ruling(source(zeroRated))).toEqual(valid);
    expect(term(ublXml(source(zeroRated)), 'cbc:Note')).toBe('Zero-rated: export of services');

    const untaxed = await contract({ mode: 'exclusive', reverseCharge: false, rates: [] });
    await untaxed.deliver(untaxed.prototype);
    const outside = (await invoiceMilestone(untaxed.ctx, untaxed.prototype)).invoice;
    expect(await ruling(source(outside))).toEqual(valid);
    const cii = ciiXml(source(outside));
    expect(term(cii, 'ram:ExemptionReason')).toBe('Nicht steuerbar'); // the test client writes German
    expect(cii).not.toContain('schemeID="VA"');
  });

  it.each<[Customization, string]>([
    ['en16931', 'urn:cen.eu:en16931:2017'],
    ['xrechnung', 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0'],
    ['peppol', 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'],
  ])('the %s customisation names itself and validates', async (customization, id) => {
    const { ctx, prototype, deliver } = await contract(mixedRates());
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    const document = source(invoice, { customization, buyerReference: '04011000-12345-34' });
    expect(await ruling(document)).toEqual(valid);
    expect(term(ublXml(document), 'cbc:CustomizationID')).toBe(id);
    expect(term(ciiXml(document), 'ram:BuyerReference')).toBe('04011000-12345-34');
  });

  it('refuses XRechnung without the buyer reference, saying where to add it', async () => {
    const { ctx, prototype, deliver } = await contract(mixedRates());
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    expect(() => ublXml(source(invoice, { customization: 'xrechnung' }))).toThrow('Add the buyer reference (Leitweg-ID) of Acme Retail GmbH to the client: XRechnung requires it');
  });

  it('refuses a client whose country cannot be told, saying what to add', async () => {
    const { ctx, prototype, deliver } = await contract(mixedRates(), { address: 'Somewhere 1\n12345 Town', taxId: '' });
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    expect(() => ciiXml(source({ ...invoice, buyer: { ...invoice.buyer, locale: 'de' } }))).toThrow('Add the country of Acme Retail GmbH as the last line of the client’s address');
  });

  it('the harness catches a wrong total in our own output', async () => {
    const { ctx, prototype, deliver } = await contract(mixedRates());
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    const wrong = { ...invoice, gross: invoice.gross + 1 };
    const ruled = await ruling(source(wrong));
    expect(ruled.ubl).toContainEqual(expect.stringMatching(/^BR-CO-15:/));
    expect(ruled.cii).toContainEqual(expect.stringMatching(/^BR-CO-15:/));
  });
});

describe('what an e-invoice tells the buyer in words and payment details', { timeout: 30_000 }, () => {
  it('asks for a SEPA transfer to the account the invoice kept (BG-16), with the invoice number as reference, and validates', async () => {
    const { ctx, prototype, deliver } = await contract(mixedRates());
    await deliver(prototype);
    const { invoice } = await invoiceMilestone(ctx, prototype);
    const kept = { ...invoice, seller: { ...invoice.seller, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } };
    expect(await ruling(source(kept))).toEqual(valid);
    const ubl = compact(ublXml(source(kept)));
    expect(ubl).toContain(`<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentID>${invoice.number}</cbc:PaymentID><cac:PayeeFinancialAccount><cbc:ID>DE89370400440532013000</cbc:ID><cac:FinancialInstitutionBranch><cbc:ID>COBADEFFXXX</cbc:ID>`);
    const cii = compact(ciiXml(source(kept)));
    expect(term(cii, 'ram:PaymentReference')).toBe(invoice.number);
    expect(cii).toContain('<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE89370400440532013000</ram:IBANID></ram:PayeePartyCreditorFinancialAccount><ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>COBADEFFXXX</ram:BICID>');
    expect(ublXml(source(invoice))).not.toContain('PaymentMeans');
  });

  it.each([
    ['de-DE', 'Nicht steuerbar'],
    ['fr-FR', 'Non soumis à la TVA'],
    ['en-GB', 'Not subject to VAT'],
  ])('writes its notes in the client’s language (%s)', async (locale, wording) => {
    const untaxed = await contract({ mode: 'exclusive', reverseCharge: false, rates: [] });
    await untaxed.deliver(untaxed.prototype);
    const { invoice } = await invoiceMilestone(untaxed.ctx, untaxed.prototype);
    const document = source({ ...invoice, buyer: { ...invoice.buyer, locale } });
    expect(term(ciiXml(document), 'ram:ExemptionReason')).toBe(wording);
    expect(await ruling(document)).toEqual(valid);
  });
});
