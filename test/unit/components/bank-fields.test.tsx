// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/Settings';
import { getSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

async function show() {
  const db = freshDatabase();
  render(<QueryClientProvider client={createQueryClient()}><SettingsForm db={db} locale="en-GB" /></QueryClientProvider>);
  await screen.findByRole('form', { name: 'Settings' });
  return { db, business: within(screen.getByRole('region', { name: 'Your business (printed on every invoice)' })) };
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
const problemOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-problem'))?.textContent;

describe('the seller’s bank details in settings', () => {
  it('saves an IBAN and BIC typed with spaces and lower case in electronic form', async () => {
    const { db, business } = await show();
    fireEvent.input(business.getByLabelText('IBAN'), { target: { value: 'de89 3704 0044 0532 0130 00' } });
    fireEvent.input(business.getByLabelText('BIC'), { target: { value: 'deutdeff' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    const profile = await getSetting(db, 'businessProfile');
    expect([profile.iban, profile.bic]).toEqual(['DE89370400440532013000', 'DEUTDEFF']);
  });

  it('explains a mistyped IBAN and a malformed BIC beside their fields, and saves nothing', async () => {
    const { db, business } = await show();
    const iban = business.getByLabelText('IBAN');
    const bic = business.getByLabelText('BIC');
    fireEvent.input(iban, { target: { value: 'DE89 3704 0044 0532 0130 01' } });
    fireEvent.blur(iban);
    expect(problemOf(iban)).toBe('This IBAN’s check digits do not match: a character is probably mistyped');
    expect(iban.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(bic, { target: { value: 'DEUTDEF' } });
    save();
    expect(problemOf(bic)).toBe('A BIC has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500');
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was saved: 2 fields need a change, marked above.');
    expect(await db.settings.get('businessProfile')).toBeUndefined();
  });
});
