import type { BoardState } from '../../db/boards';
import { t } from '../../ui/i18n';
import { h } from './dom';

export interface PickerCard {
  cardId: string;
  title: string;
  url: string;
  /** Kept with the link where the card's front shows only this id (Trello's full-cover cards). */
  hostCardId?: string;
}

export interface PickerActions {
  link(card: PickerCard, milestoneId: string): void;
  unlink(card: PickerCard): void;
  setUp(): void;
  close(): void;
}

/** The milestone picker for one card. Keyboard: arrows move, Escape closes. */
export function picker(state: BoardState | null, card: PickerCard, currentMilestoneId: string | undefined, actions: PickerActions) {
  const detail = state?.detail;
  const choices = detail
    ? detail.milestones.map((milestone) =>
        h('button', {
          role: 'menuitemradio',
          'aria-checked': String(milestone.id === currentMilestoneId),
          onclick: () => actions.link(card, milestone.id),
        }, h('span', {}, milestone.title), h('span', { class: 'muted' }, state?.figures?.display[milestone.id] ?? '')),
      )
    : [h('button', { role: 'menuitem', class: 'primary', onclick: actions.setUp }, t('createProjectForBoard'))];
  const menu = h('div', { class: 'picker', role: 'menu', 'aria-label': t('linkCardToMilestone', card.title) },
    h('p', {}, detail ? t('linkCardTo', card.title) : t('boardHasNoProject')),
    ...choices,
    currentMilestoneId ? h('button', { role: 'menuitem', onclick: () => actions.unlink(card) }, t('unlinkCard')) : null,
    h('button', { role: 'menuitem', onclick: actions.close }, t('cancel')),
  );
  menu.addEventListener('keydown', (event) => {
    const items = [...menu.querySelectorAll('button')];
    const at = items.indexOf((menu.getRootNode() as ShadowRoot).activeElement as HTMLButtonElement);
    if (event.key === 'Escape') actions.close();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  });
  return menu;
}
