import type { z } from 'zod';
import { bindUnboundBoard, boardChoices, boardState, linkCard, unlinkCard, updateBoardSettings, type BoardState } from '../db/boards';
import { connectionSummary } from '../connections/store';
import { placeCard } from '../db/delivery';
import { createProjectForBoard } from '../db/setup';
import { localDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import type { Connections } from '../connections/service';
import { seedDemo } from '../demo/seed';
import { InputError } from '../db/errors';
import { recordPayment, recordRefund } from '../db/payments';
import { getSetting } from '../db/settings';
import { invoicePdf, type IssuedInvoice } from '../invoicing/engine';
import { einvoiceFile } from '../invoicing/einvoice/delivery';
import { acceptAndIssue, afterDelivery, creditAndAnnounce, downloadDraft, issueFor, join, markDelivered, voidAndAnnounce, type InvoiceServices } from '../invoicing/service';
import type { IssuedSummary, messages, MessageType, Responses } from './protocol';
import { t } from '../ui/i18n';

export interface HandlerContext {
  db: MilestoneDatabase;
  now: () => Date;
  /** The user's locale, for amounts the background formats for board pages. */
  locale: string;
  invoices: InvoiceServices;
  /** Opens one of our pages in a tab (the background passes the platform's). */
  openPage?: (path: string) => Promise<void>;
  /** Boards connected to their API; absent where no network is wired (unit tests of other handlers). */
  connections?: Connections;
}

/** Milestone states the board's one-click "Invoice now" may bill. */
const BOARD_INVOICEABLE: ReadonlySet<string> = new Set(['delivered', 'accepted']);

const summary = ({ invoice, created }: IssuedInvoice): IssuedSummary => ({ invoiceId: invoice.id, number: invoice.number, created });

type Handlers = {
  [T in MessageType]: (payload: z.output<(typeof messages)[T]['payload']>, ctx: HandlerContext) => Promise<Responses[T]>;
};

/** What the background does for each message. Plain async functions: tests call them directly. */
export const handlers: Handlers = {
  'board.state': ({ host, boardId }, { db, now, locale }) => withConnection(db, boardState(db, host, boardId, { today: localDate(now()), locale })),
  'card.link': async (payload, { db, now, connections }) => {
    const link = await linkCard(db, payload, now().getTime());
    await connections?.schedule();
    return link;
  },
  'card.unlink': async ({ host, boardId, cardId }, { db }) => {
    await unlinkCard(db, host, boardId, cardId);
    return null;
  },
  'card.placed': async (seen, { db, now, invoices, connections }) => {
    const held = await connections?.holdUnconfirmed(seen);
    if (held) return held;
    const placed = await placeCard(db, seen, localDate(now()), now().getTime());
    if (placed.outcome === 'delivered') await afterDelivery(invoices, placed.milestoneId!);
    return placed.outcome;
  },
  'board.invoice-now': async ({ host, boardId, milestoneId }, { db, now, locale, invoices }) => {
    const { detail } = await boardState(db, host, boardId);
    const milestone = detail?.milestones.find((candidate) => candidate.id === milestoneId);
    if (!milestone) throw new InputError(t('milestoneNotOnBoard'));
    // Billing work before it is delivered asks first, and only the workspace can ask.
    if (!BOARD_INVOICEABLE.has(milestone.state)) throw new InputError(t('boardInvoicesDelivered'));
    await issueFor(invoices, milestoneId);
    return withConnection(db, boardState(db, host, boardId, { today: localDate(now()), locale }));
  },
  'milestone.deliver': async ({ milestoneId }, { invoices }) => {
    await markDelivered(invoices, milestoneId);
    return null;
  },
  'milestone.accept': async ({ milestoneId, ...acceptance }, { invoices }) => summary(await acceptAndIssue(invoices, milestoneId, acceptance)),
  'milestone.invoice': async ({ milestoneId, withoutAcceptance, allowEarlierDate, extras }, { invoices }) =>
    summary(await issueFor(invoices, milestoneId, { withoutAcceptance, allowEarlierDate, extras })),
  'milestone.draft': async ({ milestoneId }, { invoices }) => {
    await downloadDraft(invoices, milestoneId);
    return null;
  },
  'invoice.download': async ({ invoiceId }, { db, invoices }) => {
    const { file } = await invoicePdf(invoices.engine(), invoiceId);
    await invoices.outbox.download(file.bytes, join((await getSetting(db, 'invoiceFiles')).folder, file.filename));
    return { sha256: file.sha256 };
  },
  'invoice.einvoice': async ({ invoiceId, kind }, { db, invoices }) => {
    const file = await einvoiceFile(invoices.engine(), invoiceId, kind);
    await invoices.outbox.download(file.bytes, join((await getSetting(db, 'invoiceFiles')).folder, file.filename), file.mime);
    return { filename: file.filename };
  },
  'invoice.payment': async (payment, { db, now }) => {
    await recordPayment(db, payment, now().getTime());
    return null;
  },
  'invoice.void': async ({ invoiceId, reason }, { invoices }) => summary(await voidAndAnnounce(invoices, invoiceId, reason)),
  'invoice.credit': async ({ invoiceId, ...credit }, { invoices }) => summary(await creditAndAnnounce(invoices, invoiceId, credit)),
  'invoice.refund': async (refund, { db, now }) => {
    await recordRefund(db, refund, now().getTime());
    return null;
  },
  'board.create-project': (input, { db, locale }) => withConnection(db, createProjectForBoard(db, input, locale)),
  'board.settings': ({ host, boardId, ...settings }, { db, locale }) => withConnection(db, updateBoardSettings(db, host, boardId, settings, locale)),
  'board.choices': (_, { db }) => boardChoices(db),
  'board.open-profile': async (_, { openPage }) => {
    await openPage?.('welcome.html');
    return null;
  },
  'board.bind-project': ({ host, boardId, boardName, projectId }, { db, locale }) =>
    withConnection(db, bindUnboundBoard(db, { host, boardId, name: boardName, projectId }, locale)),
  'demo.seed': (_, { db, now }) => seedDemo(db, now()),
  'connection.connect': (input, { connections }) => needConnections(connections).connect(input),
  'connection.remove': async ({ host, boardId }, { connections }) => {
    await needConnections(connections).remove(host, boardId);
    return null;
  },
};

/** What a board page learns of its board, with its API connection's state when it has one (outside any transaction). */
async function withConnection(db: MilestoneDatabase, pending: Promise<BoardState>): Promise<BoardState> {
  const state = await pending;
  const connection = state.board ? await connectionSummary(db, state.board.host, state.board.boardId) : null;
  return connection ? { ...state, connection } : state;
}

function needConnections(connections: Connections | undefined): Connections {
  if (!connections) throw new InputError(t('connectingUnavailable'));
  return connections;
}
