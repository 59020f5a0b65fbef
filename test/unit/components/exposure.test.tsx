// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExposureSummary } from '../../../components/ExposureSummary';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { seedDemo } from '../../../lib/demo/seed';
import { request } from '../../../lib/messaging/client';
import { freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn(() => Promise.resolve({ ok: true })) }));

afterEach(cleanup);
beforeEach(() => vi.mocked(request).mockClear());

function popup(db: MilestoneDatabase, onOpenItem = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ExposureSummary db={db} locale="en-US" onOpenWorkspace={() => {}} onOpenItem={onOpenItem} footer={<p>Backup reminder</p>} />
    </QueryClientProvider>,
  );
  return onOpenItem;
}

async function demo() {
  const db = freshDatabase();
  await seedDemo(db, new Date());
  return db;
}

const precedes = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('the popup exposure', () => {
  it('states its one basis once and counts delivered work tax included, like the open invoice', async () => {
    popup(await demo());
    // 4,284.00 deposit less 1,500.00 paid, plus the delivered 4,800.00 with 19 % VAT (5,712.00).
    expect((await screen.findByTestId('exposure-EUR')).textContent).toBe('€8,496.00');
    expect(screen.getAllByText(/tax included/i).map((node) => node.textContent)).toEqual(['Tax included: what clients owe, and what delivered work will bill.']);
    expect(screen.getByText('Delivered, not invoiced').nextElementSibling?.textContent).toBe('€5,712.00');
    expect(screen.queryByText('Late-payment interest and fees accrued')).toBeNull();
  });

  it('shows the overdue list first, then the figures, the forecast, the projects, and the footer last', async () => {
    popup(await demo());
    const exposure = await screen.findByTestId('exposure-EUR');
    const overdue = screen.getByRole('heading', { name: 'Most overdue' });
    const order = [screen.getByTestId('exposure-basis'), overdue, exposure, screen.getByTestId('forecast-EUR'), screen.getByRole('heading', { name: 'By project' }), screen.getByText('Backup reminder')];
    expect(order.slice(1).every((node, i) => precedes(order[i]!, node))).toBe(true);
    expect(within(overdue.closest('section')!).getAllByRole('button').map((button) => button.textContent)).toEqual(['Mark paid', 'Copy reminder', 'Open']);
  });

  it('hides aging buckets with nothing in them and writes dates in the locale, never ISO', async () => {
    popup(await demo());
    const chart = await screen.findByRole('group', { name: 'Invoiced and unpaid, by age' });
    // The demo's only open invoice is the deposit, 26 days late: one bar, no rows of 0.00.
    expect([...chart.querySelectorAll('.bar-label')].map((label) => label.textContent)).toEqual(['1-30 days late']);
    expect(screen.getByRole('region', { name: 'Exposure in EUR' }).textContent).not.toMatch(/€0\.00/);
    expect(screen.getByText(/days overdue/).textContent).toMatch(/^26 days overdue · due [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('hides a currency whose figures are all zero, and says so when nothing at all is unpaid', async () => {
    const db = await demo();
    const [project] = await db.projects.toArray();
    await db.projects.add({ ...project!, id: 'usd-project', name: 'Quiet retainer', currency: 'USD' });
    popup(db);
    await screen.findByTestId('exposure-EUR');
    expect(screen.queryByTestId('exposure-USD')).toBeNull();
    expect(screen.queryByTestId('exposure-nothing')).toBeNull();
    cleanup();
    await db.transaction('rw', [db.invoices, db.milestones, db.payments], async () => {
      await db.invoices.clear();
      await db.payments.clear();
      await db.milestones.clear();
    });
    await db.snapshots.clear();
    popup(db);
    expect((await screen.findByTestId('exposure-nothing')).textContent).toMatch(/^Nothing unpaid/);
    expect(screen.queryByTestId('exposure-EUR')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Most overdue' })).toBeNull();
  });

  it('opens an overdue invoice and a project in the workspace, without downloading the PDF again', async () => {
    const db = await demo();
    const [invoice] = await db.invoices.toArray();
    const onOpenItem = popup(db);
    fireEvent.click(await screen.findByRole('button', { name: `Open ${invoice!.number} in the workspace` }));
    expect(onOpenItem).toHaveBeenLastCalledWith({ project: invoice!.projectId, invoice: invoice!.id });
    fireEvent.click(within(screen.getByRole('heading', { name: 'By project' }).closest('section')!).getByRole('button'));
    expect(onOpenItem).toHaveBeenLastCalledWith({ project: invoice!.projectId });
    expect(request).not.toHaveBeenCalled();
  });

  it('charts the cash expected by week, with a table for screen readers', async () => {
    popup(await demo());
    const forecast = await screen.findByTestId('forecast-EUR');
    const rows = within(forecast).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toHaveLength(12);
    // The overdue deposit balance is expected this week; nothing else is invoiced yet.
    expect(rows.map((row) => row[1])).toEqual(['€2,784.00', ...new Array(11).fill('€0.00')]);
    expect(rows[0]![0]).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date()));
    expect(forecast.querySelectorAll('.week-bar')).toHaveLength(12);
    expect(within(forecast).getByText('Overdue, expected this week').nextElementSibling?.textContent).toBe('€2,784.00');
  });

  it('shows the late-payment charges accrued under the project terms, in total and on the overdue invoice', async () => {
    const db = await demo();
    const [project] = await db.projects.toArray();
    await db.projects.update(project!.id, { latePayment: { kind: 'monthly-percent', basisPoints: 150 } });
    popup(db);
    // 6 days on 4,284.00 and 20 on 2,784.00 at 18 % a year.
    expect((await screen.findByText('Late-payment interest and fees accrued')).nextElementSibling?.textContent).toBe('€40.13');
    expect(screen.getByText(/days overdue/).textContent).toMatch(/^26 days overdue · due .+ · €40\.13 late charges$/);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy reminder' }));
    await screen.findByText(/Reminder for .* copied\./);
    // In the client's language (de-DE), as the invoice itself.
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(
      'Zahlungsverzug: Zinsen von 1,5 % pro Monat auf überfällige Beträge. Bis heute sind auf diese Rechnung 40,13\u00a0€ angefallen.',
    ));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/am \d{2}\.\d{2}\.\d{4} fällig war \(vor 26 Tagen\)/));
  });

  it('marks an overdue invoice paid for its whole open balance', async () => {
    const db = await demo();
    const [invoice] = await db.invoices.toArray();
    popup(db);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark paid' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `${invoice!.number} marked paid.`);
    expect(request).toHaveBeenCalledWith('invoice.payment', expect.objectContaining({ invoiceId: invoice!.id, amount: 278_400 }));
  });
});
