import { z } from 'zod';
import type { BoardState } from '../db/boards';
import { boardHost, httpsUrl, type CardLink } from '../db/entities';

/**
 * Every message between content scripts, extension pages and the background. Each has a payload
 * schema (checked by the background before anything runs) and an audience: which senders may
 * send it. Board pages only ever reach their own board's data.
 */
const cardRef = { host: boardHost, boardId: z.string().min(1).max(200), cardId: z.string().min(1).max(200) };

export const messages = {
  'board.state': {
    audience: 'board',
    payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200) }),
  },
  'card.link': {
    audience: 'board',
    payload: z.object({
      ...cardRef,
      milestoneId: z.string().min(1),
      title: z.string().max(500),
      url: httpsUrl,
    }),
  },
  'card.unlink': {
    audience: 'board',
    payload: z.object(cardRef),
  },
  'demo.seed': {
    audience: 'extension',
    payload: z.object({}),
  },
} as const;

export type MessageType = keyof typeof messages;
export type Payload<T extends MessageType> = z.input<(typeof messages)[T]['payload']>;

export interface Responses {
  'board.state': BoardState;
  'card.link': CardLink;
  'card.unlink': null;
  'demo.seed': { seeded: boolean };
}

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Payload<T>;
}

export type Reply<T extends MessageType> = { ok: true; value: Responses[T] } | { ok: false; error: string };
