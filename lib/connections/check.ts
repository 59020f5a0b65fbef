import type { IsoDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import { countsAsDone, placeCard } from '../db/delivery';
import type { Connection } from './entity';
import type { BoardApi } from './outcome';
import { mayAsk, pendingCards } from './pending';
import { clearDisagreement, recordOutcome } from './store';

export interface CheckDeps {
  db: MilestoneDatabase;
  apiFor: (connection: Connection) => BoardApi;
  /** What a delivery sets off (the invoice), exactly as for a move seen on the page. */
  afterDelivery: (milestoneId: string) => Promise<void>;
  now: () => number;
  today: () => IsoDate;
}

/**
 * Asks each connected board's API where its linked, undelivered cards are, and places them as a
 * page would: a card in Done is delivered through the same transaction, so a check racing another
 * check or a page delivers once. Boards with nothing pending are not asked at all.
 */
export async function checkConnectedBoards(deps: CheckDeps): Promise<string[]> {
  const delivered: string[] = [];
  for (const connection of await deps.db.connections.toArray()) {
    if (!mayAsk(connection, deps.now())) continue;
    const pending = await pendingCards(deps.db, connection);
    if (pending.length === 0) continue;
    const answer = await deps.apiFor(connection).cardColumns(connection.boardId, pending.map(({ link }) => link.cardId));
    await recordOutcome(deps.db, connection.id, answer, deps.now());
    if (answer.state !== 'ok') continue;
    for (const { link, board } of pending) {
      const onApi = answer.value.get(link.cardId);
      if (!onApi) continue;
      const placed = await placeCard(deps.db, { host: link.host, boardId: link.boardId, cardId: link.cardId, ...onApi }, deps.today(), deps.now());
      if (countsAsDone(board, onApi)) await clearDisagreement(deps.db, connection.id, link.cardId);
      if (placed.outcome !== 'delivered') continue;
      delivered.push(placed.milestoneId!);
      await deps.afterDelivery(placed.milestoneId!);
    }
  }
  return delivered;
}

/** Whether any connected board has a linked card still to deliver: only then does the alarm run. */
export async function anythingToCheck(db: MilestoneDatabase): Promise<boolean> {
  for (const connection of await db.connections.toArray()) {
    if (connection.state !== 'token-expired' && (await pendingCards(db, connection)).length > 0) return true;
  }
  return false;
}
