// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaymentForm } from '../../../components/PaymentForm';

afterEach(cleanup);

function show(locale: string, balance = 428_400) {
  const onSubmit = vi.fn();
  render(<PaymentForm currency="EUR" locale={locale} balance={balance} onSubmit={onSubmit} onCancel={() => {}} />);
  const amount = screen.getByLabelText(/Amount received/) as HTMLInputElement;
  const type = (text: string) => fireEvent.input(amount, { target: { value: text } });
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
  return { onSubmit, amount, type, submit };
}

describe('the payment form', () => {
  it('pre-fills the open balance as the user writes amounts, and states it formatted', () => {
    const { amount } = show('de-DE');
    expect(amount.value).toBe('4284,00');
    expect(screen.getByText(/Amount received/).textContent).toMatch(/still due: 4\.284,00\s€/);
  });

  it('reads "1.000,00" as one thousand euros for a German user', () => {
    const { onSubmit, type, submit } = show('de-DE');
    type('1.000,00');
    submit();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ amount: 100_000, method: 'Bank transfer' }));
  });

  it('refuses too much with the formatted balance, beside the field, and sends nothing', () => {
    const { onSubmit, amount, type, submit } = show('en-US');
    type('5,000');
    submit();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The payment is more than the €4,284.00 still due');
    expect(amount.getAttribute('aria-describedby')).toBe(alert.id);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('clears a stale error as soon as the amount changes, so two never show together', () => {
    const { type, submit } = show('en-US');
    type('0');
    submit();
    expect(screen.getByRole('alert').textContent).toBe('A payment must be more than zero');
    type('5');
    expect(screen.queryByRole('alert')).toBeNull();
    type('5000');
    submit();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['The payment is more than the €4,284.00 still due']);
  });

  it('records the whole open balance with "Paid in full", whatever was typed', () => {
    const { onSubmit, type } = show('en-US');
    type('12');
    fireEvent.click(screen.getByRole('button', { name: 'Paid in full' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ amount: 428_400 }));
  });
});
