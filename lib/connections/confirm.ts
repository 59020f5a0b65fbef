import { canTransition } from '../billing/lifecycle';
import { boardKey, cardKey } from '../db/boards';
import type { MilestoneDatabase } from '../db/database';
import { countsAsDone, type CardSighting } from '../db/delivery';
import type { BoardHost } from '../db/entities';
import type { Connection } from './entity';
import type { BoardApi } from './outcome';
import { mayAsk } from './pending';
import { clearDisagreement, connectionKey, recordDisagreement, recordOutcome } from './store';

export type Sighting = { host: BoardHost; boardId: string; cardId: string } & CardSighting;

/** Why a page-seen Done was not acted on: the API disagreed, or could not be asked. */
export type Hold = 'unconfirmed';

/** Would this sighting deliver a milestone? Only then is the API asked. */
async function wouldDeliver(db: MilestoneDatabase, seen: Sighting): Promise<boolean> {
  const board = await db.boards.get(boardKey(seen.host, seen.boardId));
  const link = await db.cardLinks.get(cardKey(seen.host, seen.cardId));
  const milestone = link && link.boardId === seen.boardId ? await db.milestones.get(link.milestoneId) : undefined;
  return board !== undefined && milestone !== undefined && canTransition(milestone.state, 'delivered') && countsAsDone(board, seen);
}

/**
 * On a connected board, a Done seen on the page delivers only once the board's API agrees.
 * Returns null to go ahead as on any board, or a hold: nothing is issued, the page's column is not
 * recorded (so the next visit and the background check look again), and the reason is stored.
 */
export async function holdUnconfirmed(
  db: MilestoneDatabase,
  apiFor: (connection: Connection) => BoardApi,
  seen: Sighting,
  now: number,
): Promise<Hold | null> {
  const connection = await db.connections.get(connectionKey(seen.host, seen.boardId));
  if (!connection) return null;
  if (!(await wouldDeliver(db, seen))) {
    await clearDisagreement(db, connection.id, seen.cardId);
    return null;
  }
  if (!mayAsk(connection, now)) return 'unconfirmed';
  const answer = await apiFor(connection).cardColumns(seen.boardId, [seen.cardId]);
  await recordOutcome(db, connection.id, answer, now);
  if (answer.state !== 'ok') return 'unconfirmed';
  const board = (await db.boards.get(boardKey(seen.host, seen.boardId)))!;
  const onApi = answer.value.get(seen.cardId);
  if (onApi && countsAsDone(board, onApi)) {
    await clearDisagreement(db, connection.id, seen.cardId);
    return null;
  }
  await recordDisagreement(db, connection.id, { cardId: seen.cardId, pageColumn: seen.column, apiColumn: onApi?.column ?? null, at: now });
  return 'unconfirmed';
}
