import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { stateLabels } from '../lib/billing/lifecycle';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Client, Project } from '../lib/db/entities';
import { queries } from '../lib/ui/queries';
import type { WorkspaceTarget } from '../lib/ui/workspace-target';
import { BoardContext, useActiveBoard } from './BoardContext';
import { ClientEditor } from './ClientEditor';
import { InvoiceList } from './InvoiceList';
import { LoadError, Loading } from './Loading';
import { MilestoneActions } from './MilestoneActions';
import { ProfileNotice } from './ProfileNotice';
import { NewProjectEditor, ProjectEditor } from './ProjectEditor';
import { useRevealed, useWorkspaceTarget } from './WorkspaceTarget';

/** The side panel: projects (the active board's first) or every invoice, one view at a time. */
export function Workspace({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const [view, setView] = useState<'projects' | 'invoices'>('projects');
  return (
    <>
      <ProfileNotice db={db} locale={locale} />
      <div class="view-switch" role="group" aria-label="Show">
        <button aria-pressed={view === 'projects'} onClick={() => setView('projects')}>Projects</button>
        <button aria-pressed={view === 'invoices'} onClick={() => setView('invoices')}>Invoices</button>
      </div>
      {view === 'projects' ? <Projects db={db} locale={locale} /> : <InvoiceList db={db} locale={locale} />}
    </>
  );
}

/** Every client and project searchable, the active board's project first, editors at hand. */
function Projects({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const projects = useQuery(queries.projects(db));
  const clients = useQuery(queries.clients(db));
  const board = useActiveBoard();
  const boundId = useQuery({ ...queries.board(db, board?.health.host ?? 'trello', board?.health.boardId ?? ''), enabled: !!board }).data?.projectId;
  const [search, setSearch] = useState('');
  const [editor, setEditor] = useState<'client' | 'project' | null>(null);
  const target = useWorkspaceTarget();
  // An item opened from elsewhere must not hide behind an earlier search.
  useEffect(() => {
    if (target) setSearch('');
  }, [target]);
  if (projects.isPending || clients.isPending) return <Loading what="projects" />;
  if (projects.isError) return <LoadError error={projects.error} />;
  const clientById = new Map((clients.data ?? []).map((client) => [client.id, client]));
  const needle = search.trim().toLocaleLowerCase();
  const shown = projects.data
    .filter((p) => !needle || [p.name, p.contractRef, clientById.get(p.clientId)?.name ?? ''].some((text) => text.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => Number(b.id === boundId) - Number(a.id === boundId));
  const matchingClients = needle ? (clients.data ?? []).filter((c) => c.name.toLocaleLowerCase().includes(needle) && !shown.some((p) => p.clientId === c.id)) : [];
  return (
    <>
      {board && <BoardContext db={db} board={board} projects={projects.data} />}
      <div class="toolbar">
        <input type="search" aria-label="Search clients and projects" placeholder="Search clients and projects" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        <button onClick={() => setEditor('client')}>New client</button>
        <button class="primary" onClick={() => setEditor('project')}>New project</button>
      </div>
      {editor === 'client' && <ClientEditor db={db} onDone={() => setEditor(null)} />}
      {editor === 'project' && <NewProjectEditor db={db} clients={clients.data ?? []} locale={locale} onDone={() => setEditor(null)} />}
      {projects.data.length === 0 && !editor && (
        <div class="empty">
          <p>No projects yet.</p>
          <p class="muted">Add a client, then a project with its milestone schedule. To look around first, load the demo data from the options.</p>
        </div>
      )}
      {shown.map((project) => (
        <ProjectCard key={project.id} db={db} project={project} client={clientById.get(project.clientId)} clients={clients.data ?? []} locale={locale} bound={project.id === boundId} target={target?.project === project.id ? target : undefined} />
      ))}
      {matchingClients.map((client) => (
        <p class="card" key={client.id}>{client.name} <span class="muted">· no projects yet</span></p>
      ))}
      {needle && shown.length === 0 && matchingClients.length === 0 && <p class="muted" role="status">Nothing matches “{search}”.</p>}
    </>
  );
}

interface ProjectCardProps { db: MilestoneDatabase; project: Project; client?: Client; clients: Client[]; locale: string; bound: boolean; target?: WorkspaceTarget }

function ProjectCard({ db, project, client, clients, locale, bound, target }: ProjectCardProps) {
  const [editingClient, setEditingClient] = useState(false);
  const [editingProject, setEditingProject] = useState(false);
  const detail = useQuery(queries.projectDetail(db, project.id));
  const invoices = useQuery(queries.projectInvoices(db, project.id));
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);
  const rowFor = (milestoneId: string) => invoices.data?.find((row) => row.invoice.milestoneId === milestoneId && row.invoice.kind === 'invoice' && !row.invoice.voidedBy);
  // An invoice opened from elsewhere shows at its milestone; one without a milestone, at its project.
  const targetMilestone = target?.invoice ? invoices.data?.find((row) => row.invoice.id === target.invoice)?.invoice.milestoneId : undefined;
  const cardRef = useRevealed<HTMLElement>(!!target && !targetMilestone);
  return (
    <section ref={cardRef} class={`card ${bound ? 'bound' : ''} ${target && !targetMilestone ? 'highlight' : ''}`} aria-label={project.name}>
      <h2>{project.name}</h2>
      <div class="muted">
        {client?.name} · contract {show(project.total)}{project.contractRef ? ` · ${project.contractRef}` : ''}
        {client && !editingClient && <button class="link" onClick={() => setEditingClient(true)}>Edit client</button>}
        {detail.data && !editingProject && <button class="link" onClick={() => setEditingProject(true)}>Edit project</button>}
      </div>
      {client && editingClient && <ClientEditor db={db} client={client} onDone={() => setEditingClient(false)} />}
      {detail.data && editingProject && <ProjectEditor db={db} clients={clients} locale={locale} editing={detail.data} onDone={() => setEditingProject(false)} />}
      {detail.isPending && <Loading what="milestones" />}
      {detail.data && (
        <ul class="plain">
          {detail.data.milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} highlighted={milestone.id === targetMilestone}>
              <div class="figure">
                <span>{milestone.title}</span>
                <span><strong>{show(milestone.amount)}</strong> <span class="state">{stateLabels[milestone.state]}</span></span>
              </div>
              {detail.data!.links.filter((link) => link.milestoneId === milestone.id).map((link) => (
                <div key={link.id} class="card-link">
                  <a href={link.url} target="_blank" rel="noreferrer">{link.title}</a>
                  {link.leftDoneOn && <span class="error"> · left Done on {link.leftDoneOn} after delivery</span>}
                </div>
              ))}
              <MilestoneActions db={db} project={project} milestone={milestone} row={rowFor(milestone.id)} locale={locale} />
            </MilestoneItem>
          ))}
        </ul>
      )}
      <ActivityLog db={db} projectId={project.id} />
    </section>
  );
}

function MilestoneItem({ highlighted, children }: { highlighted: boolean; children: ComponentChildren }) {
  const ref = useRevealed<HTMLLIElement>(highlighted);
  return <li ref={ref} class={`milestone ${highlighted ? 'highlight' : ''}`}>{children}</li>;
}

function ActivityLog({ db, projectId }: { db: MilestoneDatabase; projectId: string }) {
  const [open, setOpen] = useState(false);
  const activity = useQuery({ ...queries.activity(db, projectId), enabled: open });
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Activity</summary>
      {open && activity.isPending && <Loading what="activity" />}
      <ul class="activity">
        {activity.data?.map((entry) => (
          <li key={entry.id}><time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time> {entry.summary}</li>
        ))}
      </ul>
    </details>
  );
}
