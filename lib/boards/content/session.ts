import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { canTransition } from '../../billing/lifecycle';
import type { BoardChoices, BoardState } from '../../db/boards';
import { request } from '../../messaging/client';
import type { MessageType, Payload, Reply } from '../../messaging/protocol';
import type { BoardHealth } from '../../messaging/tab-queries';
import { extensionVersion, copyText } from '../../platform/runtime';
import { t } from '../../ui/i18n';
import { readBoard, type BoardAdapter } from '../adapter';
import { isDoneColumn } from '../done-columns';
import { layoutReport } from '../layout-report';
import type { BoardPage } from '../page';
import { CardBadges, linkedMilestones, type LinkedMilestone } from './badges';
import type { BoardContext } from './board-context';
import { DoneDetector, type Placement } from './done-detection';
import { isOurs, shadowHost } from './dom';
import { LinkControl } from './link-control';
import { OpenCardControl } from './open-card-control';
import { renderPanel, type PanelActions } from './panel';
import { domBoardReader } from './placements';
import { panelCss } from './styles';

/** How long a board may take to render before we call its layout unrecognised. */
const RECOGNISE_MS = 10_000;

/** User Timing entries ("milestone-invoicer:scan"), visible in DevTools and read by the benchmarks. */
const measure = (name: string, start: number) => performance.measure(`milestone-invoicer:${name}`, { start, end: performance.now() });

/**
 * One board page: wires the page's mutations to Done detection and the in-board UI (panel,
 * badges, link control, open-card control), and both to the background.
 */
export class BoardSession implements BoardContext {
  readonly boardId: string;
  private readonly abort = new AbortController();
  private current: BoardState | null = null;
  private links = new Map<string, LinkedMilestone>();
  private root: Element | null = null;
  /** Set once the board had time to render: from then on, no columns means an unknown layout. */
  private waitedForBoard = false;
  private collapsed = false;
  /** The project was just created in this panel: its schedule stays in view. */
  private setUpHere = false;
  private error: string | undefined;
  private choices: BoardChoices | null = null;
  private readonly panel = shadowHost('milestone-invoicer-panel', panelCss);
  private readonly badges: CardBadges;
  private readonly control: LinkControl;
  private readonly openCard: OpenCardControl;
  private readonly detector: DoneDetector;

  constructor(private readonly ctx: ContentScriptContext, readonly adapter: BoardAdapter, page: BoardPage) {
    this.boardId = page.boardId;
    this.badges = new CardBadges(this, (milestoneId) => this.panelActions.invoiceNow(milestoneId));
    this.control = new LinkControl(this, {
      unlinked: (cardId) => this.dropCard(cardId),
      setUp: () => this.showSetUp(),
      failed: (error) => (this.error = error),
    });
    this.openCard = new OpenCardControl(this, (card, anchor) => this.control.openPicker(card, anchor), () => this.control.takePickRequest());
    const clock = { now: () => performance.now(), setTimeout: (run: () => void, ms: number) => void this.ctx.setTimeout(this.guard(run), ms) };
    this.detector = new DoneDetector(clock, domBoardReader(adapter, () => this.root), (cardId, placement) => this.report(cardId, placement));
    document.body.append(this.panel.host);
    const observer = new MutationObserver(this.guard((records: MutationRecord[]) => this.onMutations(records)));
    // Text too: a GitHub table row changes Status by rewriting its cell's text. And, on a host with
    // a completion mark, aria-label: Trello's checkmark changes only its icon's label.
    const marks = this.marksComplete() ? { attributes: true, attributeFilter: ['aria-label'] } : {};
    observer.observe(document.body, { childList: true, characterData: true, subtree: true, ...marks });
    this.abort.signal.addEventListener('abort', () => observer.disconnect());
    this.listen(document, 'mouseover', (event) => this.control.onPointer(event.target));
    this.listen(document, 'focusin', (event) => this.control.onPointer(event.target));
    this.listen(document, 'mouseout', (event) => this.control.onLeave((event as MouseEvent).relatedTarget));
    this.listen(document, 'focusout', (event) => this.control.onLeave((event as FocusEvent).relatedTarget));
    this.ctx.setTimeout(this.guard(() => this.checkRecognised()), RECOGNISE_MS);
    this.findRoot();
    void this.reload();
  }

  stop(): void {
    this.abort.abort();
    this.detector.stop();
    this.panel.host.remove();
    this.control.remove();
    this.openCard.remove();
    this.badges.removeAll();
  }

  state = () => this.current;
  linked = () => this.links;
  /** Read at most once per pass, and only when something is drawn: asking the host can cost a query over the whole page. */
  private currentTheme: 'light' | 'dark' | null = null;
  theme = () => (this.currentTheme ??= this.adapter.darkMode(document) ? 'dark' : 'light');
  private readTheme(): void {
    this.currentTheme = null;
  }

  send = async <T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> =>
    request(type, payload).catch((error: unknown) => ({ ok: false as const, error: t('extensionNotResponding', String(error)) }));

  health(): BoardHealth {
    const board = this.root?.isConnected ? readBoard(this.adapter, this.root) : { columns: [], cards: [] };
    return {
      host: this.adapter.host,
      boardId: this.boardId,
      boardName: this.adapter.boardName(document),
      state: board.columns.length > 0 ? 'ready' : this.waitedForBoard ? 'unrecognised' : 'loading',
      columns: board.columns.length,
      cards: board.cards.length,
    };
  }

  /** How our anchors match this page, for the user to send us: counts and selectors, no content. */
  layoutReport(): string {
    return layoutReport(this.adapter, document, extensionVersion());
  }

  /** The URL changed on the same board: a card may have opened or closed. */
  refreshOpenCard(): void {
    this.openCard.sync();
  }

  reload = async (): Promise<void> => {
    const reply = await this.send('board.state', { host: this.adapter.host, boardId: this.boardId });
    if (this.abort.signal.aborted) return;
    this.applyState(reply);
  };

  /** The host shows a completion mark on cards (Trello's checkmark): it may count as Done. */
  private marksComplete(): boolean {
    return 'completed' in this.adapter.selectors;
  }

  private columnNames(): string[] {
    return this.root?.isConnected ? this.adapter.columnNames(this.root) : [];
  }

  private recognised(): boolean {
    return !this.waitedForBoard || this.columnNames().length > 0;
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void, options: AddEventListenerOptions = {}) {
    target.addEventListener(type, this.guard(handler), { ...options, signal: this.abort.signal });
  }

  /** Runs host-facing callbacks so that a failure is logged with its host and never breaks the page. */
  private guard<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        run(...args);
      } catch (error) {
        console.error(`[milestone-invoicer] ${this.adapter.host} board integration failed`, error);
      }
    };
  }

  /** `trustKnownColumns` false after the Done columns changed: every card is then reported again. */
  private applyState(reply: Reply<'board.state' | 'board.settings' | 'board.create-project'>, trustKnownColumns = true): void {
    if (!reply.ok) {
      this.error = reply.error;
    } else {
      this.error = undefined;
      this.current = reply.value;
      this.links = linkedMilestones(reply.value);
      const links = (reply.value.detail?.links ?? []).filter((link) => link.boardId === this.boardId);
      this.adapter.learn?.(links);
      if (trustKnownColumns) this.learnKnownColumns(reply.value);
      // A set-up board's panel folds to a tab, so it never covers a card, unless the user unfolded it.
      this.collapsed = reply.value.board?.panelCollapsed ?? (reply.value.detail !== null && !this.setUpHere);
      // Asked again on each reload: a client or project added in the workspace since shows up.
      if (!reply.value.detail) void this.loadChoices();
    }
    this.badges.dropUnlinked();
    // The scan draws every linked card shown: no second pass over the badges.
    this.scan();
    this.render(false);
  }

  /**
   * Cards whose last known column and mark the background has already acted on are not reported
   * again on every visit; a card counting as Done whose milestone is not delivered yet (what
   * counts as Done changed in the workspace) still is.
   */
  private learnKnownColumns(state: BoardState): void {
    const doneColumns = state.board?.doneColumns ?? null;
    const completeCounts = state.board?.completeCountsAsDone === true;
    for (const [cardId, { link, milestone }] of this.links) {
      if (link.column === undefined) continue;
      const done = isDoneColumn(link.column, doneColumns) || (completeCounts && link.complete === true);
      if (!(done && canTransition(milestone.state, 'delivered'))) this.detector.known(cardId, link.column, link.complete);
    }
  }

  /** Existing projects and clients, for an unbound board's panel. */
  private async loadChoices(): Promise<void> {
    const reply = await this.send('board.choices', { host: this.adapter.host, boardId: this.boardId });
    if (!reply.ok || this.abort.signal.aborted) return;
    this.choices = reply.value;
    if (!this.current?.detail) this.render();
  }

  private findRoot(): void {
    if (this.root?.isConnected) return;
    this.root = this.adapter.boardRoot(document);
    if (!this.root) return;
    this.scan();
    if (this.waitedForBoard) this.render();
  }

  /** One pass over the board for its linked cards: after load, a re-render of the board, a settings change. */
  private scan(): void {
    if (!this.root?.isConnected) return;
    const start = performance.now();
    this.readTheme();
    const linked: Element[] = [];
    // Before the board's links arrive (and on boards without any) there is nothing to look for.
    for (const { cardId, node } of this.links.size > 0 ? this.adapter.cardIds(this.root) : []) {
      if (this.links.has(cardId)) linked.push(node);
    }
    measure('scan', start);
    const drawing = performance.now();
    for (const node of linked) {
      const element = node.closest(this.adapter.cardSelector);
      if (element) this.onRenderedCard(element);
    }
    this.openCard.sync();
    measure('badges', drawing);
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.root?.isConnected) return this.findRoot();
    const start = performance.now();
    this.readTheme();
    this.control.onMutations();
    for (const record of records) {
      if (record.type !== 'childList') this.onChangedText(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) this.onChangedText(node);
        else if (!isOurs(node)) this.onAddedElement(node);
      }
    }
    this.openCard.sync();
    measure('mutations', start);
  }

  private onAddedElement(node: Element): void {
    const { cardSelector } = this.adapter;
    const owner = node.closest(cardSelector);
    const cards = owner ? [owner] : node.matches(cardSelector) ? [node] : node.querySelectorAll(cardSelector);
    for (const element of cards) this.onRenderedCard(element);
  }

  /** Text changed inside a card may be its column (a table row's Status cell), a label its completion mark. */
  private onChangedText(node: Node): void {
    const card = (node instanceof Element ? node : node.parentElement)?.closest(this.adapter.cardSelector);
    if (card) this.onRenderedCard(card);
  }

  private onRenderedCard(element: Element): void {
    const column = this.adapter.columnOf(element);
    const card = column === null ? null : this.adapter.readCard(element, column);
    if (this.badges.show(element, card?.cardId ?? null)) {
      this.detector.seen(card!.cardId, { column: card!.column, columnKey: this.adapter.columnElementOf(element), complete: card!.complete });
    }
  }

  private report(cardId: string, { column, complete }: Placement): void {
    void this.send('card.placed', { host: this.adapter.host, boardId: this.boardId, cardId, column, complete }).then((reply) => {
      if (!reply.ok) return;
      // Another tab delivered it first: what this page shows is out of date.
      const milestone = this.links.get(cardId)?.milestone;
      const stale = reply.value === 'already-delivered' && milestone !== undefined && canTransition(milestone.state, 'delivered');
      if (stale || ['delivered', 'left-done', 'back-in-done', 'unconfirmed'].includes(reply.value)) void this.reload();
    });
  }

  private dropCard(cardId: string): void {
    this.badges.forget(cardId);
    this.detector.forget(cardId);
  }

  private checkRecognised(): void {
    this.waitedForBoard = true;
    this.findRoot();
    if (!this.recognised()) this.render();
  }

  private render(redrawBadges = true): void {
    this.readTheme();
    const theme = this.theme();
    this.panel.host.dataset.theme = theme;
    this.control.setTheme(theme);
    renderPanel(this.panel.root, {
      hostLabel: this.adapter.pages.label,
      marksComplete: this.marksComplete(),
      recognised: this.recognised(),
      state: this.current,
      columns: () => this.columnNames(),
      collapsed: this.collapsed,
      error: this.error,
      choices: this.choices,
    }, this.panelActions);
    if (redrawBadges) this.badges.redraw();
    this.openCard.sync(true);
  }

  private showSetUp(): void {
    this.panelActions.setCollapsed(false);
    (this.panel.root.querySelector('input') as HTMLInputElement | null)?.focus();
  }

  private readonly panelActions: PanelActions = {
    setCollapsed: (collapsed) => {
      this.collapsed = collapsed;
      this.render();
      if (this.current?.board) void this.send('board.settings', { host: this.adapter.host, boardId: this.boardId, panelCollapsed: collapsed });
      (this.panel.root.querySelector('button') as HTMLButtonElement | null)?.focus();
    },
    createProject: async (input) => {
      const boardName = this.adapter.boardName(document);
      const reply = await this.send('board.create-project', { host: this.adapter.host, boardId: this.boardId, boardName, ...input });
      this.setUpHere = reply.ok;
      this.applyState(reply);
    },
    bindProject: async (projectId) => {
      const boardName = this.adapter.boardName(document);
      const reply = await this.send('board.bind-project', { host: this.adapter.host, boardId: this.boardId, boardName, projectId });
      this.setUpHere = reply.ok;
      this.applyState(reply);
    },
    invoiceNow: async (milestoneId) => {
      this.applyState(await this.send('board.invoice-now', { host: this.adapter.host, boardId: this.boardId, milestoneId }));
    },
    setDoneColumns: async (doneColumns) => {
      const reply = await this.send('board.settings', { host: this.adapter.host, boardId: this.boardId, doneColumns });
      this.detector.reset();
      this.applyState(reply, false);
    },
    setCompleteCountsAsDone: async (completeCountsAsDone) => {
      const reply = await this.send('board.settings', { host: this.adapter.host, boardId: this.boardId, completeCountsAsDone });
      this.detector.reset();
      this.applyState(reply, false);
    },
    openProfile: () => void this.send('board.open-profile', { host: this.adapter.host }),
    copyLayoutReport: async () => {
      const report = this.layoutReport();
      return { report, copied: await copyText(report) };
    },
  };
}
