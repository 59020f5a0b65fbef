import type { BoardState } from '../../db/boards';
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
    : [h('button', { role: 'menuitem', class: 'primary', onclick: actions.setUp }, 'Create a project for this board')];
  const menu = h('div', { class: 'picker', role: 'menu', 'aria-label': `Link “${card.title}” to a milestone` },
    h('p', {}, detail ? `Link “${card.title}” to:` : 'This board has no project yet.'),
    ...choices,
    currentMilestoneId ? h('button', { role: 'menuitem', onclick: () => actions.unlink(card) }, 'Unlink this card') : null,
    h('button', { role: 'menuitem', onclick: actions.close }, 'Cancel'),
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
