import type { BoardState } from '../../db/boards';
import type { CardLink, Milestone } from '../../db/entities';
import { h, shadowHost } from './dom';
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

/** Puts (or refreshes, or removes) the milestone badge inside a card. Idempotent. */
export function syncBadge(
  slot: Element,
  linked: LinkedMilestone | undefined,
  theme: 'light' | 'dark',
  invoiceNow: (milestoneId: string) => void,
): void {
  let existing = slot.querySelector(`:scope > ${BADGE_TAG}`) as HTMLElement | null;
  // A host that cloned a card copied our element but not its shadow root: start afresh.
  if (existing && !existing.shadowRoot) {
    existing.remove();
    existing = null;
  }
  if (!linked) return existing?.remove();
  const label = `${linked.milestone.title} · ${linked.amount} · ${badgeLabel(linked.state)}`;
  if (existing?.dataset.label === label && existing.dataset.theme === theme) return;
  const { host, root } = existing ? { host: existing, root: existing.shadowRoot! } : shadowHost(BADGE_TAG, badgeCss);
  root.querySelector('.badge')?.remove();
  root.append(
    h('span', { class: 'badge', title: `Milestone: ${label}` },
      h('span', { class: 'name' }, `◆ ${linked.milestone.title}`),
      h('span', {}, linked.amount),
      h('span', { class: 'pill', 'data-state': linked.state }, badgeLabel(linked.state)),
      // Delivered work is what gets invoiced from the card; earlier milestones from the panel.
      linked.state === 'delivered' || linked.state === 'accepted'
        ? h('button', { 'aria-label': `Invoice now: ${linked.milestone.title}`, onclick: () => invoiceNow(linked.milestone.id) }, 'Invoice now')
        : null,
    ),
  );
  host.dataset.label = label;
  host.dataset.theme = theme;
  host.dataset.cardId = linked.link.cardId;
  if (!existing) slot.append(host);
}
