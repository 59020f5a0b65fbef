import { t } from '../ui/i18n';
import { fail, ok, type Result } from './result';

export const milestoneStates = [
  'planned',
  'in-progress',
  'delivered',
  'accepted',
  'invoiced',
  'partially-paid',
  'paid',
  'void',
] as const;
export type MilestoneState = (typeof milestoneStates)[number];

/**
 * Where a milestone may go next. A planned milestone can be invoiced straight away (the upfront
 * deposit has no card); an invoiced one leaves only through payments or a credit note (void), paid or not.
 */
const nextStates: Record<MilestoneState, readonly MilestoneState[]> = {
  planned: ['in-progress', 'delivered', 'invoiced', 'void'],
  'in-progress': ['planned', 'delivered', 'invoiced', 'void'],
  delivered: ['accepted', 'invoiced', 'void'],
  accepted: ['invoiced', 'void'],
  invoiced: ['partially-paid', 'paid', 'void'],
  // A credit note voids the invoice whatever was paid on it; the user then records the refund.
  'partially-paid': ['paid', 'void'],
  paid: ['void'],
  void: [],
};

const finalReasons: Partial<Record<MilestoneState, () => string>> = {
  paid: () => t('paidOnlyVoided'),
  void: () => t('voidIsFinal'),
};

/** A state inside a sentence ("is already invoiced"), as the user's language writes it there. */
const inlineStates: Record<MilestoneState, () => string> = {
  planned: () => t('inlinePlanned'),
  'in-progress': () => t('inlineInProgress'),
  delivered: () => t('inlineDelivered'),
  accepted: () => t('inlineAccepted'),
  invoiced: () => t('inlineInvoiced'),
  'partially-paid': () => t('inlinePartiallyPaid'),
  paid: () => t('inlinePaid'),
  void: () => t('inlineVoid'),
};

export const stateLabels: Record<MilestoneState, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  delivered: 'Delivered',
  accepted: 'Accepted',
  invoiced: 'Invoiced',
  'partially-paid': 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

export function canTransition(from: MilestoneState, to: MilestoneState): boolean {
  return nextStates[from].includes(to);
}

/** The new state, or the reason a user cannot make this move. */
export function transition(from: MilestoneState, to: MilestoneState): Result<MilestoneState> {
  if (canTransition(from, to)) return ok(to);
  if (from === to) return fail(t('milestoneAlready', inlineStates[to]()));
  const allowed = nextStates[from].map((state) => inlineStates[state]());
  const next = allowed.length > 1 ? t('listOr', allowed.slice(0, -1).join(', '), allowed.at(-1)!) : allowed.join('');
  const reason = finalReasons[from]?.() ?? t('milestoneCanNextBe', inlineStates[from](), next);
  return fail(t('cannotMarkIt', inlineStates[to](), reason));
}
