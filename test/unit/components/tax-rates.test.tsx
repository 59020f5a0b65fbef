// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectEditor } from '../../../components/ProjectEditor';
import { readTaxRates } from '../../../components/TaxRatesFields';
import { saveClient } from '../../../lib/db/clients';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the project’s tax rates', () => {
  it('saves several named rates with their categories: US state, county and city sales tax on one base', async () => {
    const db = freshDatabase();
    const client = await saveClient(db, { name: 'Acme Inc.', email: '', address: 'Chicago', taxId: '', currency: 'USD', locale: 'en-US' });
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[client]} locale="en-US" onDone={onDone} />);
    type('Project name', 'Storefront');
    type('Contract total (net)', '10,000');
    type('Tax 1 name', 'Illinois sales tax');
    type('Tax 1 rate % (empty for none)', '6.25');
    fireEvent.click(screen.getByRole('button', { name: 'Add a tax rate' }));
    type('Tax 2 name', 'Cook County sales tax');
    type('Tax 2 rate % (empty for none)', '1.75');
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.projects.toArray())[0]!.taxes.rates).toEqual([
      { name: 'Illinois sales tax', basisPoints: 625, category: 'standard' },
      { name: 'Cook County sales tax', basisPoints: 175, category: 'standard' },
    ]);
  });

  it('keeps a reduced rate and an exempt rate with its wording', async () => {
    const db = freshDatabase();
    const client = await saveClient(db, { name: 'Acme GmbH', email: '', address: 'Hamburg', taxId: '', currency: 'EUR', locale: 'de-DE' });
    const onDone = vi.fn();
    render(<ProjectEditor db={db} clients={[client]} locale="de-DE" onDone={onDone} />);
    type('Project name', 'Brochure');
    type('Contract total (net)', '1.000');
    type('Tax 1 rate % (empty for none)', '7');
    choose('Tax 1 category', 'reduced');
    fireEvent.click(screen.getByRole('button', { name: 'Add a tax rate' }));
    type('Tax 2 name', 'VAT');
    choose('Tax 2 category', 'exempt');
    type('Tax 2 exemption wording (printed on the invoice)', 'Steuerfrei nach § 4 Nr. 21 UStG');
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.projects.toArray())[0]!.taxes.rates).toEqual([
      { name: 'VAT', basisPoints: 700, category: 'reduced' },
      { name: 'VAT', basisPoints: 0, category: 'exempt', exemption: 'Steuerfrei nach § 4 Nr. 21 UStG' },
    ]);
  });

  it('names the rate that is not a percentage or has no name', () => {
    expect(readTaxRates([{ name: 'VAT', rate: 'nineteen', category: 'standard', exemption: '' }], 'en-US')).toEqual({
      ok: false, error: 'Tax 1: "nineteen" is not a percentage: write it like 33.5',
    });
    expect(readTaxRates([{ name: ' ', rate: '19', category: 'standard', exemption: '' }], 'en-US')).toEqual({
      ok: false, error: 'Tax 1 needs a name, like VAT or State sales tax',
    });
    expect(readTaxRates([{ name: 'VAT', rate: '', category: 'standard', exemption: '' }], 'en-US')).toEqual({ ok: true, value: [] });
  });
});
