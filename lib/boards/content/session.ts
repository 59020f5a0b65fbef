import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BoardState } from '../../db/boards';
import { request } from '../../messaging/client';
import type { MessageType, Payload, Reply } from '../../messaging/protocol';
import type { BoardHealth } from '../../messaging/tab-queries';
import { readBoard, type BoardAdapter, type CardOnBoard } from '../adapter';
import type { BoardPage } from '../page';
import { linkedMilestones, syncBadge, type LinkedMilestone } from './badges';
import { h, isOurs, shadowHost } from './dom';
import { badgeLabel } from './format';
import { renderPanel, type PanelActions } from './panel';
import { picker, type PickerCard } from './picker';
import { panelCss, pickerCss } from './styles';

/** How long a card must stay in a column before its move counts: drag previews never do. */
export const SETTLE_MS = 400;
/** How long the host may take to open a card we asked it to open for linking. */
const OPEN_TO_PICK_MS = 5_000;
/** How long a board may take to render before we call its layout unrecognised. */
const RECOGNISE_MS = 10_000;

/** User Timing entries ("milestone-invoicer:scan"), visible in DevTools and read by the benchmarks. */
const measure = (name: string, start: number) => performance.measure(`milestone-invoicer:${name}`, { start, end: performance.now() });

/**
 * Everything we do on one board page: panel, badges, link controls and Done reports. A removed
 * card is never a move; only a card seen fully rendered in a column, and still there after
 * SETTLE_MS, is reported, and the background decides what that means.
 */
export class BoardSession {
  readonly boardId: string;
  private readonly abort = new AbortController();
  private state: BoardState | null = null;
  private linked = new Map<string, LinkedMilestone>();
  private root: Element | null = null;
  /** Set once the board had time to render: from then on, no columns means an unknown layout. */
  private waitedForBoard = false;
  private collapsed = false;
  private error: string | undefined;
  private readonly elements = new Map<string, Element>();
  /** The linked card each element showed when we badged it. */
  private readonly cardIn = new WeakMap<Element, string>();
  private readonly reported = new Map<string, string>();
  /** The column element each card was last reported in: a card still there has not moved. */
  private readonly reportedIn = new Map<string, Element | null>();
  private readonly pending = new Set<string>();
  private readonly panel = shadowHost('milestone-invoicer-panel', panelCss);
  private readonly overlay = shadowHost('milestone-invoicer-link-control', pickerCss);
  /** The card element the link control stands over. */
  private hovered: Element | null = null;
  /** Until when a card opening was asked for by our link control: its control then opens the picker. */
  private pickUntil = 0;

  constructor(private readonly ctx: ContentScriptContext, private readonly adapter: BoardAdapter, page: BoardPage) {
    this.boardId = page.boardId;
    document.body.append(this.panel.host, this.overlay.host);
    const observer = new MutationObserver(this.guard((records: MutationRecord[]) => this.onMutations(records)));
    // Text too: a GitHub table row changes Status by rewriting its cell's text.
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    this.abort.signal.addEventListener('abort', () => observer.disconnect());
    this.listen(document, 'mouseover', (event) => this.onPointer(event.target));
    this.listen(document, 'focusin', (event) => this.onPointer(event.target));
    this.listen(window, 'scroll', () => this.hideControl(), { capture: true, passive: true });
    this.ctx.setTimeout(this.guard(() => this.checkRecognised()), RECOGNISE_MS);
    this.findRoot();
    void this.reload();
  }

  stop(): void {
    this.abort.abort();
    this.panel.host.remove();
    this.overlay.host.remove();
    for (const node of document.querySelectorAll('milestone-invoicer-badge, milestone-invoicer-card-control')) node.remove();
  }

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

  private columnNames(): string[] {
    return this.root?.isConnected ? this.adapter.columnNames(this.root) : [];
  }

  private recognised(): boolean {
    return !this.waitedForBoard || this.columnNames().length > 0;
  }

  /** The URL changed on the same board: a card may have opened or closed. */
  refreshOpenCard(): void {
    this.syncOpenCard();
  }

  private listen<K extends string>(target: EventTarget, type: K, handler: (event: Event) => void, options: AddEventListenerOptions = {}) {
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

  private async send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
    return request(type, payload).catch((error: unknown) => ({ ok: false as const, error: `The extension is not responding (${String(error)})` }));
  }

  async reload(): Promise<void> {
    const reply = await this.send('board.state', { host: this.adapter.host, boardId: this.boardId });
    if (this.abort.signal.aborted) return;
    this.applyState(reply);
  }

  private applyState(reply: Reply<'board.state' | 'board.settings' | 'board.create-project'>): void {
    if (!reply.ok) {
      this.error = reply.error;
    } else {
      this.error = undefined;
      this.state = reply.value;
      this.linked = linkedMilestones(reply.value);
      this.adapter.learn?.((reply.value.detail?.links ?? []).filter((link) => link.boardId === this.boardId));
      this.collapsed = reply.value.board?.panelCollapsed ?? this.collapsed;
    }
    this.scan();
    this.render();
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
    const linked: Element[] = [];
    // Before the board's links arrive (and on boards without any) there is nothing to look for.
    for (const { cardId, node } of this.linked.size > 0 ? this.adapter.cardIds(this.root) : []) {
      if (this.linked.has(cardId)) linked.push(node);
    }
    measure('scan', start);
    const drawing = performance.now();
    for (const node of linked) {
      const element = node.closest(this.adapter.cardSelector);
      if (element) this.onRenderedCard(element);
    }
    this.syncOpenCard();
    measure('badges', drawing);
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.root?.isConnected) return this.findRoot();
    const start = performance.now();
    // The host re-rendered what our link control stood over: it would point at the wrong card.
    if (this.hovered && !this.hovered.isConnected) this.hideControl();
    for (const record of records) {
      if (record.type === 'characterData') this.onChangedText(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) this.onChangedText(node);
        else if (!isOurs(node)) this.onAddedElement(node);
      }
    }
    this.syncOpenCard();
    measure('mutations', start);
  }

  private onAddedElement(node: Element): void {
    const owner = node.closest(this.adapter.cardSelector);
    const cards = owner ? [owner] : node.matches(this.adapter.cardSelector) ? [node] : node.querySelectorAll(this.adapter.cardSelector);
    for (const element of cards) this.onRenderedCard(element);
  }

  /** Text changed inside a card may be its column (a table row's Status cell). */
  private onChangedText(node: Node): void {
    const card = node.parentElement?.closest(this.adapter.cardSelector);
    if (card) this.onRenderedCard(card);
  }

  private onRenderedCard(element: Element): void {
    const column = this.adapter.columnOf(element);
    const card = column === null ? null : this.adapter.readCard(element, column);
    const shown = this.cardIn.get(element);
    if (shown !== undefined && shown !== card?.cardId) this.forgetElement(element, shown);
    if (card) this.onCard(card, element);
  }

  /** Takes our badge off an element: unlinked, or re-used by the host for another card (a re-sorted table). */
  private forgetElement(element: Element, cardId: string): void {
    syncBadge(this.adapter.badgeSlot(element), undefined, this.theme(), this.panelActions.invoiceNow);
    this.cardIn.delete(element);
    if (this.elements.get(cardId) === element) this.elements.delete(cardId);
  }

  private onCard(card: CardOnBoard, element: Element): void {
    const linked = this.linked.get(card.cardId);
    if (!linked) return;
    this.elements.set(card.cardId, element);
    this.cardIn.set(element, card.cardId);
    if (this.reported.get(card.cardId) !== card.column) this.settleThenReport(card.cardId, card.column, this.adapter.columnElementOf(element));
    // The host re-rendered the column the card was reported in: keep following that column.
    else this.reportedIn.set(card.cardId, this.adapter.columnElementOf(element));
    syncBadge(this.adapter.badgeSlot(element), linked, this.theme(), this.panelActions.invoiceNow);
  }

  /**
   * Reports where a card is once it has settled: a single rendered instance (a drag preview beside
   * the original is not one), in the same column at two readings SETTLE_MS apart. A card that is
   * gone is not reported, nor one whose column element stayed the same while its name changed: a
   * renamed column has not moved its cards.
   */
  private settleThenReport(cardId: string, seenIn?: string, seenInElement?: Element | null): void {
    if (this.pending.has(cardId)) return;
    this.pending.add(cardId);
    this.ctx.setTimeout(this.guard(() => {
      const start = performance.now();
      this.pending.delete(cardId);
      const column = this.abort.signal.aborted ? undefined : this.settledColumn(cardId);
      const element = this.elements.get(cardId);
      const columnElement = element ? this.adapter.columnElementOf(element) : null;
      const renamed = (from: string | undefined, fromElement: Element | null | undefined) =>
        columnElement !== null && fromElement === columnElement && from !== column;
      if (!column) {
        if (column === null) this.settleThenReport(cardId);
      } else if (seenInElement !== undefined && renamed(seenIn, seenInElement)) {
        // Same column element, other name: a rename, not a move.
      } else if (column !== seenIn) {
        this.settleThenReport(cardId, column, columnElement);
      } else if (this.reported.get(cardId) !== column && !(this.reportedIn.has(cardId) && renamed(this.reported.get(cardId), this.reportedIn.get(cardId)))) {
        this.report(cardId, column, element!);
      }
      measure('settle', start);
    }), SETTLE_MS);
  }

  /** The column of the card's one rendered instance; null while it is ambiguous; undefined when gone. */
  private settledColumn(cardId: string): string | null | undefined {
    if (!this.root?.isConnected) return undefined;
    const instances = this.adapter.cardInstances(this.root, cardId).flatMap((element) => {
      const column = this.adapter.columnOf(element);
      return column !== null && this.adapter.readCard(element, column) ? [{ element, column }] : [];
    });
    if (instances.length === 0) return undefined;
    if (instances.length > 1) return null;
    this.elements.set(cardId, instances[0]!.element);
    return instances[0]!.column;
  }

  private report(cardId: string, column: string, element: Element): void {
    this.reported.set(cardId, column);
    this.reportedIn.set(cardId, this.adapter.columnElementOf(element));
    void this.send('card.placed', { host: this.adapter.host, boardId: this.boardId, cardId, column }).then((reply) => {
      if (reply.ok && ['delivered', 'left-done', 'back-in-done'].includes(reply.value)) void this.reload();
    });
  }

  private checkRecognised(): void {
    this.waitedForBoard = true;
    this.findRoot();
    if (!this.recognised()) this.render();
  }

  private theme(): 'light' | 'dark' {
    return this.adapter.darkMode(document) ? 'dark' : 'light';
  }

  private render(): void {
    for (const host of [this.panel.host, this.overlay.host]) host.dataset.theme = this.theme();
    renderPanel(this.panel.root, {
      hostLabel: this.adapter.pages.label,
      recognised: this.recognised(),
      state: this.state,
      columns: () => this.columnNames(),
      collapsed: this.collapsed,
      error: this.error,
    }, this.panelActions);
    for (const [cardId, element] of this.elements) {
      if (element.isConnected) syncBadge(this.adapter.badgeSlot(element), this.linked.get(cardId), this.theme(), this.panelActions.invoiceNow);
    }
    this.syncOpenCard(true);
  }

  private readonly panelActions: PanelActions = {
    setCollapsed: (collapsed) => {
      this.collapsed = collapsed;
      this.render();
      if (this.state?.board) void this.send('board.settings', { host: this.adapter.host, boardId: this.boardId, panelCollapsed: collapsed });
      (this.panel.root.querySelector('button') as HTMLButtonElement | null)?.focus();
    },
    createProject: async (input) => {
      const boardName = this.adapter.boardName(document);
      this.applyState(await this.send('board.create-project', { host: this.adapter.host, boardId: this.boardId, boardName, ...input }));
    },
    invoiceNow: async (milestoneId) => {
      this.applyState(await this.send('board.invoice-now', { host: this.adapter.host, boardId: this.boardId, milestoneId }));
    },
    setDoneColumns: async (doneColumns) => {
      const reply = await this.send('board.settings', { host: this.adapter.host, boardId: this.boardId, doneColumns });
      this.reported.clear();
      this.reportedIn.clear();
      this.applyState(reply);
    },
  };

  /** Shows the link control over the card under the pointer or focus. */
  private onPointer(target: EventTarget | null): void {
    if (!(target instanceof Element) || isOurs(target)) return;
    const element = target.closest(this.adapter.cardSelector);
    const column = element && this.adapter.columnOf(element);
    const card = element && column !== null ? this.adapter.readCard(element, column) : null;
    if (!element) return;
    if (card) this.showControl(element, card, (button) => this.openPicker(card, button));
    const unopened = card ? null : this.adapter.cardToOpen?.(element);
    if (unopened) this.showControl(element, { cardId: '', title: unopened.title }, () => this.openThenPick(unopened.open));
  }

  private showControl(element: Element, card: { cardId: string; title: string }, onclick: (button: HTMLButtonElement) => void): void {
    if (this.hovered === element && this.overlay.root.querySelector('.control')) return;
    this.hideControl();
    this.hovered = element;
    // At the top of the card, at the end of where its badge goes: a wide table row's title cell,
    // not the far end of the row over other fields.
    const top = element.getBoundingClientRect().top;
    const right = this.adapter.badgeSlot(element).getBoundingClientRect().right;
    const linked = this.linked.get(card.cardId);
    const button: HTMLButtonElement = h('button', {
      class: 'control',
      style: `top:${Math.max(0, top + 4)}px;left:${Math.max(0, right - 110)}px`,
      'aria-haspopup': 'menu',
      'aria-label': `Milestone for “${card.title}”`,
      onclick: () => onclick(button),
    }, linked ? `◆ ${badgeLabel(linked.state)}` : '◆ Milestone');
    this.overlay.root.append(button);
  }

  /** Opens the card the host's way (its side pane), then our picker in the control we put there. */
  private openThenPick(open: () => void): void {
    this.hideControl();
    this.pickUntil = performance.now() + OPEN_TO_PICK_MS;
    open();
  }

  private hideControl(): void {
    this.hovered = null;
    this.overlay.root.querySelector('.control')?.remove();
  }

  private openPicker(card: PickerCard, anchor: HTMLElement): void {
    this.overlay.root.querySelector('.picker')?.remove();
    const rect = anchor.getBoundingClientRect();
    const close = () => {
      menu.remove();
      anchor.focus();
    };
    const after = (reply: Reply<MessageType>) => {
      if (!reply.ok) this.error = reply.error;
      close();
      void this.reload();
    };
    const menu = picker(this.state, card, this.linked.get(card.cardId)?.milestone.id, {
      link: async (target, milestoneId) => after(await this.send('card.link', { host: this.adapter.host, boardId: this.boardId, ...target, milestoneId })),
      unlink: async (target) => {
        const reply = await this.send('card.unlink', { host: this.adapter.host, boardId: this.boardId, cardId: target.cardId });
        if (reply.ok) this.dropCard(target.cardId);
        after(reply);
      },
      setUp: () => {
        menu.remove();
        this.panelActions.setCollapsed(false);
        (this.panel.root.querySelector('input') as HTMLInputElement | null)?.focus();
      },
      close,
    });
    menu.style.top = `${Math.min(rect.bottom + 4, window.innerHeight - 240)}px`;
    menu.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 280))}px`;
    this.overlay.root.append(menu);
    (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private dropCard(cardId: string): void {
    const element = this.elements.get(cardId);
    if (element) this.forgetElement(element, cardId);
    this.reported.delete(cardId);
    this.reportedIn.delete(cardId);
  }

  /** The control inside the open card's dialog, side pane or peek. Idempotent. */
  private syncOpenCard(force = false): void {
    const open = this.adapter.openCard(document);
    const existing = document.querySelector('milestone-invoicer-card-control') as HTMLElement | null;
    if (!open) return existing?.remove();
    const linked = this.linked.get(open.cardId);
    const label = linked ? `${linked.milestone.title} · ${badgeLabel(linked.state)}` : 'Not linked';
    if (!force && existing?.dataset.cardId === open.cardId && existing.dataset.label === label && open.slot.contains(existing)) return;
    existing?.remove();
    const { host, root } = shadowHost('milestone-invoicer-card-control', pickerCss);
    host.dataset.cardId = open.cardId;
    host.dataset.label = label;
    host.dataset.theme = this.theme();
    const button: HTMLButtonElement = h('button', {
      'aria-haspopup': 'menu',
      onclick: () => this.openPicker({ cardId: open.cardId, title: open.title, url: open.url }, button),
    }, linked ? 'Change…' : 'Link to a milestone…');
    root.append(h('div', { class: 'inline' }, h('strong', {}, '◆ Milestone:'), h('span', {}, label), button));
    open.slot.prepend(host);
    if (performance.now() < this.pickUntil) {
      this.pickUntil = 0;
      this.openPicker({ cardId: open.cardId, title: open.title, url: open.url }, button);
    }
  }
}
