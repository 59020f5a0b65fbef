// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    expect(screen.queryByText('Late-payment interest and fees accrued')).toBeNull();
  });

  it('shows the late-payment charges accrued under the project terms, in total and on the overdue invoice', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date());
    const [project] = await db.projects.toArray();
    await db.projects.update(project!.id, { latePayment: { kind: 'monthly-percent', basisPoints: 150 } });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ExposureSummary db={db} locale="en-US" onOpenWorkspace={() => {}} />
      </QueryClientProvider>,
    );
    // 6 days on 4,284.00 and 20 on 2,784.00 at 18 % a year.
    expect((await screen.findByText('Late-payment interest and fees accrued')).nextElementSibling?.textContent).toBe('€40.13');
    expect(screen.getByText(/days overdue/).textContent).toMatch(/^26 days overdue \(due \d{4}-\d{2}-\d{2}\) · €40\.13 late charges$/);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy reminder' }));
    await screen.findByText(/Reminder for .* copied\./);
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(
      'Late payment: interest of 1.5 % per month on overdue amounts. To date, €40.13 has accrued on this invoice.',
    ));
  });
});
