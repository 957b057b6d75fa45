import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { callCriterion } from '../db/schema';
import { AppError } from '../errors';
import { scoringOpen } from './rules';

type Settings = { phase: 'setup' | 'scoring' | 'closed'; reviewDeadline: Date | null };

/** Someone saved this review in between (another tab): never overwritten, reported instead. */
export class ReviewConflict extends AppError {
	constructor(readonly currentVersion: number) {
		super('conflict', 'review_conflict');
	}
}

/** Scores change only while scoring is open: not in setup, not after the phase or deadline closed it. */
export function assertScoringOpen(settings: Settings, now: Date) {
	if (!scoringOpen(settings, now))
		throw new AppError('conflict', 'scoring_closed', { _form: 'scoring_closed' });
}

/**
 * The conflict check (confirming none, or declaring one) is open in setup too: a juror who sees
 * their assignments before scoring starts can step aside early, and be replaced in time. Once
 * scoring has closed, the panel is fixed.
 */
export function assertConflictCheckOpen(settings: Settings, now: Date) {
	if (settings.phase !== 'setup' && !scoringOpen(settings, now))
		throw new AppError('conflict', 'scoring_closed', { _form: 'scoring_closed' });
}

/** A call's criteria in order, with what scoring needs. */
export async function criteriaOf(ex: Executor, callId: string) {
	return ex
		.select({
			id: callCriterion.id,
			weight: callCriterion.weight,
			scaleMin: callCriterion.scaleMin,
			scaleMax: callCriterion.scaleMax
		})
		.from(callCriterion)
		.where(eq(callCriterion.callId, callId))
		.orderBy(asc(callCriterion.position), asc(callCriterion.id));
}
