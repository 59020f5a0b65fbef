// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardConnection } from '../../../components/BoardConnection';
import { saveConnection } from '../../../lib/connections/store';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { request } from '../../../lib/messaging/client';
import { requestHostAccess } from '../../../lib/platform/permissions';
import { freshDatabase } from '../db/helpers';

vi.mock('../../../lib/messaging/client', () => ({ request: vi.fn() }));
vi.mock('../../../lib/platform/permissions', () => ({ requestHostAccess: vi.fn(), releaseHostAccess: vi.fn() }));
const sent = vi.mocked(request);
const asked = vi.mocked(requestHostAccess);

beforeEach(() => {
  sent.mockReset();
  asked.mockReset();
});
afterEach(cleanup);

function show(db: MilestoneDatabase, host: 'trello' | 'github' | 'notion' = 'trello') {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <BoardConnection db={db} host={host} boardId="B1aaaaaa" />
    </QueryClientProvider>,
  );
}

describe('connecting a board in the workspace', () => {
  it('sends nothing when the browser refuses access to the API, and says why', async () => {
    asked.mockResolvedValue(false);
    show(freshDatabase());
    fireEvent.input(await screen.findByLabelText('API key'), { target: { value: 'k3y' } });
    fireEvent.input(screen.getByLabelText('Token'), { target: { value: 'ATTA1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Trello' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not connected: access to api.trello.com was not allowed.'));
    expect(asked).toHaveBeenCalledWith('https://api.trello.com');
    expect(sent).not.toHaveBeenCalled();
  });

  it('asks for access first, then sends the key and token to the background', async () => {
    asked.mockResolvedValue(true);
    sent.mockResolvedValue({ ok: false, error: 'Not connected: Trello refused the token: it has expired or was revoked' });
    show(freshDatabase());
    fireEvent.input(await screen.findByLabelText('API key'), { target: { value: 'k3y' } });
    expect(screen.getByRole('link', { name: 'Authorise Milestone Invoicer on Trello (read-only)' }).getAttribute('href')).toContain('key=k3y');
    fireEvent.input(screen.getByLabelText('Token'), { target: { value: 'ATTA1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Trello' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not connected: Trello refused the token: it has expired or was revoked'));
    expect(sent.mock.calls).toEqual([['connection.connect', { host: 'trello', boardId: 'B1aaaaaa', token: 'ATTA1', key: 'k3y' }]]);
  });

  it('explains which GitHub token fits which project, and asks no API key', async () => {
    show(freshDatabase(), 'github');
    await screen.findByText(/classic token with the read:project scope, because fine-grained tokens cannot read projects owned by a user/);
    expect(screen.queryByLabelText('API key')).toBeNull();
  });

  it('shows a connection by its state and the last characters of its token only', async () => {
    const db = freshDatabase();
    await saveConnection(db, { host: 'trello', boardId: 'B1aaaaaa', credentials: { key: 'k3y', token: 'ATTAsecret9876' } }, Date.parse('2026-11-25T09:30:00Z'));
    await db.connections.update('trello:B1aaaaaa', { state: 'token-expired' });
    show(db);
    await screen.findByText('Trello connection: token expired — reconnect');
    expect(document.body.textContent).toContain('Token ••••9876.');
    expect(document.body.textContent).not.toContain('ATTAsecret9876');
    sent.mockResolvedValue({ ok: true, value: null });
    fireEvent.click(screen.getByRole('button', { name: 'Remove connection' }));
    await waitFor(() => expect(sent.mock.calls).toEqual([['connection.remove', { host: 'trello', boardId: 'B1aaaaaa' }]]));
  });
});
