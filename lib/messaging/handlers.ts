import type { z } from 'zod';
import { boardState, linkCard, unlinkCard } from '../db/boards';
import type { MilestoneDatabase } from '../db/database';
import { seedDemo } from '../demo/seed';
import type { messages, MessageType, Responses } from './protocol';

export interface HandlerContext {
  db: MilestoneDatabase;
  now: () => Date;
}

type Handlers = {
  [T in MessageType]: (payload: z.output<(typeof messages)[T]['payload']>, ctx: HandlerContext) => Promise<Responses[T]>;
};

/** What the background does for each message. Plain async functions: tests call them directly. */
export const handlers: Handlers = {
  'board.state': ({ host, boardId }, { db }) => boardState(db, host, boardId),
  'card.link': (payload, { db, now }) => linkCard(db, payload, now().getTime()),
  'card.unlink': async ({ host, boardId, cardId }, { db }) => {
    await unlinkCard(db, host, boardId, cardId);
    return null;
  },
  'demo.seed': (_, { db, now }) => seedDemo(db, now()),
};
