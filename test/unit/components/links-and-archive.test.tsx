// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardLinkRow } from '../../../components/CardLinkRow';
import { ProjectLifecycle } from '../../../components/ProjectLifecycle';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { clientAndProject, freshDatabase } from '../db/helpers';

afterEach(cleanup);

async function linked() {
  const db = freshDatabase();
  const { project, milestones } = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Website board', projectId: project.id });
  const link = await linkCard(db, { host: 'trello', boardId: 'B1', cardId: 'c1', milestoneId: milestones[0]!.id, title: 'Pay the deposit', url: 'https://trello.com/c/c1' });
  return { db, project, milestone: milestones[0]!, link };
}

describe('undoing a link from the workspace', () => {
  it('asks, saying an issued invoice stays, then removes only the link and logs it', async () => {
    const { db, milestone, link } = await linked();
    const unlinked = vi.fn();
    render(<CardLinkRow db={db} link={link} milestone={milestone} invoiceNumber="INV-2026-0001" onUnlinked={unlinked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Unlink “Pay the deposit”' }));
    const ask = screen.getByRole('alertdialog', { name: 'Unlink “Pay the deposit” from “Deposit”?' });
    expect(ask.textContent).toContain('Invoice INV-2026-0001 stays as issued.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(await db.cardLinks.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Unlink “Pay the deposit”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unlink card' }));
    await waitFor(() => expect(unlinked).toHaveBeenCalledWith(link));
    expect(await db.cardLinks.count()).toBe(0);
    expect((await db.activity.toArray()).map((entry) => entry.summary)).toContain('Card "Pay the deposit" unlinked');
  });
});

describe('archiving and deleting a project', () => {
  it('archives and restores it', async () => {
    const { db, project } = await linked();
    render(<ProjectLifecycle db={db} project={project} invoiced={false} milestones={3} links={1} />);
    fireEvent.click(screen.getByRole('button', { name: 'Archive project' }));
    await waitFor(async () => expect((await db.projects.get(project.id))!.archivedAt).toBeGreaterThan(0));
  });

  it('offers no delete once the project has invoices', async () => {
    const { db, project } = await linked();
    render(<ProjectLifecycle db={db} project={project} invoiced milestones={3} links={1} />);
    expect(screen.queryByRole('button', { name: 'Delete project…' })).toBeNull();
  });

  it('deletes one without invoices only after a confirmation saying what goes', async () => {
    const { db, project } = await linked();
    render(<ProjectLifecycle db={db} project={project} invoiced={false} milestones={3} links={1} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete project…' }));
    const ask = screen.getByRole('alertdialog', { name: 'Delete “Website”?' });
    expect(ask.textContent).toContain('Deleting it removes its 3 milestones and 1 card link and unbinds its board.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Delete project' }));
    await waitFor(async () => expect(await db.projects.count()).toBe(0));
    expect(await db.milestones.count()).toBe(0);
  });
});
