import { useQuery } from '@tanstack/preact-query';
import { stateLabels } from '../lib/billing/lifecycle';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Project } from '../lib/db/entities';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';
import { MilestoneActions } from './MilestoneActions';

/** The workspace's list of projects, each with its milestone schedule. */
export function ProjectList({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const projects = useQuery(queries.projects(db));
  if (projects.isPending) return <Loading what="projects" />;
  if (projects.isError) return <LoadError error={projects.error} />;
  if (projects.data.length === 0) {
    return (
      <div class="empty">
        <p>No projects yet.</p>
        <p class="muted">
          A project is a contract with its milestones. To look around first, load the demo data from the extension's
          options.
        </p>
      </div>
    );
  }
  return (
    <>
      {projects.data.map((project) => (
        <ProjectSchedule key={project.id} db={db} project={project} locale={locale} />
      ))}
    </>
  );
}

function ProjectSchedule({ db, project, locale }: { db: MilestoneDatabase; project: Project; locale: string }) {
  const detail = useQuery(queries.projectDetail(db, project.id));
  const invoices = useQuery(queries.projectInvoices(db, project.id));
  const rowFor = (milestoneId: string) => invoices.data?.find((row) => row.invoice.milestoneId === milestoneId && row.invoice.kind === 'invoice');
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);
  return (
    <section class="card" aria-label={project.name}>
      <h2>{project.name}</h2>
      <div class="muted">Contract {show(project.total)}{project.contractRef ? ` · ${project.contractRef}` : ''}</div>
      {detail.data && (
        <ul class="plain">
          {detail.data.milestones.map((milestone) => (
            <li key={milestone.id} class="milestone">
              <div class="figure">
                <span>{milestone.title}</span>
                <span>
                  <strong>{show(milestone.amount)}</strong> <span class="state">{stateLabels[milestone.state]}</span>
                </span>
              </div>
              <MilestoneActions project={project} milestone={milestone} row={rowFor(milestone.id)} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
