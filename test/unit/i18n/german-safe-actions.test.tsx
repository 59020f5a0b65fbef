// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BoardConnection } from '../../../components/BoardConnection';
import { CardLinkRow } from '../../../components/CardLinkRow';
import { ProjectLifecycle } from '../../../components/ProjectLifecycle';
import { ibanProblem } from '../../../lib/billing/bank-account';
import { recordDisagreement, saveConnection } from '../../../lib/connections/store';
import { bindBoard, linkCard, unlinkCard } from '../../../lib/db/boards';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { useLanguage } from './browser-i18n';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
vi.mock('../../../lib/platform/permissions', () => ({ requestHostAccess: vi.fn(), releaseHostAccess: vi.fn() }));

beforeAll(() => useLanguage('de'));
afterEach(cleanup);
afterAll(() => useLanguage('en'));

async function linked() {
  const db = freshDatabase();
  const { project, milestones } = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Website board', projectId: project.id });
  const link = await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1aaaaaa', milestoneId: milestones[0]!.id, title: 'Pay the deposit', url: 'https://trello.com/c/C1aaaaaa' });
  return { db, project, milestone: milestones[0]!, link };
}

describe('the safe actions and board connections in a browser set to German', () => {
  it('asks before unlinking a card in German and then unlinks it', async () => {
    const { db, milestone, link } = await linked();
    render(<CardLinkRow db={db} link={link} milestone={milestone} invoiceNumber="INV-2026-0001" onUnlinked={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verknüpfung von „Pay the deposit“ lösen' }));
    const ask = screen.getByRole('alertdialog', { name: 'Verknüpfung von „Pay the deposit“ mit „Deposit“ lösen?' });
    expect(ask.textContent).toContain('Rechnung INV-2026-0001 bleibt wie gestellt.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Karte lösen' }));
    await waitFor(async () => expect(await db.cardLinks.count()).toBe(0));
  });

  it('says in German what deleting a project removes, counting as German counts', async () => {
    const { db, project } = await linked();
    render(<ProjectLifecycle db={db} project={project} invoiced={false} milestones={3} links={1} />);
    fireEvent.click(screen.getByRole('button', { name: 'Projekt löschen…' }));
    const ask = screen.getByRole('alertdialog', { name: '„Website“ löschen?' });
    expect(ask.textContent).toContain('Gelöscht werden: die 3 Meilensteine und 1 Kartenverknüpfung; das Board wird getrennt.');
  });

  it('shows a connection’s state and the card its API placed elsewhere in German', async () => {
    const db = freshDatabase();
    await saveConnection(db, { host: 'trello', boardId: 'B1aaaaaa', credentials: { key: 'k3y', token: 'ATTAsecret9876' } }, Date.parse('2026-11-25T09:30:00Z'));
    await db.connections.update('trello:B1aaaaaa', { state: 'token-expired' });
    await recordDisagreement(db, 'trello:B1aaaaaa', { cardId: 'C1aaaaaa', pageColumn: 'Done', apiColumn: 'Doing', at: 1 });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <BoardConnection db={db} host="trello" boardId="B1aaaaaa" />
      </QueryClientProvider>,
    );
    await screen.findByText('Verbindung zu Trello: Token abgelaufen – bitte neu verbinden');
    expect(within(screen.getByRole('list', { name: 'Nicht berechnete Karten' })).getByRole('listitem').textContent).toBe('Laut Trello ist diese Karte in „Doing“; keine Rechnung gestellt');
    expect(screen.getByRole('button', { name: 'Verbindung entfernen' })).toBeTruthy();
  });

  it('refuses in German', async () => {
    const { db } = await linked();
    await expect(unlinkCard(db, 'trello', 'B1aaaaaa', 'nobody00')).rejects.toThrow('Diese Karte ist nicht verknüpft');
    expect(ibanProblem('DE89370400440532013001')).toBe('Die Prüfziffern dieser IBAN stimmen nicht: Wahrscheinlich ist ein Zeichen vertippt');
  });
});
