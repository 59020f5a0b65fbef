import { allocate, validateSchedule, type MilestoneSpec } from '../billing/schedule';
import { formatMoney, money } from '../billing/money';
import { recordActivity } from './activity';
import { newId, type MilestoneDatabase } from './database';
import { milestoneSchema, projectSchema, type CardLink, type Milestone, type Project } from './entities';
import { InputError, parseOrThrow } from './errors';

export type ProjectInput = Omit<Project, 'id' | 'createdAt'> & {
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
  const project = parseOrThrow(projectSchema, { ...fields, id: newId(), createdAt: now }, 'project');
  const format = (amount: number) => formatMoney(money(amount, project.currency), 'en');
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
      `milestone ${position + 1}`,
    ),
  );

  await db.transaction('rw', [db.clients, db.projects, db.milestones, db.activity], async () => {
    if (!(await db.clients.get(project.clientId))) throw new InputError('Choose an existing client for the project');
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
