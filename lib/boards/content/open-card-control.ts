import { t } from '../../ui/i18n';
import type { BoardContext } from './board-context';
import { h, shadowHost } from './dom';
import { badgeLabel } from './format';
import type { PickerCard } from './picker';
import { pickerCss } from './styles';

const TAG = 'milestone-invoicer-card-control';

/** The "◆ Milestone: …" line inside the open card's dialog, side pane or peek. */
export class OpenCardControl {
  private shown: { host: HTMLElement; cardId: string; label: string } | null = null;

  constructor(
    private readonly board: BoardContext,
    private readonly openPicker: (card: PickerCard, anchor: HTMLElement) => void,
    /** Whether the user asked, from the link control, to pick a milestone as soon as this card opened. */
    private readonly pickRequested: () => boolean,
  ) {}

  /** Puts the control in the open card, or takes it away when none is open. Idempotent unless forced. */
  sync(force = false): void {
    const open = this.board.adapter.openCard(document);
    if (!open) return this.remove();
    const linked = this.board.linked().get(open.cardId);
    const label = linked ? `${linked.milestone.title} · ${badgeLabel(linked.state)}` : t('notLinked');
    const shown = this.shown;
    if (!force && shown?.cardId === open.cardId && shown.label === label && open.slot.contains(shown.host)) return;
    this.remove();
    const { host, root } = shadowHost(TAG, pickerCss);
    host.dataset.theme = this.board.theme();
    const card = { cardId: open.cardId, title: open.title, url: open.url, hostCardId: open.hostCardId };
    const button: HTMLButtonElement = h('button', { 'aria-haspopup': 'menu', onclick: () => this.openPicker(card, button) },
      linked ? t('change') : t('linkToMilestone'));
    root.append(h('div', { class: 'inline' }, h('strong', {}, t('milestoneColon')), h('span', {}, label), button));
    open.slot.prepend(host);
    this.shown = { host, cardId: open.cardId, label };
    if (this.pickRequested()) this.openPicker(card, button);
  }

  remove(): void {
    this.shown?.host.remove();
    this.shown = null;
  }
}
