import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { clientSchema, type Client } from './entities';
import { parseOrThrow } from './errors';

export type ClientInput = Omit<Client, 'id' | 'createdAt'> & { id?: string };

export async function saveClient(db: MilestoneDatabase, input: ClientInput, now = Date.now()): Promise<Client> {
  const existing = input.id ? await db.clients.get(input.id) : undefined;
  const client = parseOrThrow(
    clientSchema,
    { ...input, id: input.id ?? newId(), createdAt: existing?.createdAt ?? now },
    'client',
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
