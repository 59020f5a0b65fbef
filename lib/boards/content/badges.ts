import type { BoardState } from '../../db/boards';
import type { CardLink, Milestone } from '../../db/entities';
import { t } from '../../ui/i18n';
import type { BoardContext } from './board-context';
import { h, isolateEvents, rootOf, shadowHost } from './dom';
import { badgeLabel, type BadgeState } from './format';
import { badgeCss } from './styles';

const BADGE_TAG = 'milestone-invoicer-badge';

export interface LinkedMilestone {
  link: CardLink;
  milestone: Milestone;
  state: BadgeState;
  /** The milestone's amount, formatted by the background. */
  amount: string;
}

/** Card id -> its milestone, for the cards of this board that are linked. */
export function linkedMilestones(state: BoardState | null): Map<string, LinkedMilestone> {
  const result = new Map<string, LinkedMilestone>();
  if (!state?.detail) return result;
  const byId = new Map(state.detail.milestones.map((m) => [m.id, m]));
  for (const link of state.detail.links) {
    const milestone = byId.get(link.milestoneId);
    if (!milestone) continue;
    const state_: BadgeState = state.figures?.overdueMilestoneIds.includes(milestone.id) ? 'overdue' : milestone.state;
    result.set(link.cardId, { link, milestone, state: state_, amount: state.figures?.display[milestone.id] ?? '' });
  }
  return result;
}

/** What each badge shows, kept here: an attribute on the host would tell page scripts the amounts. */
const drawn = new WeakMap<Element, string>();

/** Puts (or refreshes, or removes) the milestone badge inside a card. Idempotent. */
export function syncBadge(
  slot: Element,
  linked: LinkedMilestone | undefined,
  theme: 'light' | 'dark',
  invoiceNow: (milestoneId: string) => void,
): void {
  let existing = slot.querySelector(`:scope > ${BADGE_TAG}`) as HTMLElement | null;
  // A host that cloned a card copied our element but not its shadow root: start afresh.
  if (existing && !rootOf(existing)) {
    existing.remove();
    existing = null;
  }
  if (!linked) return existing?.remove();
  const label = `${linked.milestone.title} · ${linked.amount} · ${badgeLabel(linked.state)}`;
  if (existing && drawn.get(existing) === label && existing.dataset.theme === theme) return;
  // Most badges only show text: a click on one is the card's. Only a badge with a button keeps events to itself.
  const invoiceable = linked.state === 'delivered' || linked.state === 'accepted';
  const { host, root } = existing ? { host: existing, root: rootOf(existing)! } : shadowHost(BADGE_TAG, badgeCss, { controls: false });
  if (invoiceable) isolateEvents(host);
  root.querySelector('.badge')?.remove();
  root.append(
    h('span', { class: 'badge', title: t('badgeTitle', label) },
      h('span', { class: 'name' }, `◆ ${linked.milestone.title}`),
      h('span', {}, linked.amount),
      h('span', { class: 'pill', 'data-state': linked.state }, badgeLabel(linked.state)),
      // Delivered work is what gets invoiced from the card; earlier milestones from the panel.
      invoiceable
        ? h('button', { 'aria-label': t('invoiceNowFor', linked.milestone.title), onclick: () => invoiceNow(linked.milestone.id) }, t('invoiceNow'))
        : null,
    ),
  );
  drawn.set(host, label);
  host.dataset.theme = theme;
  if (!existing) slot.append(host);
}

/** The badges of this board's linked cards, and which card element shows which card. */
export class CardBadges {
  private readonly elements = new Map<string, Element>();
  /** The linked card each element showed when we badged it. */
  private readonly cardIn = new WeakMap<Element, string>();

  constructor(private readonly board: BoardContext, private readonly invoiceNow: (milestoneId: string) => void) {}

  /** A card element now shows this card (null: none readable): badges it when linked, and takes off a stale badge. */
  show(element: Element, cardId: string | null): LinkedMilestone | undefined {
    const shown = this.cardIn.get(element);
    if (shown !== undefined && shown !== cardId) this.clear(element, shown);
    const linked = cardId === null ? undefined : this.board.linked().get(cardId);
    if (!linked) return undefined;
    this.elements.set(cardId!, element);
    this.cardIn.set(element, cardId!);
    this.draw(element, linked);
    return linked;
  }

  /** The card was unlinked. */
  forget(cardId: string): void {
    const element = this.elements.get(cardId);
    if (element) this.clear(element, cardId);
  }

  /** Takes the badges off cards that are no longer linked. */
  dropUnlinked(): void {
    for (const [cardId, element] of this.elements) if (!this.board.linked().has(cardId)) this.clear(element, cardId);
  }

  /** Draws every badge again: new state or theme. */
  redraw(): void {
    for (const [cardId, element] of this.elements) {
      if (element.isConnected) syncBadge(this.board.adapter.badgeSlot(element), this.board.linked().get(cardId), this.board.theme(), this.invoiceNow);
    }
  }

  /** Every badge of ours goes, including those the host moved or cloned out of our sight. */
  removeAll(): void {
    for (const node of document.querySelectorAll(BADGE_TAG)) node.remove();
    this.elements.clear();
  }

  private draw(element: Element, linked: LinkedMilestone): void {
    syncBadge(this.board.adapter.badgeSlot(element), linked, this.board.theme(), this.invoiceNow);
  }

  /** Takes our badge off an element: unlinked, or re-used by the host for another card (a re-sorted table). */
  private clear(element: Element, cardId: string): void {
    syncBadge(this.board.adapter.badgeSlot(element), undefined, this.board.theme(), this.invoiceNow);
    this.cardIn.delete(element);
    if (this.elements.get(cardId) === element) this.elements.delete(cardId);
  }
}
