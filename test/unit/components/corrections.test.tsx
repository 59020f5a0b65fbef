// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/ui/queries';
import { MilestoneActions } from '../../../components/MilestoneActions';
import type { Invoice, Milestone, Project } from '../../../lib/db/entities';
import { request } from '../../../lib/messaging/client';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: { invoiceId: 'i2', number: 'INV-2026-0002', created: true } });
});
afterEach(cleanup);

/** What the user reads, with the no-break spaces of formatted amounts as spaces. */
const text = (element: HTMLElement) => element.textContent!.replace(/[\u00a0\u202f]/g, ' ');

const twoRates: Project['taxes'] = { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }, { name: 'VAT', basisPoints: 700, category: 'reduced' }], reverseCharge: false };

describe('extra lines on "Invoice now"', () => {
  async function delivered() {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db, { taxes: twoRates });
    // The prototype: 330.00 net.
    const milestone: Milestone = { ...milestones[1]!, state: 'delivered' };
    render(<MilestoneActions db={db} project={project} milestone={milestone} locale="de-DE" />);
    fireEvent.click(screen.getByRole('button', { name: 'Invoice with extra lines…' }));
    return { form: screen.getByRole('form', { name: 'Extra lines' }), milestone };
  }
  const type = (form: HTMLElement, label: string, value: string, line = 0) =>
    fireEvent.input(within(within(form).getAllByRole('group')[line]!).getByRole('textbox', { name: label }), { target: { value } });

  it('shows the total with the lines typed in the user’s locale, a discount as a negative price, then sends them', async () => {
    const { form, milestone } = await delivered();
    expect(text(form)).toContain('Invoice total: 392,70 € (330,00 € before tax)');
    type(form, 'Description', 'Fachbuch');
    type(form, 'Unit price', '1.000,00');
    fireEvent.change(within(form).getByRole('combobox', { name: 'Tax' }), { target: { value: 'reduced' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a line' }));
    type(form, 'Description', 'Rabatt', 1);
    type(form, 'Unit price', '-30', 1);
    // 330.00 + 1,000.00 − 30.00 = 1,300.00 net; 19 % of 300.00 = 57.00 and 7 % of 1,000.00 = 70.00.
    expect(text(form)).toContain('Invoice total: 1.427,00 € (1.300,00 € before tax)');
    fireEvent.click(within(form).getByRole('button', { name: 'Issue invoice' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice issued and saved.'));
    expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id, extras: [
      { description: 'Fachbuch', quantity: 1, unit: '', unitPrice: 100_000, category: 'reduced' },
      { description: 'Rabatt', quantity: 1, unit: '', unitPrice: -3_000, category: 'standard' },
    ] }]]);
  });

  it('names the line that cannot be read and sends nothing', async () => {
    const { form } = await delivered();
    type(form, 'Description', 'Travel');
    type(form, 'Unit price', 'lots');
    // In German "2.5" is not two and a half.
    type(form, 'Quantity', '2.5');
    expect(form.textContent).toContain('Invoice total: complete the lines to see it');
    fireEvent.click(within(form).getByRole('button', { name: 'Issue invoice' }));
    expect(screen.getByRole('alert').textContent).toBe('Line 1: the quantity is a number more than zero with three decimals at most');
    type(form, 'Quantity', '0');
    fireEvent.click(within(form).getByRole('button', { name: 'Issue invoice' }));
    expect(screen.getByRole('alert').textContent).toBe('Line 1: the quantity is a number more than zero with three decimals at most');
    type(form, 'Quantity', '2,5');
    fireEvent.click(within(form).getByRole('button', { name: 'Issue invoice' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Line 1: .*lots/);
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('voiding a paid invoice', () => {
  async function paid() {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    const milestone = { ...milestones[0]!, state: 'paid' as const, invoiceId: 'i1' };
    const invoice = { id: 'i1', kind: 'invoice', number: 'INV-2026-0001', gross: 39_600, dueDate: '2026-12-08' } as Invoice;
    render(<QueryClientProvider client={createQueryClient()}><MilestoneActions db={db} project={project} milestone={milestone} row={{ invoice, paid: 39_600, balance: 0, credited: 6_000 }} locale="en-US" /></QueryClientProvider>);
    return milestone;
  }

  it('says plainly the refund is the user’s to make, credits what is left, and re-issues when asked', async () => {
    const milestone = await paid();
    fireEvent.click(screen.getByRole('button', { name: 'Void…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Void INV-2026-0001?' });
    expect(dialog.textContent).toContain('A credit note is issued for €336.00');
    expect(dialog.textContent).toContain('The client paid €396.00 on this invoice. Pay it back yourself, then record the refund in Invoices');
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'Wrong VAT rate' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Void and re-issue/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Void and issue credit note' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Voided and issued again with a new number.'));
    expect(sent.mock.calls).toEqual([
      ['invoice.void', { invoiceId: 'i1', reason: 'Wrong VAT rate' }],
      ['milestone.invoice', { milestoneId: milestone.id }],
    ]);
  });
});
