import { describe, expect, it } from 'vitest';
import { canTransition, milestoneStates, transition } from '../../../lib/billing/lifecycle';

describe('milestone lifecycle', () => {
  it('follows the happy path from planned to paid', () => {
    const path = ['planned', 'in-progress', 'delivered', 'accepted', 'invoiced', 'partially-paid', 'paid'] as const;
    for (let i = 1; i < path.length; i++) expect(transition(path[i - 1]!, path[i]!)).toEqual({ ok: true, value: path[i] });
  });

  it('lets an upfront deposit be invoiced straight from planned', () => {
    expect(canTransition('planned', 'invoiced')).toBe(true);
  });

  it('lets a card move back from in progress to planned, but never un-deliver', () => {
    expect(canTransition('in-progress', 'planned')).toBe(true);
    expect(transition('delivered', 'in-progress')).toEqual({
      ok: false,
      error: 'Cannot mark it in progress: A delivered milestone can next be accepted, invoiced or void',
    });
  });

  it('treats void as final', () => {
    for (const to of milestoneStates) expect(canTransition('void', to)).toBe(false);
  });

  it('lets a credit note void a paid or part-paid milestone, and nothing else move a paid one', () => {
    for (const from of ['paid', 'partially-paid'] as const) expect(transition(from, 'void')).toEqual({ ok: true, value: 'void' });
    expect(transition('paid', 'invoiced')).toEqual({ ok: false, error: 'Cannot mark it invoiced: A paid milestone is only voided, by a credit note' });
    expect(canTransition('partially-paid', 'invoiced')).toBe(false);
  });

  it('rejects a move to the same state', () => {
    expect(transition('invoiced', 'invoiced')).toEqual({ ok: false, error: 'The milestone is already invoiced' });
  });

  it('cannot skip invoicing on the way to paid', () => {
    for (const from of ['planned', 'in-progress', 'delivered', 'accepted'] as const) {
      expect(canTransition(from, 'paid')).toBe(false);
      expect(canTransition(from, 'partially-paid')).toBe(false);
    }
  });
});
