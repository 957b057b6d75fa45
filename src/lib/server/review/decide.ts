import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application, decision } from '../db/schema';
import type { DecisionOutcome } from '../db/schema/review';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { juryCallOf } from './results';

export interface DecideResult {
	outcome: DecisionOutcome | null;
	/** The decision's version now (0: no decision). */
	version: number;
	changed: boolean;
	/** The decision had been sent: it is withdrawn from the applicant until decisions are sent again. */
	reopened: boolean;
}

/**
 * Sets, changes or clears (outcome null) the managers' decision on one application, with the
 * feedback for the applicant and whether the jurors' comments go with it. `version` is the
 * decision's version the manager saw (0 when there was none): anything newer is a conflict.
 *
 * Once a decision was sent (releasedAt), the applicant has been told: changing it needs
 * `confirmReleased`, withdraws it from the applicant's space and makes it unsent, so the next
 * "Send decisions" emails the new decision (and moves the cohort accordingly). A sent decision
 * cannot be cleared, only changed. Every change is audited; unchanged posts write nothing.
 */
export async function decide({
	actor,
	callId,
	applicationId,
	outcome,
	feedback,
	includeJuryComments,
	version,
	confirmReleased = false
}: {
	actor: Actor;
	callId: string;
	applicationId: string;
	outcome: DecisionOutcome | null;
	feedback: string;
	includeJuryComments: boolean;
	version: number;
	confirmReleased?: boolean;
}): Promise<DecideResult> {
	const target = await juryCallOf(actor, callId);
	if (!UUID.test(applicationId)) throw new AppError('not_found');
	return db().transaction(async (tx) => {
		const [app] = await tx
			.select({ id: application.id, status: application.status })
			.from(application)
			.where(and(eq(application.id, applicationId), eq(application.callId, target.id)))
			.for('update');
		if (!app || app.status === 'draft') throw new AppError('not_found');
		const [current] = await tx
			.select()
			.from(decision)
			.where(eq(decision.applicationId, app.id))
			.for('update');
		if (version !== (current?.version ?? 0)) throw new AppError('conflict', 'stale_version');
		if (outcome !== null && app.status !== 'submitted') {
			throw new AppError('invalid_input', 'application_withdrawn', {
				outcome: 'application_withdrawn'
			});
		}
		const audit = (action: string, data: Record<string, unknown>) =>
			recordAudit(tx, {
				actorUserId: actor.userId,
				action,
				entityType: 'application',
				entityId: app.id,
				organisationId: target.organisationId,
				data: { callId: target.id, ...data }
			});

		if (outcome === null) {
			if (!current) return { outcome: null, version: 0, changed: false, reopened: false };
			if (current.releasedAt) {
				throw new AppError('conflict', 'decision_released', { outcome: 'decision_released' });
			}
			await tx.delete(decision).where(eq(decision.applicationId, app.id));
			await audit('decision.cleared', { from: current.outcome });
			return { outcome: null, version: 0, changed: true, reopened: false };
		}

		const text = feedback.trim();
		if (
			current &&
			current.outcome === outcome &&
			current.feedback === text &&
			current.includeJuryComments === includeJuryComments
		) {
			return { outcome, version: current.version, changed: false, reopened: false };
		}
		const reopened = Boolean(current?.releasedAt);
		if (reopened && !confirmReleased) {
			throw new AppError('conflict', 'decision_released', { outcome: 'decision_released' });
		}
		const values = {
			outcome,
			feedback: text,
			includeJuryComments,
			decidedBy: actor.userId,
			decidedAt: new Date(),
			releasedAt: null,
			version: (current?.version ?? 0) + 1
		};
		await tx
			.insert(decision)
			.values({ applicationId: app.id, callId: target.id, ...values })
			.onConflictDoUpdate({ target: decision.applicationId, set: values });
		await audit('decision.set', {
			from: current?.outcome ?? null,
			to: outcome,
			feedbackChanged: (current?.feedback ?? '') !== text,
			includeJuryComments,
			...(reopened ? { reopened: true } : {})
		});
		return { outcome, version: values.version, changed: true, reopened };
	});
}
