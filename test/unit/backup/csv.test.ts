import { describe, expect, it } from 'vitest';
import { invoicesCsv, paymentsCsv } from '../../../lib/backup/csv';
import type { Invoice, Payment } from '../../../lib/db/entities';

const party = { name: 'Acme, "The Shop"\nHamburg', address: '', taxId: '', email: '' };
const invoice = (id: string, number: string, gross: number, extra: Partial<Invoice> = {}): Invoice => ({
  id, kind: 'invoice', number, series: 's', sequence: 1, projectId: 'p', clientId: 'c', currency: 'EUR', issueDate: '2026-10-01', supplyDate: '2026-10-01',
  dueDate: '2026-10-15', seller: party, buyer: party, lines: [{ kind: 'milestone', description: 'x', quantity: 1, unit: '', unitPrice: gross, amount: gross, category: 'standard' }], taxLines: [], reverseCharge: false,
  net: gross, tax: 0, gross, createdAt: 0, ...extra,
});
const invoices = [invoice('a', 'INV-1', 100_000), invoice('b', 'INV-2', 5_000, { currency: 'JPY', dueDate: '2026-12-31' })];
const payments: Payment[] = [{ id: 'p1', invoiceId: 'a', amount: 40_000, date: '2026-10-20', method: 'Bank', note: '=SUM(A1)' }];

/** A German buyer at 19 %, an EU buyer under reverse charge, a US buyer with state and county tax, and a credit note. */
const vatBook = [
  invoice('de', 'INV-10', 119_000, {
    net: 100_000, tax: 19_000, buyer: { ...party, name: 'Kunde GmbH', taxId: 'DE123456789' },
    taxLines: [{ name: 'VAT', category: 'standard' as const, basisPoints: 1900, base: 100_000, amount: 19_000 }],
  }),
  invoice('fr', 'INV-11', 250_000, { reverseCharge: true, buyer: { ...party, name: 'Client SARL', taxId: 'FR12345678901' } }),
  invoice('us', 'INV-12', 108_500, {
    currency: 'USD', net: 100_000, tax: 8_500, buyer: { ...party, name: 'Shop Inc', taxId: '' },
    taxLines: [{ name: 'State sales tax', category: 'standard' as const, basisPoints: 400, base: 100_000, amount: 4_000 }, { name: 'County', category: 'standard' as const, basisPoints: 450, base: 100_000, amount: 4_500 }],
  }),
  invoice('cn', 'CN-1', 119_000, {
    kind: 'credit-note', creditsInvoiceId: 'de', issueDate: '2026-11-02', dueDate: '2026-11-02', net: 100_000, tax: 19_000,
    buyer: { ...party, name: 'Kunde GmbH', taxId: 'DE123456789' }, taxLines: [{ name: 'VAT', category: 'standard' as const, basisPoints: 1900, base: 100_000, amount: 19_000 }],
  }),
];
vatBook[0]!.voidedBy = 'cn';
const rowOf = (text: string, number: string) => text.split('\r\n').find((line) => line.replace('\ufeff', '').startsWith(`${number},`) || line.startsWith(`${number};`));

describe('accountant CSV exports', () => {
  it('quotes commas, quotes and line breaks, and writes decimal amounts per currency', () => {
    const text = invoicesCsv(invoices, payments, '2026-11-24', { spreadsheet: false });
    expect(text.split('\r\n')[0]).toBe(
      'Number,Type,Corrects,Issue date,Supply date,Due date,Client,Buyer VAT id,Tax category,Tax rate (%),Reverse charge,Net,Tax,Gross,Currency,State,Paid,Balance',
    );
    expect(text).toContain('INV-1,invoice,,2026-10-01,2026-10-01,2026-10-15,"Acme, ""The Shop""\nHamburg",,O,,no,1000.00,0.00,1000.00,EUR,overdue,400.00,600.00\r\n');
    expect(text).toContain(',5000,0,5000,JPY,issued,0,5000\r\n');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('has the tax rate, category, reverse charge and buyer VAT id an EC Sales List needs', () => {
    const text = invoicesCsv(vatBook, [], '2026-11-24', { spreadsheet: false });
    expect(rowOf(text, 'INV-10')).toBe('INV-10,invoice,,2026-10-01,2026-10-01,2026-10-15,Kunde GmbH,DE123456789,S,19,no,1000.00,190.00,1190.00,EUR,void,0.00,0.00');
    expect(rowOf(text, 'INV-11')).toBe('INV-11,invoice,,2026-10-01,2026-10-01,2026-10-15,Client SARL,FR12345678901,AE,,yes,2500.00,0.00,2500.00,EUR,overdue,0.00,2500.00');
    expect(rowOf(text, 'INV-12')).toContain(',Shop Inc,,S,4 + 4.5,no,1000.00,85.00,1085.00,USD,');
  });

  it('writes a credit note with negative amounts, naming the invoice it corrects', () => {
    const text = invoicesCsv(vatBook, [], '2026-11-24', { spreadsheet: true });
    expect(rowOf(text, 'CN-1')).toBe('CN-1,credit note,INV-10,2026-11-02,2026-10-01,2026-11-02,Kunde GmbH,DE123456789,S,19,no,-1000.00,-190.00,-1190.00,EUR,credit note,0.00,0.00');
  });

  it('as of a date before the credit note, the corrected invoice is open and the credit note not yet there', () => {
    const text = invoicesCsv(vatBook, [], '2026-10-31', { spreadsheet: false });
    expect(rowOf(text, 'INV-10')).toMatch(/,EUR,overdue,0\.00,1190\.00$/);
    expect(rowOf(text, 'CN-1')).toBeUndefined();
  });

  it('offers semicolons and decimal commas for German and French Excel', () => {
    const options = { spreadsheet: true, decimalComma: true };
    const text = invoicesCsv([...vatBook, invoice('r', 'INV-13', 107_500, { net: 100_000, tax: 7_500, taxLines: [{ name: 'TVA; réduite', category: 'reduced' as const, basisPoints: 750, base: 100_000, amount: 7_500 }] })], [], '2026-11-24', options);
    expect(text.split('\r\n')[0]).toBe('\ufeffNumber;Type;Corrects;Issue date;Supply date;Due date;Client;Buyer VAT id;Tax category;Tax rate (%);Reverse charge;Net;Tax;Gross;Currency;State;Paid;Balance');
    expect(rowOf(text, 'CN-1')).toBe('CN-1;credit note;INV-10;2026-11-02;2026-10-01;2026-11-02;Kunde GmbH;DE123456789;S;19;no;-1000,00;-190,00;-1190,00;EUR;credit note;0,00;0,00');
    expect(rowOf(text, 'INV-13')).toContain(';S;7,5;no;1000,00;75,00;1075,00;EUR;');
    expect(paymentsCsv([{ ...payments[0]!, note: 'a; b' }], invoices, options)).toContain('2026-10-20;INV-1;"Acme, ""The Shop""\nHamburg";400,00;EUR;Bank;"a; b"\r\n');
  });

  it('is spreadsheet-friendly on request: a BOM for UTF-8, and formulas made inert', () => {
    const text = paymentsCsv(payments, invoices, { spreadsheet: true });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("2026-10-20,INV-1,\"Acme, \"\"The Shop\"\"\nHamburg\",400.00,EUR,Bank,'=SUM(A1)\r\n");
    expect(paymentsCsv(payments, invoices, { spreadsheet: false })).toContain(',Bank,=SUM(A1)\r\n');
    expect(paymentsCsv([{ ...payments[0]!, note: '-cmd|x' }], invoices, { spreadsheet: true })).toContain(",Bank,'-cmd|x\r\n");
  });
});
