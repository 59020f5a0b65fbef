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

describe('accountant CSV exports', () => {
  it('quotes commas, quotes and line breaks, and writes decimal amounts per currency', () => {
    const text = invoicesCsv(invoices, payments, '2026-11-24', { spreadsheet: false });
    expect(text.split('\r\n')[0]).toBe('Number,Type,Issue date,Supply date,Due date,Client,Net,Tax,Gross,Currency,State,Paid,Balance');
    expect(text).toContain('INV-1,invoice,2026-10-01,2026-10-01,2026-10-15,"Acme, ""The Shop""\nHamburg",1000.00,0.00,1000.00,EUR,overdue,400.00,600.00\r\n');
    expect(text).toContain(',5000,0,5000,JPY,issued,0,5000\r\n');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('is spreadsheet-friendly on request: a BOM for UTF-8, and formulas made inert', () => {
    const text = paymentsCsv(payments, invoices, { spreadsheet: true });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("2026-10-20,INV-1,\"Acme, \"\"The Shop\"\"\nHamburg\",400.00,EUR,Bank,'=SUM(A1)\r\n");
    expect(paymentsCsv(payments, invoices, { spreadsheet: false })).toContain(',Bank,=SUM(A1)\r\n');
  });
});
