import { scheduleTemplates } from '../billing/schedule';
import { t } from '../ui/i18n';
import { templateMilestones } from '../ui/labels';
import { bindBoard, boardState, type BoardState } from './boards';
import { saveClient } from './clients';
import type { MilestoneDatabase } from './database';
import type { BoardHost } from './entities';
import { InputError } from './errors';
import { createProject } from './projects';
import { getSetting } from './settings';

export interface BoardProjectInput {
  host: BoardHost;
  boardId: string;
  boardName: string;
  clientName: string;
  /** An existing client instead of a new one named clientName. */
  clientId?: string;
  currency: string;
  total: number;
  templateId: string;
}

/**
 * "Create a project for this board": a client, a project on a schedule template, and the binding,
 * from the few fields the in-board form asks for. Details are edited later in the workspace.
 */
export async function createProjectForBoard(db: MilestoneDatabase, input: BoardProjectInput, locale?: string): Promise<BoardState> {
  const template = scheduleTemplates.find((t) => t.id === input.templateId);
  if (!template) throw new InputError(t('chooseTemplate'));
  const tables = [db.settings, db.clients, db.projects, db.milestones, db.boards, db.cardLinks, db.invoices, db.payments, db.activity];
  // One transaction: a schedule that does not add up leaves no orphan client behind.
  return db.transaction('rw', tables, async () => {
    if ((await boardState(db, input.host, input.boardId)).detail) throw new InputError(t('boardHasProject'));
    const defaults = await getSetting(db, 'defaults');
    const client = input.clientId
      ? await db.clients.get(input.clientId)
      : await saveClient(db, { name: input.clientName, email: '', address: '', taxId: '', currency: input.currency, locale: defaults.locale });
    if (!client) throw new InputError(t('clientGone'));
    const { project } = await createProject(db, {
      clientId: client.id,
      name: input.boardName || t('untitledBoard'),
      contractRef: '',
      currency: input.currency,
      total: input.total,
      taxes: { ...defaults.taxes, reverseCharge: false },
      terms: defaults.terms,
      invoiceOn: defaults.invoiceOn,
      milestones: templateMilestones(template),
    });
    await bindBoard(db, { host: input.host, boardId: input.boardId, name: input.boardName, projectId: project.id });
    return boardState(db, input.host, input.boardId, { locale });
  });
}
