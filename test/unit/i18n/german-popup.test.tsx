// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExposureSummary } from '../../../components/ExposureSummary';
import { seedDemo } from '../../../lib/demo/seed';
import { freshDatabase } from '../db/helpers';
import { useLanguage } from './browser-i18n';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn(() => Promise.resolve({ ok: true })) }));

beforeAll(() => useLanguage('de'));
afterAll(() => {
  cleanup();
  useLanguage('en');
});

describe('the popup in a browser set to German', () => {
  it('speaks German and writes amounts, counts and dates as Germans do', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date());
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ExposureSummary db={db} locale="de-DE" onOpenWorkspace={() => {}} onOpenItem={() => {}} />
      </QueryClientProvider>,
    );
    // The demo's open deposit (4,284.00 less 1,500.00 paid) plus delivered work with 19 % VAT (5,712.00).
    expect((await screen.findByTestId('exposure-EUR')).textContent).toBe('8.496,00\u00a0€');
    expect(screen.getByTestId('exposure-basis').textContent).toBe('Inklusive Steuern: was Kunden schulden und was gelieferte Arbeit noch in Rechnung stellt.');
    const overdue = screen.getByRole('heading', { name: 'Am längsten überfällig' }).closest('section')!;
    expect(within(overdue).getAllByRole('button').map((button) => button.textContent)).toEqual(['Als bezahlt markieren', 'Erinnerung kopieren', 'Öffnen']);
    expect(within(overdue).getByText(/überfällig ·/).textContent).toMatch(/^26 Tage überfällig · fällig am \d{2}\.\d{2}\.\d{4}$/);
    expect(screen.getByText('Geliefert, nicht berechnet').nextElementSibling?.textContent).toBe('5.712,00\u00a0€');
    expect(document.body.textContent).not.toMatch(/Open workspace|days overdue|Not yet due/);
  });
});
