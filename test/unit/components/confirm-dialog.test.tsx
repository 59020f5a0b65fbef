// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { createQueryClient } from '../../../lib/ui/queries';
import { MilestoneActions } from '../../../components/MilestoneActions';
import type { Invoice } from '../../../lib/db/entities';
import { request } from '../../../lib/messaging/client';
import { clientAndProject, freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
const sent = vi.mocked(request);

beforeEach(() => {
  sent.mockReset();
  sent.mockResolvedValue({ ok: true, value: { invoiceId: 'c1', number: 'CN-2026-0001', created: true } });
});
afterEach(cleanup);

/** A button that opens the dialog, as a page would. */
function Opener({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete…</button>
      {open && (
        <ConfirmDialog title="Delete the payment?" confirmLabel="Delete" danger onConfirm={() => (setOpen(false), onConfirm())} onCancel={() => setOpen(false)}>
          <p>The invoice is open again for €50.00.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function open() {
  const onConfirm = vi.fn();
  render(<Opener onConfirm={onConfirm} />);
  const opener = screen.getByRole('button', { name: 'Delete…' });
  opener.focus();
  fireEvent.click(opener);
  return { onConfirm, opener, dialog: screen.getByRole('alertdialog') };
}

describe('the confirm dialog', () => {
  it('is announced with its title and its explanation, and focuses the safe choice', () => {
    const { dialog } = open();
    expect(screen.getByRole('alertdialog', { name: 'Delete the payment?', description: 'The invoice is open again for €50.00.' })).toBe(dialog);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('cancels on Escape and gives focus back to what opened it', () => {
    const { onConfirm, opener, dialog } = open();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps Tab and Shift+Tab inside', () => {
    const { dialog } = open();
    const confirm = screen.getByRole('button', { name: 'Delete' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
  });

  it('confirms only on its confirm button', () => {
    const { onConfirm, opener } = open();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
  });
});

describe('voiding from the workspace', () => {
  async function invoiced() {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    const milestone = { ...milestones[0]!, state: 'invoiced' as const, invoiceId: 'i1' };
    const invoice = { id: 'i1', kind: 'invoice', number: 'INV-2026-0001', gross: 39_600, dueDate: '2026-12-08' } as Invoice;
    render(<QueryClientProvider client={createQueryClient()}><MilestoneActions db={db} project={project} milestone={milestone} row={{ invoice, paid: 0, balance: 39_600 }} locale="en-US" /></QueryClientProvider>);
  }

  it('asks in the app’s dialog, with the amount, and sends nothing on Cancel', async () => {
    await invoiced();
    const confirmSpy = vi.spyOn(window, 'confirm');
    fireEvent.click(screen.getByRole('button', { name: 'Void…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Void INV-2026-0001?' });
    expect(dialog.textContent).toMatch(/A credit note is issued for €396\.00/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent).not.toHaveBeenCalled();
    expect(confirmSpy).not.toHaveBeenCalled();
  });

  it('voids once confirmed', async () => {
    await invoiced();
    fireEvent.click(screen.getByRole('button', { name: 'Void…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void and issue credit note' }));
    expect(screen.getByRole('alert').textContent).toBe('Say why the invoice is voided: the credit note states it');
    expect(sent).not.toHaveBeenCalled();
    fireEvent.input(screen.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Billed to the wrong entity' } });
    fireEvent.click(screen.getByRole('button', { name: 'Void and issue credit note' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Credit note issued; the invoice is void.'));
    expect(sent.mock.calls).toEqual([['invoice.void', { invoiceId: 'i1', reason: 'Billed to the wrong entity' }]]);
  });
});
