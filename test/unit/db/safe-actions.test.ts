import { describe, expect, it } from 'vitest';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { bindBoard, boardChoices, linkCard, unbindBoard } from '../../../lib/db/boards';
import { archiveClient, clientDeletionProblem, deleteClient, saveClient } from '../../../lib/db/clients';
import type { MilestoneDatabase } from '../../../lib/db/database';
import type { Milestone } from '../../../lib/db/entities';
import { issueInvoice } from '../../../lib/db/invoices';
import { deletePayment, invoicePayments, recordPayment, recordRefund } from '../../../lib/db/payments';
import { archiveProject, deleteProject, updateProject } from '../../../lib/db/projects';
import { clientAndProject, freshDatabase, snapshot } from './helpers';

const rule = { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true };

async function invoiced() {
  const db = freshDatabase();
  const setup = await clientAndProject(db);
  const milestone = setup.milestones[0]!;
  const draft = milestoneInvoiceDraft({ seller: setup.client, buyer: setup.client, project: setup.project, milestone, issueDate: '2026-11-20', supplyDate: '2026-11-20' });
  const { invoice } = await issueInvoice(db, draft, rule);
  return { db, ...setup, milestone, invoice };
}

const stateOf = async (db: MilestoneDatabase, milestone: Milestone) => (await db.milestones.get(milestone.id))!.state;
const log = async (db: MilestoneDatabase) => (await db.activity.toArray()).map((entry) => entry.summary);

describe('deleting a payment', () => {
  it('opens a paid invoice again and logs the amount and date', async () => {
    const { db, milestone, invoice } = await invoiced();
    const payment = await recordPayment(db, { invoiceId: invoice.id, amount: invoice.gross, date: '2026-11-21', method: 'Bank transfer', note: '' });
    expect(await stateOf(db, milestone)).toBe('paid');
    await deletePayment(db, payment.id);
    expect(await stateOf(db, milestone)).toBe('invoiced');
    expect(await invoicePayments(db, invoice.id)).toEqual([]);
    expect(await log(db)).toContain(`Payment of €396.00 on 2026-11-21 deleted from ${invoice.number}`);
  });

  it('refuses a payment with a refund against it, and changes nothing', async () => {
    const { db, invoice } = await invoiced();
    const payment = await recordPayment(db, { invoiceId: invoice.id, amount: invoice.gross, date: '2026-11-21', method: 'Bank transfer', note: '' });
    await recordRefund(db, { paymentId: payment.id, amount: 100, date: '2026-11-22', note: '' });
    const before = await snapshot(db);
    await expect(deletePayment(db, payment.id)).rejects.toThrow('Money was refunded against this payment: delete the refund first.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('deletes a refund, so a partly paid back invoice is paid again', async () => {
    const { db, milestone, invoice } = await invoiced();
    const payment = await recordPayment(db, { invoiceId: invoice.id, amount: invoice.gross, date: '2026-11-21', method: 'Bank transfer', note: '' });
    const refund = await recordRefund(db, { paymentId: payment.id, amount: 100, date: '2026-11-22', note: '' });
    expect(await stateOf(db, milestone)).toBe('partially-paid');
    await deletePayment(db, refund.id);
    expect(await stateOf(db, milestone)).toBe('paid');
    expect(await log(db)).toContain(`Refund of €1.00 on 2026-11-22 deleted from ${invoice.number}`);
  });
});

describe('unbinding a board', () => {
  it('removes its card links, keeps the project and its invoices, and logs it', async () => {
    const { db, project, milestone, invoice } = await invoiced();
    await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Website board', projectId: project.id });
    await linkCard(db, { host: 'trello', boardId: 'B1', cardId: 'c1', milestoneId: milestone.id, title: 'Deposit card', url: 'https://trello.com/c/c1' });
    expect(await unbindBoard(db, 'trello', 'B1')).toEqual({ linksRemoved: 1 });
    expect((await db.boards.get('trello:B1'))!.projectId).toBeUndefined();
    expect(await db.cardLinks.count()).toBe(0);
    expect(await db.invoices.get(invoice.id)).toBeDefined();
    expect(await log(db)).toContain('Board "Website board" unbound from the project; its 1 card link removed');
    await expect(unbindBoard(db, 'trello', 'B1')).rejects.toThrow('This board is not bound to a project');
  });
});

describe('archiving and deleting', () => {
  it('hides an archived client and project from a board’s choices, keeps them archived through edits, and restores them', async () => {
    const db = freshDatabase();
    const { client, project, milestones } = await clientAndProject(db);
    await archiveClient(db, client.id, true, 1000);
    await archiveProject(db, project.id, true, 1000);
    expect(await boardChoices(db)).toEqual({ projects: [], clients: [] });
    await saveClient(db, { ...client, name: 'Acme Retail AG' });
    await updateProject(db, project.id, { ...project, name: 'Website 2', milestones: milestones.map(({ title, share }) => ({ title, share })) });
    expect((await db.clients.get(client.id))!.archivedAt).toBe(1000);
    expect((await db.projects.get(project.id))!.archivedAt).toBe(1000);
    await archiveProject(db, project.id, false);
    await archiveClient(db, client.id, false);
    expect((await boardChoices(db)).projects.map((p) => p.name)).toEqual(['Website 2']);
    expect(await log(db)).toEqual(expect.arrayContaining(['Project "Website" archived', 'Project "Website 2" restored', 'Client "Acme Retail AG" restored']));
  });

  it('refuses to delete a project or client with invoices, and changes nothing', async () => {
    const { db, client, project } = await invoiced();
    const before = await snapshot(db);
    await expect(deleteProject(db, project.id)).rejects.toThrow('This project has invoices, which must be kept: archive it instead.');
    await expect(deleteClient(db, client.id)).rejects.toThrow('This client has invoices, which must be kept: archive the client instead.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('deletes a project without invoices with its milestones and links, unbinding its board; then its client', async () => {
    const db = freshDatabase();
    const { client, project, milestones } = await clientAndProject(db);
    await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Website board', projectId: project.id });
    await linkCard(db, { host: 'trello', boardId: 'B1', cardId: 'c1', milestoneId: milestones[0]!.id, title: 'Deposit card', url: 'https://trello.com/c/c1' });
    expect(await clientDeletionProblem(db, client.id)).toBe('This client still has projects: delete them first, or archive the client.');
    await deleteProject(db, project.id);
    expect([await db.projects.count(), await db.milestones.count(), await db.cardLinks.count()]).toEqual([0, 0, 0]);
    expect((await db.boards.get('trello:B1'))!.projectId).toBeUndefined();
    await deleteClient(db, client.id);
    expect(await db.clients.count()).toBe(0);
    expect(await log(db)).toEqual(expect.arrayContaining(['Project "Website" deleted with its 3 milestones', 'Client "Acme Retail GmbH" deleted']));
  });
});
