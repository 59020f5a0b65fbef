// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExposureSummary } from '../../../components/ExposureSummary';
import { seedDemo } from '../../../lib/demo/seed';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

describe('the popup exposure', () => {
  it('states its one basis once and counts delivered work tax included, like the open invoice', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date());
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ExposureSummary db={db} locale="en-US" onOpenWorkspace={() => {}} />
      </QueryClientProvider>,
    );
    // 4,284.00 deposit less 1,500.00 paid, plus the delivered 4,800.00 with 19 % VAT (5,712.00).
    expect((await screen.findByTestId('exposure-EUR')).textContent).toBe('€8,496.00');
    expect(screen.getAllByText(/tax included/i).map((node) => node.textContent)).toEqual(['Tax included: what clients owe, and what delivered work will bill.']);
    expect(screen.getByText('Delivered, not invoiced').nextElementSibling?.textContent).toBe('€5,712.00');
  });
});
