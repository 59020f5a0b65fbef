// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MilestoneActions } from '../../../components/MilestoneActions';
import type { Milestone } from '../../../lib/db/entities';
import { request } from '../../../lib/messaging/client';
import { createQueryClient } from '../../../lib/ui/queries';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);
const year = new Date().getFullYear();

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: { invoiceId: 'i1', number: `INV-${year}-0001`, created: true } });
});
afterEach(cleanup);

async function shown(state: Milestone['state'], invoiceOn: 'done' | 'acceptance' = 'done') {
  const db = freshDatabase();
  const { project, milestones } = await clientAndProject(db, { invoiceOn });
  // The prototype: 330.00 net, 396.00 with 20 % VAT.
  const milestone: Milestone = { ...milestones[1]!, state };
  render(<QueryClientProvider client={createQueryClient()}><MilestoneActions db={db} project={project} milestone={milestone} locale="en-US" /></QueryClientProvider>);
  return milestone;
}

describe('"Invoice now" follows delivery', () => {
  it('is the primary action for delivered work and issues without asking', async () => {
    const milestone = await shown('delivered');
    const button = screen.getByRole('button', { name: 'Invoice now' });
    expect(button.className).toBe('primary');
    fireEvent.click(button);
    await waitFor(() => expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id }]]));
  });

  it.each(['planned', 'in-progress'] as const)('is secondary for %s work and asks first with the number and amount it will bill', async (state) => {
    await shown(state);
    const button = screen.getByRole('button', { name: 'Invoice now…' });
    expect(button.className).not.toContain('primary');
    expect(screen.queryByRole('button', { name: 'Invoice now' })).toBeNull();
    fireEvent.click(button);
    const ask = screen.getByRole('alertdialog', { name: 'Invoice “Prototype” before it is delivered?' });
    await waitFor(() => expect(ask.textContent).toContain(`It becomes invoice INV-${year}-0001 for €396.00 (tax included)`));
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });

  it('issues work not yet delivered only once the user confirms', async () => {
    const milestone = await shown('planned');
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now…' }));
    const ask = screen.getByRole('alertdialog');
    fireEvent.click(within(ask).getByRole('button', { name: 'Invoice now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice issued and saved.'));
    expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id }]]);
  });

  it('on a project waiting for acceptance, says the override is logged and sends it with the one confirmation', async () => {
    const milestone = await shown('planned', 'acceptance');
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now…' }));
    const ask = screen.getByRole('alertdialog');
    expect(ask.textContent).toContain('This project waits for the client’s acceptance; the activity log will say you invoiced without it.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Invoice now' }));
    await waitFor(() => expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: true }]]));
  });
});
