// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latePaymentForm, readLatePayment } from '../../../components/LatePaymentField';
import { ProjectEditor } from '../../../components/ProjectEditor';
import { saveClient } from '../../../lib/db/clients';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('late-payment terms as typed', () => {
  it.each([
    [{ kind: 'monthly-percent', figure: '1.5' }, 'en-US', { ok: true, value: { kind: 'monthly-percent', basisPoints: 150 } }],
    [{ kind: 'eu-statutory', figure: '2,15' }, 'de-DE', { ok: true, value: { kind: 'eu-statutory', referenceBasisPoints: 215 } }],
    [{ kind: 'flat-fee', figure: '25,00 €' }, 'de-DE', { ok: true, value: { kind: 'flat-fee', amount: 2_500 } }],
    [{ kind: 'none', figure: 'ignored' }, 'en-US', { ok: true, value: undefined }],
    [{ kind: 'monthly-percent', figure: '12' }, 'en-US', { ok: false, error: 'Enter a rate per month between 0.01 % and 10 %' }],
    [{ kind: 'flat-fee', figure: '0' }, 'en-US', { ok: false, error: 'A late fee must be more than zero' }],
    [{ kind: 'flat-fee', figure: '£5' }, 'en-US', { ok: false, error: '"£" stands for GBP, but this amount is in EUR: enter it in EUR or change the currency' }],
  ] as const)('%o in %s', (form, locale, result) => {
    expect(readLatePayment(form, 'EUR', locale)).toEqual(result);
  });

  it('shows stored terms as the locale types them', () => {
    expect(latePaymentForm({ kind: 'monthly-percent', basisPoints: 150 }, 'EUR', 'de-DE')).toEqual({ kind: 'monthly-percent', figure: '1,5' });
    expect(latePaymentForm({ kind: 'flat-fee', amount: 2_500 }, 'EUR', 'de-DE')).toEqual({ kind: 'flat-fee', figure: '25,00' });
  });
});

describe('the project editor', () => {
  it('saves the project with its late-payment terms, and names a bad figure', async () => {
    const db = freshDatabase();
    const client = await saveClient(db, { name: 'Acme', email: '', address: '', taxId: '', currency: 'EUR', locale: 'en' });
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={onDone} />);
    type('Project name', 'Website');
    type('Contract total (net)', '1000');
    type('Milestone 1 percent', '30');
    type('Milestone 2 percent', '40');
    type('Milestone 3 percent', '30');
    fireEvent.change(screen.getByLabelText('Late payment'), { target: { value: 'monthly-percent' } });
    type('Interest % per month', 'lots');
    fireEvent.blur(screen.getByLabelText('Interest % per month'));
    expect([...document.querySelectorAll('.field-problem')].map((p) => p.textContent)).toEqual(['"lots" is not a percentage: write it like 33.5']);
    type('Interest % per month', '1.5');
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.projects.toArray())[0]!.latePayment).toEqual({ kind: 'monthly-percent', basisPoints: 150 });
  });
});
