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

const finalReasons: Partial<Record<MilestoneState, string>> = {
  paid: 'A paid milestone is only voided, by a credit note',
  void: 'A void milestone is final',
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
  if (from === to) return fail(`The milestone is already ${stateLabels[to].toLowerCase()}`);
  const allowed = nextStates[from].map((state) => stateLabels[state].toLowerCase());
  const reason =
    finalReasons[from] ??
    `A ${stateLabels[from].toLowerCase()} milestone can next be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
  return fail(`Cannot mark it ${stateLabels[to].toLowerCase()}: ${reason}`);
}
