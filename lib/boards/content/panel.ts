import { scheduleTemplates } from '../../billing/schedule';
import { parseMoney } from '../../billing/money';
import type { BoardChoices, BoardState } from '../../db/boards';
import type { BoardProjectInput } from '../../db/setup';
import { t, tCount } from '../../ui/i18n';
import { templateLabel } from '../../ui/labels';
import { isDoneColumn } from '../done-columns';
import { h } from './dom';
import { badgeLabel, type BadgeState } from './format';

export interface PanelModel {
  hostLabel: string;
  /** The host shows a completion mark on cards, so it may count as Done. */
  marksComplete: boolean;
  recognised: boolean;
  state: BoardState | null;
  /** The board's column names, read when asked: columns may render after the panel. */
  columns: () => string[];
  collapsed: boolean;
  error?: string;
  /** Existing projects and clients an unbound board may use; null until they arrive. */
  choices: BoardChoices | null;
}

export interface PanelActions {
  setCollapsed(collapsed: boolean): void;
  invoiceNow(milestoneId: string): void;
  createProject(input: Omit<BoardProjectInput, 'host' | 'boardId' | 'boardName'>): void;
  bindProject(projectId: string): void;
  setDoneColumns(columns: string[] | null): void;
  setCompleteCountsAsDone(counts: boolean): void;
  /** Copies the layout report; `copied` false when the clipboard refused it. */
  copyLayoutReport(): Promise<{ report: string; copied: boolean }>;
  /** Opens the welcome page to complete the business profile. */
  openProfile(): void;
}

/** The milestone panel docked on the board: the bound project's schedule, or how to set one up. */
export function renderPanel(root: ShadowRoot, model: PanelModel, actions: PanelActions): void {
  root.querySelector('.panel, .folded')?.remove();
  if (model.collapsed) {
    root.append(h('button', { class: 'folded', 'aria-expanded': 'false', onclick: () => actions.setCollapsed(false) }, model.state?.profileNotice ? t('panelFoldedProfile') : t('panelFolded'), connectionFlag(model.state)));
    return;
  }
  const project = model.state?.detail?.project;
  root.append(
    h(
      'section',
      { class: 'panel', role: 'region', 'aria-label': t('extName'), lang: t('catalogLanguage') },
      h('header', {},
        h('h2', {}, project ? project.name : t('extName')),
        h('button', { 'aria-expanded': 'true', 'aria-label': t('foldPanel'), onclick: () => actions.setCollapsed(true) }, '–'),
      ),
      model.error ? h('p', { class: 'error', role: 'alert' }, model.error) : null,
      model.state?.profileNotice ? profileNotice(model.state.profileNotice, actions) : null,
      !model.recognised
        ? h('div', { class: 'warn', role: 'status' },
            h('p', { style: 'margin:0 0 6px' }, t('panelNotRecognised', model.hostLabel)),
            layoutReportControl(actions, true),
          )
        : model.state?.detail
          ? schedule(model, actions)
          : h('div', {}, bindForm(model, actions), setupForm(model, actions)),
      model.recognised ? h('footer', { style: 'margin-top:8px' }, layoutReportControl(actions, false)) : null,
    ),
  );
}

/** Until an invoice can be issued complete: what the profile lacks, and the way to the page that completes it. */
function profileNotice(text: string, actions: PanelActions) {
  return h('div', { class: 'warn', role: 'status', 'aria-label': t('profileIncomplete') },
    h('p', { style: 'margin:0 0 6px' }, text),
    h('button', { class: 'primary', onclick: () => actions.openProfile() }, t('completeProfile')),
  );
}

/** "Copy layout report", with a read-only copy of the report to select by hand when the clipboard refuses. */
function layoutReportControl(actions: PanelActions, prominent: boolean) {
  const outcome = h('p', { class: 'muted', role: 'status', style: 'margin:4px 0 0' });
  const fallback = h('textarea', { readonly: true, hidden: true, rows: '6', 'aria-label': t('layoutReport'), style: 'width:100%;box-sizing:border-box;font:11px monospace' });
  const copy = async () => {
    const { report, copied } = await actions.copyLayoutReport();
    outcome.textContent = copied ? t('layoutReportCopied') : t('layoutReportRefused');
    fallback.textContent = report;
    fallback.hidden = copied;
    if (!copied) fallback.select();
  };
  return h('div', {},
    h('button', { class: prominent ? 'primary' : '', onclick: () => void copy() }, t('copyLayoutReport')),
    outcome,
    fallback,
  );
}

function schedule(model: PanelModel, actions: PanelActions) {
  const { detail, figures, board } = model.state!;
  const { milestones, links } = detail!;
  const show = (key: string) => figures?.display[key] ?? '';
  const leftDone = links.filter((link) => link.leftDoneOn);
  return h('div', {},
    ...leftDone.map((link) => h('p', { class: 'warn', role: 'status' }, t('cardLeftDone', link.title))),
    ...connectionNotes(model.state!),
    h('ul', {},
      ...milestones.map((milestone) => {
        const state: BadgeState = figures?.overdueMilestoneIds.includes(milestone.id) ? 'overdue' : milestone.state;
        const cards = links.filter((link) => link.milestoneId === milestone.id);
        return h('li', { class: 'milestone' },
          h('div', { class: 'row' }, h('span', {}, milestone.title), h('strong', {}, show(milestone.id))),
          h('div', { class: 'row' },
            h('span', { class: 'muted' }, cards.length ? tCount('cards', cards.length) : t('noCardLinked')),
            h('span', { class: 'pill', 'data-state': state }, badgeLabel(state)),
          ),
          // Work not yet delivered is invoiced from the workspace, which asks first.
          milestone.state === 'delivered' || milestone.state === 'accepted'
            ? h('button', { class: 'invoice', 'aria-label': t('invoiceNowFor', milestone.title), onclick: () => actions.invoiceNow(milestone.id) }, t('invoiceNow'))
            : null,
          cards.length ? h('ul', { class: 'cards muted' }, ...cards.map((card) => h('li', {}, card.title))) : null,
        );
      }),
    ),
    figures
      ? h('div', { class: 'totals' },
          h('span', {}, `${t('totalsInvoiced')} `, h('strong', {}, show('invoiced'))),
          h('span', {}, `${t('totalsPaid')} `, h('strong', {}, show('paid'))),
          h('span', {}, `${t('totalsToBill')} `, h('strong', {}, show('toBill'))),
        )
      : null,
    doneColumnsEditor(model.columns, board?.doneColumns ?? null, actions),
    model.marksComplete ? completionOption(board?.completeCountsAsDone === true, actions) : null,
  );
}

/** On the folded tab: the connection needs a look (a card not confirmed, or the API failing). */
function connectionFlag(state: BoardState | null) {
  const connection = state?.connection;
  if (!connection || (connection.state === 'ok' && connection.disagreements.length === 0)) return null;
  return h('span', { class: 'attention', title: connection.disagreements[0]?.text ?? connection.line }, ' ⚠');
}

/** A connected board's state line, and each card its API placed elsewhere than the page's Done. */
function connectionNotes({ connection, detail }: BoardState) {
  if (!connection) return [];
  const title = (cardId: string) => detail?.links.find((link) => link.cardId === cardId)?.title ?? cardId;
  return [
    h('p', { class: connection.state === 'ok' ? 'muted' : 'warn', role: 'status', 'data-connection': connection.state }, connection.line),
    ...connection.disagreements.map(({ cardId, text }) => h('p', { class: 'warn', role: 'status' }, `“${title(cardId)}”: ${text}`)),
  ];
}

function doneColumnsEditor(columns: () => string[], chosen: string[] | null, actions: PanelActions) {
  const boxes = h('div', {});
  const fill = () =>
    boxes.replaceChildren(
      ...columns().map((name) =>
        h('label', { style: 'display:flex;gap:6px;align-items:center' },
          h('input', { type: 'checkbox', value: name, style: 'width:auto', ...(isDoneColumn(name, chosen) ? { checked: true } : {}) }),
          name,
        ),
      ),
    );
  // Nothing ticked means no card ever delivers: asked first, never saved by a slip.
  const confirmNone = h('div', { class: 'warn', role: 'alert', hidden: true },
    h('p', { style: 'margin:0 0 6px' }, t('noColumnTicked')),
    h('div', { style: 'display:flex;gap:6px' },
      h('button', { onclick: () => actions.setDoneColumns([]) }, t('saveNoDoneColumn')),
      h('button', { onclick: () => (confirmNone.hidden = true) }, t('keepChoosing')),
    ),
  );
  const save = () => {
    const picked = [...boxes.querySelectorAll('input')].filter((box) => box.checked).map((box) => box.value);
    if (picked.length === 0) return void (confirmNone.hidden = false);
    actions.setDoneColumns(picked);
  };
  const editor = h('details', {},
    h('summary', {}, t('doneColumns')),
    h('p', { class: 'muted' }, t('doneColumnsExplain')),
    boxes,
    h('div', { style: 'display:flex;gap:6px;margin-top:6px' },
      h('button', { class: 'primary', onclick: save }, t('save')),
      chosen ? h('button', { onclick: () => actions.setDoneColumns(null) }, t('useDefaults')) : null,
    ),
    confirmNone,
  );
  editor.addEventListener('toggle', () => editor.open && fill());
  return editor;
}

/** Trello's checkmark as a way to Done, beside the Done columns; off unless the user turns it on. */
function completionOption(on: boolean, actions: PanelActions) {
  const onchange = (event: Event) => actions.setCompleteCountsAsDone((event.target as HTMLInputElement).checked);
  const box = h('input', { type: 'checkbox', style: 'width:auto', onchange, ...(on ? { checked: true } : {}) });
  return h('label', { style: 'display:flex;gap:6px;align-items:center;margin-top:6px;font-size:12px' }, box, t('completeCountsAsDone'));
}

/** "Bind an existing project": offered when there is one to bind. */
function bindForm(model: PanelModel, actions: PanelActions) {
  const projects = model.choices?.projects ?? [];
  if (projects.length === 0) return null;
  const project = h('select', { name: 'project' },
    ...projects.map((p) => h('option', { value: p.id }, p.clientName ? t('projectWithClient', p.name, p.clientName) : p.name)));
  const submit = (event: Event) => {
    event.preventDefault();
    actions.bindProject(project.value);
  };
  return h('form', { onsubmit: submit, 'aria-label': t('bindExistingProject'), style: 'margin-bottom:10px' },
    h('label', {}, t('existingProject'), project),
    h('button', { class: 'primary', type: 'submit' }, t('bindBoardToProject')),
  );
}

function setupForm(model: PanelModel, actions: PanelActions) {
  const clients = model.choices?.clients ?? [];
  // "Use an existing client": picked here, or a new one named below.
  const existingClient = clients.length
    ? h('select', { name: 'existing-client' }, h('option', { value: '' }, t('noNewClient')), ...clients.map((c) => h('option', { value: c.id }, c.name)))
    : null;
  const client = h('input', { name: 'client', autocomplete: 'organization' });
  const clientLabel = h('label', {}, t('client'), client);
  existingClient?.addEventListener('change', () => (clientLabel.hidden = existingClient.value !== ''));
  const total = h('input', { name: 'total', required: true, inputmode: 'decimal', placeholder: t('totalExample') });
  const currency = h('input', { name: 'currency', required: true, value: 'EUR', maxlength: '3', style: 'text-transform:uppercase' });
  const template = h('select', { name: 'template' }, ...scheduleTemplates.map((template) => h('option', { value: template.id }, templateLabel(template.id))));
  const problem = h('p', { class: 'error', role: 'alert' });
  const submit = (event: Event) => {
    event.preventDefault();
    const code = currency.value.trim().toUpperCase();
    const amount = parseMoney(total.value, code, navigator.language);
    const clientId = existingClient?.value || undefined;
    if (!clientId && !client.value.trim()) return void (problem.textContent = t('enterClientName'));
    if (!amount.ok) return void (problem.textContent = amount.error);
    if (amount.value.amount <= 0) return void (problem.textContent = t('totalMoreThanZero'));
    actions.createProject({ clientName: client.value.trim(), clientId, currency: code, total: amount.value.amount, templateId: template.value });
  };
  return h('form', { onsubmit: submit, 'aria-label': t('createProjectForBoard') },
    h('p', { class: 'muted' }, t('panelUnbound', model.hostLabel)),
    clientLabel,
    existingClient ? h('label', {}, t('orExistingClient'), existingClient) : null,
    h('label', {}, t('contractTotal'), total),
    h('label', {}, t('currency'), currency),
    h('label', {}, t('schedule'), template),
    problem,
    h('button', { class: 'primary', type: 'submit' }, t('createProjectForBoard')),
  );
}
