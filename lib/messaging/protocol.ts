import { z } from 'zod';
import type { BoardChoices, BoardState } from '../db/boards';
import type { PlacementOutcome } from '../db/delivery';
import type { Hold } from '../connections/confirm';
import type { ConnectionSummary } from '../connections/store';
import { boardHost, hostCardId, httpsUrl, type CardLink } from '../db/entities';
import { taxCategories } from '../billing/tax';
import { einvoiceKinds } from '../invoicing/einvoice/kinds';

/**
 * Every message between content scripts, extension pages and the background. Each has a payload
 * schema (checked by the background before anything runs) and an audience: which senders may
 * send it. Board pages only ever reach their own board's data.
 */
/** An extra line on a milestone invoice (expenses, extra hours, a discount as a negative price), bounded. */
const extraLine = z.object({
  description: z.string().trim().min(1).max(300),
  quantity: z.number().positive().max(1_000_000),
  unit: z.string().max(20),
  unitPrice: z.number().int().min(-1e13).max(1e13),
  category: z.enum(taxCategories),
});

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
      hostCardId: hostCardId.optional(),
    }),
  },
  'card.unlink': {
    audience: 'board',
    payload: z.object(cardRef),
  },
  'card.placed': {
    audience: 'board',
    payload: z.object({ ...cardRef, column: z.string().max(200), complete: z.boolean().optional() }),
  },
  'board.create-project': {
    audience: 'board',
    payload: z.object({
      host: boardHost,
      boardId: z.string().min(1).max(200),
      boardName: z.string().max(300),
      clientName: z.string().max(200),
      clientId: z.string().min(1).max(100).optional(),
      currency: z.string(),
      total: z.number().int(),
      templateId: z.string(),
    }),
  },
  'board.settings': {
    audience: 'board',
    payload: z.object({
      host: boardHost,
      boardId: z.string().min(1).max(200),
      doneColumns: z.array(z.string().max(200)).max(50).nullable().optional(),
      panelCollapsed: z.boolean().optional(),
      completeCountsAsDone: z.boolean().optional(),
    }),
  },
  'board.choices': {
    audience: 'board',
    payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200) }),
  },
  'board.bind-project': {
    audience: 'board',
    payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200), boardName: z.string().max(300), projectId: z.string().min(1).max(100) }),
  },
  'board.invoice-now': {
    audience: 'board',
    payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200), milestoneId: z.string().min(1) }),
  },
  /** Opens the welcome page, where the business profile is completed. */
  'board.open-profile': { audience: 'board', payload: z.object({ host: boardHost }) },
  'milestone.deliver': { audience: 'extension', payload: z.object({ milestoneId: z.string().min(1) }) },
  'milestone.accept': {
    audience: 'extension',
    payload: z.object({ milestoneId: z.string().min(1), by: z.string(), on: z.string(), evidence: z.string().max(2000) }),
  },
  'milestone.invoice': {
    audience: 'extension',
    /** The flags are sent only after the user confirmed: no acceptance yet, or a date earlier than the last invoice's. */
    payload: z.object({
      milestoneId: z.string().min(1),
      withoutAcceptance: z.boolean().optional(),
      allowEarlierDate: z.boolean().optional(),
      extras: z.array(extraLine).max(40).optional(),
    }),
  },
  'milestone.draft': { audience: 'extension', payload: z.object({ milestoneId: z.string().min(1) }) },
  'invoice.download': { audience: 'extension', payload: z.object({ invoiceId: z.string().min(1) }) },
  'invoice.einvoice': { audience: 'extension', payload: z.object({ invoiceId: z.string().min(1), kind: z.enum(einvoiceKinds) }) },
  'invoice.payment': {
    audience: 'extension',
    payload: z.object({ invoiceId: z.string().min(1), amount: z.number(), date: z.string(), method: z.string().max(100), note: z.string().max(2000) }),
  },
  'invoice.void': { audience: 'extension', payload: z.object({ invoiceId: z.string().min(1), reason: z.string().max(500).optional() }) },
  'invoice.credit': {
    audience: 'extension',
    payload: z.object({ invoiceId: z.string().min(1), amount: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }),
  },
  'invoice.refund': {
    audience: 'extension',
    payload: z.object({ paymentId: z.string().min(1), amount: z.number().int().positive(), date: z.string(), note: z.string().max(2000) }),
  },
  'demo.seed': {
    audience: 'extension',
    payload: z.object({}),
  },
  /** Tests the token once with the board's API and stores it; the page asked for host access first. */
  'connection.connect': {
    audience: 'extension',
    payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200), token: z.string().max(500), key: z.string().max(200).optional() }),
  },
  'connection.remove': { audience: 'extension', payload: z.object({ host: boardHost, boardId: z.string().min(1).max(200) }) },
} as const;

export type MessageType = keyof typeof messages;
export type Payload<T extends MessageType> = z.input<(typeof messages)[T]['payload']>;

export interface Responses {
  'board.state': BoardState;
  'card.link': CardLink;
  'card.unlink': null;
  'card.placed': PlacementOutcome | Hold;
  'board.create-project': BoardState;
  'board.settings': BoardState;
  'board.invoice-now': BoardState;
  'board.choices': BoardChoices;
  'board.bind-project': BoardState;
  'board.open-profile': null;
  'milestone.deliver': null;
  'milestone.accept': IssuedSummary;
  'milestone.invoice': IssuedSummary;
  'milestone.draft': null;
  'invoice.download': { sha256: string };
  'invoice.einvoice': { filename: string };
  'invoice.payment': null;
  'invoice.void': IssuedSummary;
  'invoice.credit': IssuedSummary;
  'invoice.refund': null;
  'demo.seed': { seeded: boolean };
  'connection.connect': ConnectionSummary;
  'connection.remove': null;
}

/** What a page learns about an invoice it had issued. */
export interface IssuedSummary {
  invoiceId: string;
  number: string;
  created: boolean;
}

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Payload<T>;
}

/** A refusal the user may override: today's date is earlier than that of the last issued invoice. */
export interface EarlierDateQuestion {
  issueDate: string;
  lastNumber: string;
  lastDate: string;
}

export type Reply<T extends MessageType> = { ok: true; value: Responses[T] } | { ok: false; error: string; earlierDate?: EarlierDateQuestion };

