import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { clientSchema, type Client } from './entities';
import { InputError, parseOrThrow } from './errors';
import { t } from '../ui/i18n';

export type ClientInput = Omit<Client, 'id' | 'createdAt' | 'archivedAt'> & { id?: string };

export async function saveClient(db: MilestoneDatabase, input: ClientInput, now = Date.now()): Promise<Client> {
  const existing = input.id ? await db.clients.get(input.id) : undefined;
  const client = parseOrThrow(
    clientSchema,
    { ...input, id: input.id ?? newId(), createdAt: existing?.createdAt ?? now, ...(existing?.archivedAt ? { archivedAt: existing.archivedAt } : {}) },
  );
  await db.transaction('rw', db.clients, db.activity, async () => {
    await db.clients.put(client);
    await recordActivity(db, { kind: 'client-saved', summary: `Client "${client.name}" saved` }, now);
  });
  return client;
}

export function listClients(db: MilestoneDatabase): Promise<Client[]> {
  return db.clients.orderBy('name').toArray();
}

/** Hides a client from pickers and lists (or shows it again); its projects and invoices stay as they are. */
export async function archiveClient(db: MilestoneDatabase, clientId: string, archived: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.clients, db.activity, async () => {
    const client = await db.clients.get(clientId);
    if (!client) throw new InputError(t('clientGone'));
    const { archivedAt: _, ...rest } = client;
    await db.clients.put(archived ? { ...rest, archivedAt: now } : rest);
    await recordActivity(db, { kind: archived ? 'archived' : 'restored', summary: `Client "${client.name}" ${archived ? 'archived' : 'restored'}` }, now);
  });
}

/** Why a client cannot be deleted, in the user's words; undefined when it can. */
export async function clientDeletionProblem(db: MilestoneDatabase, clientId: string): Promise<string | undefined> {
  // Invoices belong to projects, and a project with invoices is never deleted: its client's invoices are its projects'.
  const projectIds = await db.projects.where('clientId').equals(clientId).primaryKeys();
  if (await db.invoices.where('projectId').anyOf(projectIds).count()) return t('clientHasInvoices');
  if (projectIds.length) return t('clientHasProjects');
  return undefined;
}

/** Deletes a client that has no projects and no invoices, or throws InputError and deletes nothing. */
export async function deleteClient(db: MilestoneDatabase, clientId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.clients, db.projects, db.invoices, db.activity], async () => {
    const client = await db.clients.get(clientId);
    if (!client) throw new InputError(t('clientGone'));
    const problem = await clientDeletionProblem(db, clientId);
    if (problem) throw new InputError(problem);
    await db.clients.delete(clientId);
    await recordActivity(db, { kind: 'deleted', summary: `Client "${client.name}" deleted` }, now);
  });
}
