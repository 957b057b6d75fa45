import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { call, juryMember, jurySettings, programme, review } from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';

export type JurySettingsRow = typeof jurySettings.$inferSelect;

/** A call's jury settings, created with the defaults the first time anyone asks. */
export async function ensureJurySettings(ex: Executor, callId: string): Promise<JurySettingsRow> {
	await ex.insert(jurySettings).values({ callId }).onConflictDoNothing();
	const [row] = await ex.select().from(jurySettings).where(eq(jurySettings.callId, callId));
	return row;
}

/**
 * Reads one review with its juror, call and jury settings, under a row lock, for the juror it is
 * assigned to. Anyone else — another juror, a manager, a forged id — gets "not found".
 */
export async function lockReviewForJuror(tx: Executor, actor: Actor, reviewId: string) {
	if (!UUID.test(reviewId)) throw new AppError('not_found');
	const [row] = await tx
		.select({
			review,
			member: juryMember,
			call,
			programmeOrganisationId: programme.organisationId
		})
		.from(review)
		.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
		.innerJoin(call, eq(call.id, review.callId))
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(and(eq(review.id, reviewId), isNull(juryMember.removedAt)))
		.for('update', { of: review });
	if (!row) throw new AppError('not_found');
	try {
		authorize(actor, 'review.score', { type: 'review', jurorUserId: row.member.userId });
	} catch {
		throw new AppError('not_found');
	}
	const settings = await ensureJurySettings(tx, row.call.id);
	return { ...row, settings };
}
