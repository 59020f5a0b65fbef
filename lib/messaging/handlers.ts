import type { z } from 'zod';
import { boardState, linkCard, unlinkCard, updateBoardSettings } from '../db/boards';
import { placeCard } from '../db/delivery';
import { createProjectForBoard } from '../db/setup';
import { localDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import { seedDemo } from '../demo/seed';
import type { messages, MessageType, Responses } from './protocol';

export interface HandlerContext {
  db: MilestoneDatabase;
  now: () => Date;
  /** The user's locale, for amounts the background formats for board pages. */
  locale: string;
}

type Handlers = {
  [T in MessageType]: (payload: z.output<(typeof messages)[T]['payload']>, ctx: HandlerContext) => Promise<Responses[T]>;
};

/** What the background does for each message. Plain async functions: tests call them directly. */
export const handlers: Handlers = {
  'board.state': ({ host, boardId }, { db, now, locale }) => boardState(db, host, boardId, { today: localDate(now()), locale }),
  'card.link': (payload, { db, now }) => linkCard(db, payload, now().getTime()),
  'card.unlink': async ({ host, boardId, cardId }, { db }) => {
    await unlinkCard(db, host, boardId, cardId);
    return null;
  },
  'card.placed': (seen, { db, now }) => placeCard(db, seen, localDate(now()), now().getTime()),
  'board.create-project': (input, { db, locale }) => createProjectForBoard(db, input, locale),
  'board.settings': ({ host, boardId, ...settings }, { db, locale }) => updateBoardSettings(db, host, boardId, settings, locale),
  'demo.seed': (_, { db, now }) => seedDemo(db, now()),
};
