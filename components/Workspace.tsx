import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { CardLink, Client, Project } from '../lib/db/entities';
import { BOARD_REFRESH_QUERY } from '../lib/messaging/tab-queries';
import { queryTab } from '../lib/platform/runtime';
import { t } from '../lib/ui/i18n';
import { milestoneStateLabel } from '../lib/ui/labels';
import { queries } from '../lib/ui/queries';
import type { WorkspaceTarget } from '../lib/ui/workspace-target';
import { BoardContext, useActiveBoard, type ActiveBoard } from './BoardContext';
import { CardLinkRow } from './CardLinkRow';
import { ClientEditor } from './ClientEditor';
import { InvoiceList } from './InvoiceList';
import { LoadError, Loading } from './Loading';
import { MilestoneActions } from './MilestoneActions';
import { ProfileNotice } from './ProfileNotice';
import { NewProjectEditor, ProjectEditor } from './ProjectEditor';
import { ProjectLifecycle } from './ProjectLifecycle';
import { useRevealed, useWorkspaceTarget } from './WorkspaceTarget';

/** The side panel: projects (the active board's first) or every invoice, one view at a time. */
export function Workspace({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const [view, setView] = useState<'projects' | 'invoices'>('projects');
  return (
    <>
      <ProfileNotice db={db} locale={locale} />
      <div class="view-switch" role="group" aria-label={t('show')}>
        <button aria-pressed={view === 'projects'} onClick={() => setView('projects')}>{t('projects')}</button>
        <button aria-pressed={view === 'invoices'} onClick={() => setView('invoices')}>{t('invoices')}</button>
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
  const [showArchived, setShowArchived] = useState(false);
  const target = useWorkspaceTarget();
  // An item opened from elsewhere must not hide behind an earlier search.
  useEffect(() => {
    if (target) setSearch('');
  }, [target]);
  if (projects.isPending || clients.isPending) return <Loading what={t('loadingProjects')} />;
  if (projects.isError) return <LoadError error={projects.error} />;
  const clientById = new Map((clients.data ?? []).map((client) => [client.id, client]));
  const needle = search.trim().toLocaleLowerCase();
  // The board's project and one opened from elsewhere show even when archived.
  const listed = (p: Project) => showArchived || !p.archivedAt || p.id === boundId || p.id === target?.project;
  const archivedCount = projects.data.filter((p) => p.archivedAt).length + (clients.data ?? []).filter((c) => c.archivedAt).length;
  const shown = projects.data
    .filter(listed)
    .filter((p) => !needle || [p.name, p.contractRef, clientById.get(p.clientId)?.name ?? ''].some((text) => text.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => Number(b.id === boundId) - Number(a.id === boundId));
  const activeClients = (clients.data ?? []).filter((c) => !c.archivedAt);
  // Clients with no project listed: those the search finds, and archived ones while they are shown.
  const wanted = (c: Client) => (needle ? (showArchived || !c.archivedAt) && c.name.toLocaleLowerCase().includes(needle) : showArchived && !!c.archivedAt);
  const matchingClients = (clients.data ?? []).filter((c) => wanted(c) && !shown.some((p) => p.clientId === c.id));
  return (
    <>
      {board && <BoardContext db={db} board={board} projects={projects.data.filter((p) => !p.archivedAt)} />}
      <div class="toolbar">
        <input type="search" aria-label={t('searchClientsProjects')} placeholder={t('searchPlaceholder')} value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        <button onClick={() => setEditor('client')}>{t('newClient')}</button>
        <button class="primary" onClick={() => setEditor('project')}>{t('newProject')}</button>
      </div>
      {archivedCount > 0 && (
        <label class="check"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} /> {t('showArchived', String(archivedCount))}</label>
      )}
      {editor === 'client' && <ClientEditor db={db} onDone={() => setEditor(null)} />}
      {editor === 'project' && <NewProjectEditor db={db} clients={activeClients} locale={locale} onDone={() => setEditor(null)} />}
      {projects.data.length === 0 && !editor && (
        <div class="empty">
          <p>{t('noProjectsYet')}</p>
          <p class="muted">{t('workspaceEmptyHint')}</p>
        </div>
      )}
      {shown.map((project) => (
        <ProjectCard key={project.id} db={db} project={project} client={clientById.get(project.clientId)} clients={activeClients} locale={locale} board={project.id === boundId ? board : null} target={target?.project === project.id ? target : undefined} />
      ))}
      {matchingClients.map((client) => <ClientWithoutProjects key={client.id} db={db} client={client} />)}
      {needle && shown.length === 0 && matchingClients.length === 0 && <p class="muted" role="status">{t('nothingMatches', search)}</p>}
    </>
  );
}

/** A client found by search that has no project listed: its name, and its editor at hand. */
function ClientWithoutProjects({ db, client }: { db: MilestoneDatabase; client: Client }) {
  const [editing, setEditing] = useState(false);
  return (
    <div class="card">
      {client.name} <span class="muted">· {client.archivedAt ? t('clientArchived') : t('noProjectsForClient')}</span>
      {!editing && <button class="link" onClick={() => setEditing(true)}>{t('editClient')}</button>}
      {editing && <ClientEditor db={db} client={client} onDone={() => setEditing(false)} />}
    </div>
  );
}

interface ProjectCardProps { db: MilestoneDatabase; project: Project; client?: Client; clients: Client[]; locale: string; board: ActiveBoard | null; target?: WorkspaceTarget }

function ProjectCard({ db, project, client, clients, locale, board, target }: ProjectCardProps) {
  const bound = !!board;
  const [editingClient, setEditingClient] = useState(false);
  const [editingProject, setEditingProject] = useState(false);
  const detail = useQuery(queries.projectDetail(db, project.id));
  const invoices = useQuery(queries.projectInvoices(db, project.id));
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);
  const rowFor = (milestoneId: string) => invoices.data?.find((row) => row.invoice.milestoneId === milestoneId && row.invoice.kind === 'invoice' && !row.invoice.voidedBy);
  // An invoice opened from elsewhere shows at its milestone; one without a milestone, at its project.
  const targetMilestone = target?.invoice ? invoices.data?.find((row) => row.invoice.id === target.invoice)?.invoice.milestoneId : undefined;
  const cardRef = useRevealed<HTMLElement>(!!target && !targetMilestone);
  // The board in the active tab drops the badge of a card unlinked here.
  const refreshBoard = (link: CardLink) => {
    if (board?.health.boardId === link.boardId) void queryTab(board.tabId, { type: BOARD_REFRESH_QUERY });
  };
  return (
    <section ref={cardRef} class={`card ${bound ? 'bound' : ''} ${target && !targetMilestone ? 'highlight' : ''}`} aria-label={project.name}>
      <h2>{project.name}{project.archivedAt && <span class="tag">{t('archivedTag')}</span>}</h2>
      <div class="muted">
        {client?.name} · {t('contractAmount', show(project.total))}{project.contractRef ? ` · ${project.contractRef}` : ''}
        {client && !editingClient && <button class="link" onClick={() => setEditingClient(true)}>{t('editClient')}</button>}
        {detail.data && !editingProject && <button class="link" onClick={() => setEditingProject(true)}>{t('editProject')}</button>}
      </div>
      {client && editingClient && <ClientEditor db={db} client={client} onDone={() => setEditingClient(false)} />}
      {detail.data && editingProject && <ProjectEditor db={db} clients={client?.archivedAt ? [...clients, client] : clients} locale={locale} editing={detail.data} onDone={() => setEditingProject(false)} />}
      {detail.isPending && <Loading what={t('loadingMilestones')} />}
      {detail.data && (
        <ul class="plain">
          {detail.data.milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} highlighted={milestone.id === targetMilestone}>
              <div class="figure">
                <span>{milestone.title}</span>
                <span><strong>{show(milestone.amount)}</strong> <span class="state">{milestoneStateLabel(milestone.state)}</span></span>
              </div>
              {detail.data!.links.filter((link) => link.milestoneId === milestone.id).map((link) => (
                <CardLinkRow key={link.id} db={db} link={link} milestone={milestone} invoiceNumber={rowFor(milestone.id)?.invoice.number} onUnlinked={refreshBoard} />
              ))}
              <MilestoneActions db={db} project={project} milestone={milestone} row={rowFor(milestone.id)} locale={locale} />
            </MilestoneItem>
          ))}
        </ul>
      )}
      <ActivityLog db={db} projectId={project.id} />
      {detail.data && invoices.data && (
        <ProjectLifecycle db={db} project={project} invoiced={invoices.data.length > 0} milestones={detail.data.milestones.length} links={detail.data.links.length} />
      )}
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
      <summary>{t('activity')}</summary>
      {open && activity.isPending && <Loading what={t('loadingActivity')} />}
      <ul class="activity">
        {activity.data?.map((entry) => (
          <li key={entry.id}><time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time> {entry.summary}</li>
        ))}
      </ul>
    </details>
  );
}
