import type { MessageType, Reply } from '../../messaging/protocol';
import { t } from '../../ui/i18n';
import type { BoardContext } from './board-context';
import { h, isOurs, shadowHost } from './dom';
import { badgeLabel } from './format';
import { picker, type PickerCard } from './picker';
import { pickerCss } from './styles';

/** How long the host may take to open a card we asked it to open for linking. */
const OPEN_TO_PICK_MS = 5_000;

export interface LinkControlHooks {
  /** The card was unlinked: its badge and reports go. */
  unlinked(cardId: string): void;
  /** The user wants to set the board up from the picker: show the panel's form. */
  setUp(): void;
  failed(error: string): void;
}

/**
 * The small "◆ Milestone" button shown on the card under the pointer or focus, and the milestone
 * picker it opens (also opened from the open card's control). The button sits in the card's own
 * flow, after its badges: it covers neither the title nor the host's controls, and Tab reaches it
 * right after the card.
 */
export class LinkControl {
  /** Holds the picker, over the page. */
  private readonly overlay = shadowHost('milestone-invoicer-picker', pickerCss);
  /** The card element the control is in, and the control. */
  private hovered: Element | null = null;
  private control: HTMLElement | null = null;
  /** Until when a card opening was asked for by this control: its open-card control then opens the picker. */
  private pickUntil = 0;

  constructor(private readonly board: BoardContext, private readonly hooks: LinkControlHooks) {
    document.body.append(this.overlay.host);
  }

  remove(): void {
    this.hide();
    this.overlay.host.remove();
  }

  setTheme(theme: string): void {
    this.overlay.host.dataset.theme = theme;
  }

  /** The pointer or focus went from `from` to `to`: leaving the card takes the control away. */
  onLeave(to: EventTarget | null): void {
    if (!this.hovered) return;
    if (to instanceof Node && (this.hovered.contains(to) || to === this.control)) return;
    this.hide();
  }

  /** The host re-rendered what the control stood on: it would point at the wrong card. */
  onMutations(): void {
    if (this.hovered && !this.hovered.isConnected) this.hide();
  }

  /** Shows the control on the card under the pointer or focus. */
  onPointer(target: EventTarget | null): void {
    if (!(target instanceof Element) || isOurs(target)) return;
    const { adapter } = this.board;
    const element = target.closest(adapter.cardSelector);
    if (!element) return;
    const column = adapter.columnOf(element);
    const card = column !== null ? adapter.readCard(element, column) : null;
    if (card) return this.show(element, card, (button) => this.openPicker(card, button));
    const unopened = adapter.cardToOpen?.(element);
    if (unopened) this.show(element, { cardId: '', title: unopened.title }, () => this.openThenPick(unopened.open));
  }

  hide(): void {
    this.hovered = null;
    this.control?.remove();
    this.control = null;
  }

  /** Whether the open card's control should open the picker at once: the user asked for it here. */
  takePickRequest(): boolean {
    const asked = performance.now() < this.pickUntil;
    this.pickUntil = 0;
    return asked;
  }

  private show(element: Element, card: { cardId: string; title: string }, onclick: (button: HTMLButtonElement) => void): void {
    if (this.hovered === element && this.control?.isConnected) return;
    this.hide();
    this.hovered = element;
    const linked = this.board.linked().get(card.cardId);
    const { host, root } = shadowHost('milestone-invoicer-link-control', pickerCss);
    host.dataset.theme = this.board.theme();
    const button: HTMLButtonElement = h('button', {
      class: 'control',
      'aria-haspopup': 'menu',
      'aria-label': t('milestoneForCard', card.title),
      onclick: () => onclick(button),
    }, linked ? `◆ ${badgeLabel(linked.state)}` : t('milestoneControl'));
    root.append(button);
    // After the card's badges (a table row's title cell): in the card's flow, over nothing of the host's.
    this.board.adapter.badgeSlot(element).append(host);
    this.control = host;
  }

  /** Opens the card the host's way (its side pane), then our picker in the control we put there. */
  private openThenPick(open: () => void): void {
    this.hide();
    this.pickUntil = performance.now() + OPEN_TO_PICK_MS;
    open();
  }

  openPicker(card: PickerCard, anchor: HTMLElement): void {
    this.overlay.root.querySelector('.picker')?.remove();
    const { adapter, boardId, send } = this.board;
    const rect = anchor.getBoundingClientRect();
    const close = () => {
      menu.remove();
      anchor.focus();
    };
    const after = (reply: Reply<MessageType>) => {
      if (!reply.ok) this.hooks.failed(reply.error);
      close();
      void this.board.reload();
    };
    const menu = picker(this.board.state(), card, this.board.linked().get(card.cardId)?.milestone.id, {
      link: async (target, milestoneId) => after(await send('card.link', { host: adapter.host, boardId, ...target, milestoneId })),
      unlink: async (target) => {
        const reply = await send('card.unlink', { host: adapter.host, boardId, cardId: target.cardId });
        if (reply.ok) this.hooks.unlinked(target.cardId);
        after(reply);
      },
      setUp: () => {
        menu.remove();
        this.hooks.setUp();
      },
      close,
    });
    menu.style.top = `${Math.min(rect.bottom + 4, window.innerHeight - 240)}px`;
    menu.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 280))}px`;
    this.overlay.root.append(menu);
    (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
  }
}
