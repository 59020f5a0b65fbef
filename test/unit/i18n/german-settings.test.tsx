// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/Settings';
import { getSetting } from '../../../lib/db/settings';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';
import { useLanguage } from './browser-i18n';

beforeAll(() => useLanguage('de'));
afterAll(() => {
  cleanup();
  useLanguage('en');
});

/** The problem shown beside a field: the element its aria-describedby names that holds a problem. */
const problemOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-problem'))?.textContent;

describe('the options in a browser set to German', () => {
  it('names each problem beside its field in German, counts them in German, and saves nothing', async () => {
    const db = freshDatabase();
    render(<QueryClientProvider client={createQueryClient()}><SettingsForm db={db} locale="de-DE" /></QueryClientProvider>);
    await screen.findByRole('form', { name: 'Einstellungen' });
    const business = within(screen.getByRole('region', { name: 'Ihr Unternehmen (auf jeder Rechnung gedruckt)' }));
    const link = business.getByLabelText('Zahlungslink');
    fireEvent.input(link, { target: { value: 'http://pay.example' } });
    fireEvent.blur(link);
    expect(problemOf(link)).toBe('Der Zahlungslink muss mit https:// beginnen');
    const pattern = within(screen.getByRole('region', { name: 'Rechnungsnummern' })).getByLabelText('Muster');
    fireEvent.input(pattern, { target: { value: 'R-{seq:4}-{seq:2}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect(problemOf(pattern)).toBe('Das Muster braucht genau ein {seq} (oder {seq:N} für N Stellen)');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nichts gespeichert: 2 Felder müssen geändert werden, oben markiert.'));
    expect((await getSetting(db, 'businessProfile')).paymentLink).toBe('');
  });
});
