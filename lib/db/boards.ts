import { localDate } from '../billing/dates';
import { formatMoney, money } from '../billing/money';
import { missingForInvoice } from '../billing/profile';
import { invoiceBalances, receivables } from '../billing/receivables';
import type { ConnectionSummary } from '../connections/store';
import { recordActivity } from './activity';
import type { MilestoneDatabase } from './database';
import { boardSchema, cardLinkSchema, type Board, type BoardHost, type CardLink } from './entities';
import { InputError, parseOrThrow } from './errors';
import { projectDetail, type ProjectDetail } from './projects';
import { describeMissing } from '../ui/labels';
import { getSetting } from './settings';
import { t } from '../ui/i18n';

export const boardKey = (host: BoardHost, boardId: string) => `${host}:${boardId}`;
export const cardKey = (host: BoardHost, cardId: string) => `${host}:${cardId}`;

/** Binds a board to a project (or records an unbound board the user has visited). */
export async function bindBoard(
  db: MilestoneDatabase,
  input: { host: BoardHost; boardId: string; name: string; projectId?: string },
): Promise<Board> {
  return db.transaction('rw', [db.boards, db.projects, db.activity], async () => {
    const existing = await db.boards.get(boardKey(input.host, input.boardId));
    const board = parseOrThrow(
      boardSchema,
      { doneColumns: null, ...existing, ...input, id: boardKey(input.host, input.boardId) },
    );
    const project = input.projectId ? await db.projects.get(input.projectId) : undefined;
    if (input.projectId && !project) throw new InputError(t('projectGone'));
    await db.boards.put(board);
    if (project) await recordActivity(db, { kind: 'board-bound', projectId: project.id, summary: `Board "${board.name}" bound to the project` });
    return board;
  });
}

/** Money figures of the board's project, for the in-board panel and badges. */
export interface BoardFigures {
  invoiced: number;
  paid: number;
  toBill: number;
  /** Milestones whose invoice is past due with a balance left. */
  overdueMilestoneIds: string[];
  /**
   * Every amount the board shows, formatted here: building Intl formatters costs a board page
   * milliseconds it should not spend. Keys are milestone ids and "invoiced", "paid", "toBill".
   */
  display: Record<string, string>;
}

/** What a board page may know: its own binding, project schedule, card links and figures, nothing else. */
export interface BoardState {
  board: Board | null;
  detail: ProjectDetail | null;
  figures: BoardFigures | null;
  /** Until the business profile can issue a complete invoice, what it lacks (never its values); null once complete. */
  profileNotice: string | null;
  /** The board's API connection, if the user made one: its state in words, never its token (added by the background's handlers). */
  connection?: ConnectionSummary;
}

export async function boardState(
  db: MilestoneDatabase,
  host: BoardHost,
  boardId: string,
  { today = localDate(new Date()), locale = 'en' }: { today?: string; locale?: string } = {},
): Promise<BoardState> {
  const board = (await db.boards.get(boardKey(host, boardId))) ?? null;
  const detail = board?.projectId ? ((await projectDetail(db, board.projectId)) ?? null) : null;
  return { board, detail, figures: detail ? await boardFigures(db, detail, today, locale) : null, profileNotice: await profileNotice(db, locale) };
}

async function profileNotice(db: MilestoneDatabase, locale: string): Promise<string | null> {
  const missing = missingForInvoice(await getSetting(db, 'businessProfile'));
  return missing.length ? t('profileBlocksInvoices', describeMissing(missing, locale)) : null;
}

async function boardFigures(db: MilestoneDatabase, { project, milestones }: ProjectDetail, today: string, locale: string): Promise<BoardFigures> {
  const invoices = await db.invoices.where('projectId').equals(project.id).toArray();
  const payments = await db.payments.where('invoiceId').anyOf(invoices.map((invoice) => invoice.id)).toArray();
  const [row] = receivables({ projects: [project], milestones, invoices, payments }, today);
  const overdueMilestoneIds = invoiceBalances(invoices, payments, today)
    .filter((balance) => balance.bucket !== 'current' && balance.invoice.milestoneId)
    .map((balance) => balance.invoice.milestoneId!);
  const figures = { invoiced: row!.invoiced, paid: row!.paid, toBill: row!.remainingToBill };
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);
  const display = Object.fromEntries([
    ...milestones.map((milestone) => [milestone.id, show(milestone.amount)]),
    ...Object.entries(figures).map(([key, amount]) => [key, show(amount)]),
  ]);
  return { ...figures, overdueMilestoneIds, display };
}

/** What an unbound board may offer to bind: names and ids of projects and clients, never their amounts. */
export interface BoardChoices {
  projects: { id: string; name: string; clientName: string }[];
  clients: { id: string; name: string }[];
}

export async function boardChoices(db: MilestoneDatabase): Promise<BoardChoices> {
  const clients = (await db.clients.toArray()).filter((client) => !client.archivedAt).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const clientName = new Map(clients.map((client) => [client.id, client.name]));
  const projects = (await db.projects.toArray())
    .filter((project) => !project.archivedAt)
    .map(({ id, name, clientId }) => ({ id, name, clientName: clientName.get(clientId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { projects, clients };
}

/** Binds a board that has no project yet to an existing one, from the board's own panel. */
export async function bindUnboundBoard(
  db: MilestoneDatabase,
  input: { host: BoardHost; boardId: string; name: string; projectId: string },
  locale?: string,
): Promise<BoardState> {
  // A board page may never swap its project for another and so read that one's figures.
  if ((await boardState(db, input.host, input.boardId)).detail) throw new InputError(t('boardHasProject'));
  await bindBoard(db, input);
  return boardState(db, input.host, input.boardId, { locale });
}

/** Links a card to a milestone of the project its board is bound to. Relinking moves the card. */
export async function linkCard(
  db: MilestoneDatabase,
  input: Omit<CardLink, 'id' | 'linkedAt'>,
  now = Date.now(),
): Promise<CardLink> {
  const link = parseOrThrow(cardLinkSchema, { ...input, id: cardKey(input.host, input.cardId), linkedAt: now });
  return db.transaction('rw', [db.boards, db.milestones, db.cardLinks, db.activity], async () => {
    const board = await db.boards.get(boardKey(link.host, link.boardId));
    const milestone = await db.milestones.get(link.milestoneId);
    if (!board?.projectId) throw new InputError(t('bindBeforeLinking'));
    if (milestone?.projectId !== board.projectId) throw new InputError(t('milestoneNotOnBoard'));
    await db.cardLinks.put(link);
    await recordActivity(
      db,
      { kind: 'card-linked', projectId: board.projectId, milestoneId: milestone.id, summary: `Card "${link.title}" linked to "${milestone.title}"` },
      now,
    );
    return link;
  });
}

export async function unlinkCard(db: MilestoneDatabase, host: BoardHost, boardId: string, cardId: string): Promise<void> {
  await db.transaction('rw', [db.cardLinks, db.milestones, db.activity], async () => {
    const link = await db.cardLinks.get(cardKey(host, cardId));
    if (!link || link.boardId !== boardId) throw new InputError(t('cardNotLinked'));
    const milestone = await db.milestones.get(link.milestoneId);
    await db.cardLinks.delete(link.id);
    await recordActivity(db, {
      kind: 'card-unlinked',
      projectId: milestone?.projectId,
      milestoneId: link.milestoneId,
      summary: `Card "${link.title}" unlinked`,
    });
  });
}

/**
 * Unbinds a board from its project. Its card links go too (they name that project's milestones);
 * the project, its milestones and invoices stay. Logged in the project's activity.
 */
export async function unbindBoard(db: MilestoneDatabase, host: BoardHost, boardId: string, now = Date.now()): Promise<{ linksRemoved: number }> {
  return db.transaction('rw', [db.boards, db.cardLinks, db.activity], async () => {
    const board = await db.boards.get(boardKey(host, boardId));
    if (!board?.projectId) throw new InputError(t('boardNotBound'));
    const { projectId, ...unbound } = board;
    const linksRemoved = await db.cardLinks.where('[host+boardId]').equals([host, boardId]).delete();
    await db.boards.put(unbound);
    const cards = linksRemoved === 1 ? '1 card link' : `${linksRemoved} card links`;
    await recordActivity(db, { kind: 'board-unbound', projectId, summary: `Board "${board.name}" unbound from the project; its ${cards} removed` }, now);
    return { linksRemoved };
  });
}

/**
 * The user's choices for one board: its Done columns (null for the defaults), the panel's fold and
 * whether a card marked complete counts as Done.
 */
export async function updateBoardSettings(
  db: MilestoneDatabase,
  host: BoardHost,
  boardId: string,
  settings: { doneColumns?: string[] | null; panelCollapsed?: boolean; completeCountsAsDone?: boolean },
  locale?: string,
): Promise<BoardState> {
  await db.transaction('rw', db.boards, async () => {
    const board = await db.boards.get(boardKey(host, boardId));
    if (!board) throw new InputError(t('setUpProjectFirst'));
    await db.boards.put(parseOrThrow(boardSchema, { ...board, ...settings }));
  });
  return boardState(db, host, boardId, { locale });
}
