import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db, type Executor } from '../db';
import { juryMember, review } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { createJobRun } from '../jobs/job-runs';
import { lockJury } from './lock-jury';

/** Jurors on the panel who still have reviews to submit. */
export async function jurorsWithPendingReviews(ex: Executor, callId: string) {
	const rows = await ex
		.selectDistinct({ id: juryMember.id })
		.from(juryMember)
		.innerJoin(review, eq(review.juryMemberId, juryMember.id))
		.where(
			and(
				eq(juryMember.callId, callId),
				isNull(juryMember.removedAt),
				isNotNull(juryMember.userId),
				ne(review.status, 'submitted')
			)
		)
		.orderBy(asc(juryMember.id));
	return rows.map((r) => r.id);
}

/**
 * A manager asks Tandem to remind every juror with pending reviews: the request (job run with the
 * jurors it names, and the audit entry) is recorded at once; the 'jury-reminders' job writes the
 * emails and the page follows its progress.
 */
export async function requestJuryReminders({
	actor,
	callId,
	origin
}: {
	actor: Actor;
	callId: string;
	origin: string;
}) {
	return db().transaction(async (tx) => {
		const { call } = await lockJury(tx, actor, callId);
		const memberIds = await jurorsWithPendingReviews(tx, callId);
		if (memberIds.length === 0)
			throw new AppError('invalid_input', 'no_recipients', { _form: 'no_recipients' });
		const jobRunId = await createJobRun(tx, {
			kind: 'jury-reminders',
			organisationId: call.organisationId,
			subjectId: callId,
			createdBy: actor.userId,
			total: memberIds.length,
			input: { memberIds, origin }
		});
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.reminders_requested',
			entityType: 'call',
			entityId: callId,
			organisationId: call.organisationId,
			data: { jurors: memberIds.length, jobRunId }
		});
		return { jobRunId, recipients: memberIds.length };
	});
}
