import { scheduleTemplates } from '../../billing/schedule';
import { parseMoney } from '../../billing/money';
import type { BoardChoices, BoardState } from '../../db/boards';
import type { BoardProjectInput } from '../../db/setup';
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
    root.append(h('button', { class: 'folded', 'aria-expanded': 'false', onclick: () => actions.setCollapsed(false) }, model.state?.profileNotice ? '◆ Milestones · profile incomplete' : '◆ Milestones', connectionFlag(model.state)));
    return;
  }
  const project = model.state?.detail?.project;
  root.append(
    h(
      'section',
      { class: 'panel', role: 'region', 'aria-label': 'Milestone Invoicer' },
      h('header', {},
        h('h2', {}, project ? project.name : 'Milestone Invoicer'),
        h('button', { 'aria-expanded': 'true', 'aria-label': 'Fold the milestone panel', onclick: () => actions.setCollapsed(true) }, '–'),
      ),
      model.error ? h('p', { class: 'error', role: 'alert' }, model.error) : null,
      model.state?.profileNotice ? profileNotice(model.state.profileNotice, actions) : null,
      !model.recognised
        ? h('div', { class: 'warn', role: 'status' },
            h('p', { style: 'margin:0 0 6px' }, `This ${model.hostLabel} board layout is not recognised, so nothing is linked or delivered here. Send us its layout report (no titles or other content) so we can follow the change.`),
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
  return h('div', { class: 'warn', role: 'status', 'aria-label': 'Business profile incomplete' },
    h('p', { style: 'margin:0 0 6px' }, text),
    h('button', { class: 'primary', onclick: () => actions.openProfile() }, 'Complete your business profile'),
  );
}

/** "Copy layout report", with a read-only copy of the report to select by hand when the clipboard refuses. */
function layoutReportControl(actions: PanelActions, prominent: boolean) {
  const outcome = h('p', { class: 'muted', role: 'status', style: 'margin:4px 0 0' });
  const fallback = h('textarea', { readonly: true, hidden: true, rows: '6', 'aria-label': 'Layout report', style: 'width:100%;box-sizing:border-box;font:11px monospace' });
  const copy = async () => {
    const { report, copied } = await actions.copyLayoutReport();
    outcome.textContent = copied ? 'Layout report copied to the clipboard.' : 'The clipboard refused the report: select it below and copy it.';
    fallback.textContent = report;
    fallback.hidden = copied;
    if (!copied) fallback.select();
  };
  return h('div', {},
    h('button', { class: prominent ? 'primary' : '', onclick: () => void copy() }, 'Copy layout report'),
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
    ...leftDone.map((link) => h('p', { class: 'warn', role: 'status' }, `“${link.title}” left Done after delivery. The milestone stays delivered; review it in the workspace.`)),
    ...connectionNotes(model.state!),
    h('ul', {},
      ...milestones.map((milestone) => {
        const state: BadgeState = figures?.overdueMilestoneIds.includes(milestone.id) ? 'overdue' : milestone.state;
        const cards = links.filter((link) => link.milestoneId === milestone.id);
        return h('li', { class: 'milestone' },
          h('div', { class: 'row' }, h('span', {}, milestone.title), h('strong', {}, show(milestone.id))),
          h('div', { class: 'row' },
            h('span', { class: 'muted' }, cards.length ? `${cards.length} card${cards.length > 1 ? 's' : ''}` : 'No card linked'),
            h('span', { class: 'pill', 'data-state': state }, badgeLabel(state)),
          ),
          // Work not yet delivered is invoiced from the workspace, which asks first.
          milestone.state === 'delivered' || milestone.state === 'accepted'
            ? h('button', { class: 'invoice', 'aria-label': `Invoice now: ${milestone.title}`, onclick: () => actions.invoiceNow(milestone.id) }, 'Invoice now')
            : null,
          cards.length ? h('ul', { class: 'cards muted' }, ...cards.map((card) => h('li', {}, card.title))) : null,
        );
      }),
    ),
    figures
      ? h('div', { class: 'totals' },
          h('span', {}, 'Invoiced ', h('strong', {}, show('invoiced'))),
          h('span', {}, 'Paid ', h('strong', {}, show('paid'))),
          h('span', {}, 'To bill ', h('strong', {}, show('toBill'))),
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
    h('p', { style: 'margin:0 0 6px' }, 'No column is ticked, so no linked card will ever deliver its milestone. Save anyway?'),
    h('div', { style: 'display:flex;gap:6px' },
      h('button', { onclick: () => actions.setDoneColumns([]) }, 'Save with no Done column'),
      h('button', { onclick: () => (confirmNone.hidden = true) }, 'Keep choosing'),
    ),
  );
  const save = () => {
    const picked = [...boxes.querySelectorAll('input')].filter((box) => box.checked).map((box) => box.value);
    if (picked.length === 0) return void (confirmNone.hidden = false);
    actions.setDoneColumns(picked);
  };
  const editor = h('details', {},
    h('summary', {}, 'Done columns'),
    h('p', { class: 'muted' }, 'A linked card entering one of these columns delivers its milestone.'),
    boxes,
    h('div', { style: 'display:flex;gap:6px;margin-top:6px' },
      h('button', { class: 'primary', onclick: save }, 'Save'),
      chosen ? h('button', { onclick: () => actions.setDoneColumns(null) }, 'Use defaults') : null,
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
  return h('label', { style: 'display:flex;gap:6px;align-items:center;margin-top:6px;font-size:12px' }, box, 'A card marked complete counts as Done');
}

/** "Bind an existing project": offered when there is one to bind. */
function bindForm(model: PanelModel, actions: PanelActions) {
  const projects = model.choices?.projects ?? [];
  if (projects.length === 0) return null;
  const project = h('select', { name: 'project' },
    ...projects.map((p) => h('option', { value: p.id }, p.clientName ? `${p.name} (${p.clientName})` : p.name)));
  const submit = (event: Event) => {
    event.preventDefault();
    actions.bindProject(project.value);
  };
  return h('form', { onsubmit: submit, 'aria-label': 'Bind an existing project', style: 'margin-bottom:10px' },
    h('label', {}, 'Existing project', project),
    h('button', { class: 'primary', type: 'submit' }, 'Bind this board to the project'),
  );
}

function setupForm(model: PanelModel, actions: PanelActions) {
  const clients = model.choices?.clients ?? [];
  // "Use an existing client": picked here, or a new one named below.
  const existingClient = clients.length
    ? h('select', { name: 'existing-client' }, h('option', { value: '' }, 'No, a new client'), ...clients.map((c) => h('option', { value: c.id }, c.name)))
    : null;
  const client = h('input', { name: 'client', autocomplete: 'organization' });
  const clientLabel = h('label', {}, 'Client', client);
  existingClient?.addEventListener('change', () => (clientLabel.hidden = existingClient.value !== ''));
  const total = h('input', { name: 'total', required: true, inputmode: 'decimal', placeholder: '12,000.00' });
  const currency = h('input', { name: 'currency', required: true, value: 'EUR', maxlength: '3', style: 'text-transform:uppercase' });
  const template = h('select', { name: 'template' }, ...scheduleTemplates.map((t) => h('option', { value: t.id }, t.label)));
  const problem = h('p', { class: 'error', role: 'alert' });
  const submit = (event: Event) => {
    event.preventDefault();
    const code = currency.value.trim().toUpperCase();
    const amount = parseMoney(total.value, code, navigator.language);
    const clientId = existingClient?.value || undefined;
    if (!clientId && !client.value.trim()) return void (problem.textContent = 'Enter the client’s name');
    if (!amount.ok) return void (problem.textContent = amount.error);
    if (amount.value.amount <= 0) return void (problem.textContent = 'The contract total must be more than zero');
    actions.createProject({ clientName: client.value.trim(), clientId, currency: code, total: amount.value.amount, templateId: template.value });
  };
  return h('form', { onsubmit: submit, 'aria-label': 'Create a project for this board' },
    h('p', { class: 'muted' }, `No project is bound to this ${model.hostLabel} board yet. Create one to link cards to its milestones.`),
    clientLabel,
    existingClient ? h('label', {}, 'Or an existing client', existingClient) : null,
    h('label', {}, 'Contract total', total),
    h('label', {}, 'Currency', currency),
    h('label', {}, 'Schedule', template),
    problem,
    h('button', { class: 'primary', type: 'submit' }, 'Create a project for this board'),
  );
}
