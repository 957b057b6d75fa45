import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application, decision } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { createJobRun } from '../jobs/job-runs';
import { juryCallOf } from './results';

/** Decisions made but not sent yet, of applications still in the call. */
export const unsentDecisions = (callId: string) =>
	and(
		eq(decision.callId, callId),
		isNull(decision.releasedAt),
		eq(application.status, 'submitted')
	);

/**
 * "Send decisions": records a job that emails every decided, unsent application of the call (see
 * send-decisions.ts); the caller enqueues it after this returns. Refused while the call still
 * takes applications, and when there is nothing to send.
 */
export async function requestDecisionEmails({ actor, callId }: { actor: Actor; callId: string }) {
	const target = await juryCallOf(actor, callId);
	if (target.status === 'draft' || target.status === 'open') {
		throw new AppError('conflict', 'call_open', { _form: 'call_open' });
	}
	return db().transaction(async (tx) => {
		const [{ n }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(decision)
			.innerJoin(application, eq(application.id, decision.applicationId))
			.where(unsentDecisions(target.id));
		if (n === 0)
			throw new AppError('invalid_input', 'nothing_to_send', { _form: 'nothing_to_send' });
		const jobRunId = await createJobRun(tx, {
			kind: 'send-decisions',
			organisationId: target.organisationId,
			subjectId: target.id,
			createdBy: actor.userId,
			total: n,
			input: {}
		});
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'decisions.send_requested',
			entityType: 'call',
			entityId: target.id,
			organisationId: target.organisationId,
			data: { decisions: n, jobRunId }
		});
		return { jobRunId, decisions: n };
	});
}
