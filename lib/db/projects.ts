import { allocate, validateSchedule, type MilestoneSpec } from '../billing/schedule';
import { formatMoney, money } from '../billing/money';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { milestoneSchema, projectSchema, type CardLink, type Milestone, type Project } from './entities';
import { InputError, parseOrThrow } from './errors';
import { t } from '../ui/i18n';

export type ProjectInput = Omit<Project, 'id' | 'createdAt' | 'archivedAt'> & {
  milestones: (MilestoneSpec & { deliverable?: string })[];
};

export interface ProjectDetail {
  project: Project;
  milestones: Milestone[];
  links: CardLink[];
}

/** Creates a project and its schedule in one transaction, or throws InputError and writes nothing. */
export async function createProject(db: MilestoneDatabase, input: ProjectInput, now = Date.now()): Promise<ProjectDetail> {
  const { milestones: specs, ...fields } = input;
  const project = parseOrThrow(projectSchema, { ...fields, id: newId(), createdAt: now });
  const format = (amount: number) => formatMoney(money(amount, project.currency), t('catalogLanguage'));
  const problems = validateSchedule(project.total, specs, format);
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join('. '));

  const amounts = allocate(project.total, specs);
  const milestones = specs.map((spec, position) =>
    parseOrThrow(
      milestoneSchema,
      {
        id: newId(),
        projectId: project.id,
        position,
        title: spec.title.trim(),
        deliverable: spec.deliverable ?? '',
        share: spec.share,
        amount: amounts[position],
        state: 'planned',
      },
    ),
  );

  await db.transaction('rw', [db.clients, db.projects, db.milestones, db.activity], async () => {
    if (!(await db.clients.get(project.clientId))) throw new InputError(t('chooseExistingClient'));
    await db.projects.add(project);
    await db.milestones.bulkAdd(milestones);
    await recordActivity(db, { kind: 'project-created', projectId: project.id, summary: `Project "${project.name}" created with ${milestones.length} milestones` }, now);
  });
  return { project, milestones, links: [] };
}

export async function projectDetail(db: MilestoneDatabase, projectId: string): Promise<ProjectDetail | undefined> {
  return db.transaction('r', [db.projects, db.milestones, db.cardLinks], async () => {
    const project = await db.projects.get(projectId);
    if (!project) return undefined;
    const milestones = await db.milestones.where('projectId').equals(projectId).sortBy('position');
    const links = await db.cardLinks.where('milestoneId').anyOf(milestones.map((m) => m.id)).toArray();
    return { project, milestones, links };
  });
}

export function listProjects(db: MilestoneDatabase): Promise<Project[]> {
  return db.projects.orderBy('name').toArray();
}

/** Milestones whose amount the client has agreed to or been invoiced for. */
const amountFrozen = (milestone: Milestone) => !['planned', 'in-progress', 'delivered'].includes(milestone.state);
const sameShare = (a: MilestoneSpec['share'], b: MilestoneSpec['share']) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a project and its schedule in one transaction. Milestones keep their ids by position, so
 * card links survive. Once a milestone is accepted or invoiced, the total, currency and shares are
 * frozen (correct an issued invoice with a credit note); titles and deliverables may still change.
 */
export async function updateProject(db: MilestoneDatabase, projectId: string, input: ProjectInput, now = Date.now()): Promise<ProjectDetail> {
  const { milestones: specs, ...fields } = input;
  return db.transaction('rw', [db.clients, db.projects, db.milestones, db.cardLinks, db.activity], async () => {
    const current = await db.projects.get(projectId);
    if (!current) throw new InputError(t('projectGone'));
    const kept = current.archivedAt ? { archivedAt: current.archivedAt } : {};
    const project = parseOrThrow(projectSchema, { ...fields, id: projectId, createdAt: current.createdAt, ...kept });
    if (!(await db.clients.get(project.clientId))) throw new InputError(t('chooseExistingClient'));
    const existing = await db.milestones.where('projectId').equals(projectId).sortBy('position');
    const scheduleChanged = project.total !== current.total || project.currency !== current.currency || specs.length !== existing.length ||
      specs.some((spec, i) => !sameShare(spec.share, existing[i]!.share));
    if (project.taxes.mode !== current.taxes.mode && existing.some((m) => m.invoiceId)) {
      throw new InputError(t('taxModeLocked'));
    }
    if (scheduleChanged && existing.some(amountFrozen)) {
      throw new InputError(t('scheduleLocked'));
    }
    const format = (amount: number) => formatMoney(money(amount, project.currency), t('catalogLanguage'));
    const problems = validateSchedule(project.total, specs, format);
    if (problems.length) throw new InputError(problems.map((problem) => problem.message).join('. '));
    const amounts = allocate(project.total, specs);

    for (const removed of existing.slice(specs.length)) {
      const links = await db.cardLinks.where('milestoneId').equals(removed.id).count();
      if (links || removed.state !== 'planned') throw new InputError(t('milestoneNotRemovable', removed.title));
      await db.milestones.delete(removed.id);
    }
    const milestones = specs.map((spec, position) =>
      parseOrThrow(
        milestoneSchema,
        {
          ...(existing[position] ?? { id: newId(), projectId, state: 'planned' }),
          position,
          title: spec.title.trim(),
          deliverable: spec.deliverable ?? existing[position]?.deliverable ?? '',
          share: spec.share,
          amount: existing[position] && amountFrozen(existing[position]) ? existing[position].amount : amounts[position],
        },
      ),
    );
    await db.projects.put(project);
    await db.milestones.bulkPut(milestones);
    await recordActivity(db, { kind: 'project-updated', projectId, summary: `Project "${project.name}" updated` }, now);
    return { project, milestones, links: await db.cardLinks.where('milestoneId').anyOf(milestones.map((m) => m.id)).toArray() };
  });
}

/** Hides a project from pickers and lists (or shows it again); its boards keep delivering and its invoices count. */
export async function archiveProject(db: MilestoneDatabase, projectId: string, archived: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.projects, db.activity, async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new InputError(t('projectGone'));
    const { archivedAt: _, ...rest } = project;
    await db.projects.put(archived ? { ...rest, archivedAt: now } : rest);
    await recordActivity(db, { kind: archived ? 'archived' : 'restored', projectId, summary: `Project "${project.name}" ${archived ? 'archived' : 'restored'}` }, now);
  });
}

/**
 * Deletes a project that has no invoices, with its milestones and card links; its boards become
 * unbound. A project with invoices is refused (they must be kept): archive it instead.
 */
export async function deleteProject(db: MilestoneDatabase, projectId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.projects, db.milestones, db.cardLinks, db.boards, db.invoices, db.activity], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new InputError(t('projectGone'));
    if (await db.invoices.where('projectId').equals(projectId).count()) throw new InputError(t('projectHasInvoices'));
    const milestoneIds = await db.milestones.where('projectId').equals(projectId).primaryKeys();
    await db.cardLinks.where('milestoneId').anyOf(milestoneIds).delete();
    await db.milestones.bulkDelete(milestoneIds);
    await db.boards.where('projectId').equals(projectId).modify((board) => void delete board.projectId);
    await db.projects.delete(projectId);
    await recordActivity(db, { kind: 'deleted', summary: `Project "${project.name}" deleted with its ${milestoneIds.length} milestones` }, now);
  });
}
