import type { IsoDate } from '../billing/dates';
import { stateLabels, transition } from '../billing/lifecycle';
import { t } from '../ui/i18n';
import { recordActivity } from './activity';
import type { MilestoneDatabase } from './database';
import { acceptanceSchema, type Milestone } from './entities';
import { InputError, parseOrThrow } from './errors';

/** Work started on a milestone, or it was delivered: checked against the lifecycle and logged. */
export async function advanceMilestone(
  db: MilestoneDatabase,
  milestoneId: string,
  to: 'in-progress' | 'delivered',
  on: IsoDate,
  now = Date.now(),
): Promise<Milestone> {
  return db.transaction('rw', db.milestones, db.activity, async () => {
    const milestone = await db.milestones.get(milestoneId);
    if (!milestone) throw new InputError(t('milestoneGone'));
    const moved = transition(milestone.state, to);
    if (!moved.ok) throw new InputError(moved.error);
    const dates = to === 'delivered' ? { deliveredOn: on } : { startedOn: on };
    const updated = { ...milestone, ...dates, state: to };
    await db.milestones.put(updated);
    if (to === 'delivered') {
      await recordActivity(
        db,
        { kind: 'delivered', projectId: milestone.projectId, milestoneId, summary: `"${milestone.title}" ${stateLabels.delivered.toLowerCase()} on ${on}` },
        now,
      );
    }
    return updated;
  });
}

/** The client accepted the delivered work: who, when, and the evidence, all kept with the milestone. */
export async function recordAcceptance(
  db: MilestoneDatabase,
  milestoneId: string,
  acceptance: { by: string; on: IsoDate; evidence: string },
  now = Date.now(),
): Promise<Milestone> {
  const accepted = parseOrThrow(acceptanceSchema, acceptance);
  return db.transaction('rw', db.milestones, db.activity, async () => {
    const milestone = await db.milestones.get(milestoneId);
    if (!milestone) throw new InputError(t('milestoneGone'));
    const moved = transition(milestone.state, 'accepted');
    if (!moved.ok) throw new InputError(moved.error);
    const updated = { ...milestone, state: 'accepted' as const, acceptance: accepted };
    await db.milestones.put(updated);
    const evidence = accepted.evidence ? ` (${accepted.evidence})` : '';
    await recordActivity(db, { kind: 'accepted', projectId: milestone.projectId, milestoneId, summary: `"${milestone.title}" accepted by ${accepted.by} on ${accepted.on}${evidence}` }, now);
    return updated;
  });
}
