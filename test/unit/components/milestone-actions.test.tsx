// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MilestoneActions } from '../../../components/MilestoneActions';
import type { Milestone, Project } from '../../../lib/db/entities';
import { request } from '../../../lib/messaging/client';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: { invoiceId: 'i1', number: 'INV-2026-0001', created: true } });
});
afterEach(cleanup);

async function delivered(invoiceOn: Project['invoiceOn'], acceptance?: Milestone['acceptance']) {
  const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db, { invoiceOn });
  const milestone: Milestone = { ...milestones[1]!, state: acceptance ? 'accepted' : 'delivered', acceptance };
  render(<MilestoneActions db={db} project={project} milestone={milestone} locale="en-US" />);
  return milestone;
}

describe('"Invoice now" in the workspace', () => {
  it('asks before invoicing a milestone the client has not accepted, and sends nothing on Cancel', async () => {
    await delivered('acceptance');
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now' }));
    expect(screen.getByRole('group', { name: 'Invoice without acceptance' }).textContent).toMatch(/The client has not accepted “Prototype” yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Invoice without acceptance' })).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });

  it('sends the override only after the user confirms it', async () => {
    const milestone = await delivered('acceptance');
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invoice without acceptance' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice issued without acceptance and saved.'));
    expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: true }]]);
  });

  it.each([
    ['a project invoiced on Done', 'done' as const, undefined],
    ['an accepted milestone', 'acceptance' as const, { by: 'Dana', on: '2026-11-24', evidence: '' }],
  ])('invoices %s at once, without the override', async (_, invoiceOn, acceptance) => {
    const milestone = await delivered(invoiceOn, acceptance);
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice issued and saved.'));
    expect(sent.mock.calls).toEqual([['milestone.invoice', { milestoneId: milestone.id }]]);
  });
});

describe('an issue date earlier than the last invoice’s', () => {
  const refusal = { ok: false as const, error: 'refused', earlierDate: { issueDate: '2026-11-20', lastNumber: 'INV-2026-0009', lastDate: '2026-11-24' } };

  it('asks with the date and the last number, and retries "Invoice now" with the flag only on confirm', async () => {
    const milestone = await delivered('done');
    sent.mockResolvedValueOnce(refusal);
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Issue dated 2026-11-20?' });
    expect(ask.textContent).toMatch(/Today’s date, 2026-11-20, is earlier than INV-2026-0009’s date, 2026-11-24/);
    fireEvent.click(screen.getByRole('button', { name: 'Issue dated 2026-11-20' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice issued dated 2026-11-20 and saved.'));
    expect(sent.mock.calls).toEqual([
      ['milestone.invoice', { milestoneId: milestone.id }],
      ['milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: undefined, allowEarlierDate: true }],
    ]);
    expect(screen.queryByRole('alertdialog', { name: 'Issue dated 2026-11-20?' })).toBeNull();
  });

  it('keeps a confirmed "without acceptance" on the retry', async () => {
    const milestone = await delivered('acceptance');
    sent.mockResolvedValueOnce(refusal);
    fireEvent.click(screen.getByRole('button', { name: 'Invoice now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invoice without acceptance' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Issue dated 2026-11-20' }));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(2));
    expect(sent.mock.calls[1]).toEqual(['milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: true, allowEarlierDate: true }]);
  });

  it('asks after "Mark delivered" too, and sends nothing more on Cancel', async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    render(<MilestoneActions db={db} project={project} milestone={milestones[0]!} locale="en-US" />);
    sent.mockResolvedValueOnce(refusal);
    fireEvent.click(screen.getByRole('button', { name: 'Mark delivered' }));
    await screen.findByRole('alertdialog', { name: 'Issue dated 2026-11-20?' });
    expect(screen.getByRole('status').textContent).toBe('Marked delivered; not invoiced yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog', { name: 'Issue dated 2026-11-20?' })).toBeNull();
    expect(sent.mock.calls).toEqual([['milestone.deliver', { milestoneId: milestones[0]!.id }]]);
  });
});
