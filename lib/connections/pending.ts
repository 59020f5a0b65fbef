import { canTransition } from '../billing/lifecycle';
import { boardKey } from '../db/boards';
import type { MilestoneDatabase } from '../db/database';
import type { Board, CardLink } from '../db/entities';
import type { Connection } from './entity';

/** A linked card whose milestone a move to Done would still deliver. */
export interface PendingCard {
  link: CardLink;
  board: Board;
}

/** The board's linked cards whose milestones are not delivered yet: the only ones worth asking about. */
export async function pendingCards(db: MilestoneDatabase, connection: Pick<Connection, 'host' | 'boardId'>): Promise<PendingCard[]> {
  const board = await db.boards.get(boardKey(connection.host, connection.boardId));
  if (!board) return [];
  const links = await db.cardLinks.where('[host+boardId]').equals([connection.host, connection.boardId]).toArray();
  const milestones = await db.milestones.bulkGet(links.map((link) => link.milestoneId));
  return links.filter((_, i) => milestones[i] && canTransition(milestones[i]!.state, 'delivered')).map((link) => ({ link, board }));
}

/** A connection asks its API nothing while its token is refused or the API asked for a pause. */
export const mayAsk = (connection: Connection, now: number) =>
  connection.state !== 'token-expired' && (connection.retryAt === undefined || connection.retryAt <= now);
