import type { MilestoneDatabase } from './database';
import { activitySchema, type Activity } from './entities';
import { parseOrThrow } from './errors';

/** Appends a decision to the log. Call inside the transaction that makes the decision. */
export async function recordActivity(db: MilestoneDatabase, entry: Omit<Activity, 'id' | 'at'>, at = Date.now()) {
  await db.activity.add(parseOrThrow(activitySchema, { ...entry, at }));
}

/** A project's decisions, newest first. */
export function projectActivity(db: MilestoneDatabase, projectId: string): Promise<Activity[]> {
  return db.activity.where('projectId').equals(projectId).reverse().sortBy('at');
}
