import { stateLabels, type MilestoneState } from '../../billing/lifecycle';

/** A milestone's state as a badge shows it: an overdue invoice outranks its lifecycle state. */
export type BadgeState = MilestoneState | 'overdue';
export const badgeLabel = (state: BadgeState) => (state === 'overdue' ? 'Overdue' : stateLabels[state]);
