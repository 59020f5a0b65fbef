import type { MilestoneState } from '../../billing/lifecycle';
import { t } from '../../ui/i18n';
import { milestoneStateLabel } from '../../ui/labels';

/** A milestone's state as a badge shows it: an overdue invoice outranks its lifecycle state. */
export type BadgeState = MilestoneState | 'overdue';
export const badgeLabel = (state: BadgeState) => (state === 'overdue' ? t('badgeOverdue') : milestoneStateLabel(state));
