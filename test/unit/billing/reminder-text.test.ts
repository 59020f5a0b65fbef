import { describe, expect, it } from 'vitest';
import { reminderText } from '../../../lib/billing/reminder-text';
import { en as words } from '../../../lib/invoicing/labels/en';

describe('reminder text', () => {
  it('states the number, amount, due date, age and how to pay', () => {
    const text = reminderText({
      words, client: 'Acme Retail GmbH', number: 'INV-2026-0001', amount: '€2,784.00', dueDate: '2026-10-29', daysOverdue: 26,
      bankAccount: 'IBAN DE89 3704', paymentLink: 'https://pay.example/acme', sender: 'Northwind Design Studio',
    });
    expect(text).toBe(
      'Dear Acme Retail GmbH,\n\nThis is a friendly reminder that invoice INV-2026-0001 for €2,784.00 was due on 2026-10-29 (26 days ago). ' +
        'You can pay by bank transfer to IBAN DE89 3704, or online at https://pay.example/acme.\n\n' +
        'If you have already paid, thank you, and please disregard this message.\n\nKind regards,\nNorthwind Design Studio',
    );
  });

  it('speaks of a coming due date, and leaves out payment details it does not have', () => {
    const text = reminderText({ words, client: 'A', number: 'N-1', amount: '¥1,500', dueDate: '2026-12-01', daysOverdue: -3, bankAccount: '', paymentLink: '', sender: 'S' });
    expect(text).toContain('invoice N-1 for ¥1,500 is due on 2026-12-01.\n');
    expect(text).not.toContain('You can pay');
  });

  it('states the late-payment terms and what they have accrued, between the request and the thanks', () => {
    const text = reminderText({
      words, client: 'Acme', number: 'INV-7', amount: '€1,000.00', dueDate: '2026-01-31', daysOverdue: 30, bankAccount: '', paymentLink: '', sender: 'S',
      lateTerms: 'Late payment: interest of 1.5 % per month on overdue amounts.', lateCharges: '€14.79',
    });
    expect(text).toBe(
      'Dear Acme,\n\nThis is a friendly reminder that invoice INV-7 for €1,000.00 was due on 2026-01-31 (30 days ago).\n\n' +
        'Late payment: interest of 1.5 % per month on overdue amounts. To date, €14.79 has accrued on this invoice.\n\n' +
        'If you have already paid, thank you, and please disregard this message.\n\nKind regards,\nS',
    );
  });
});
