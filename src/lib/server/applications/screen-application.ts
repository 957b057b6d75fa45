import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { callResource } from '../calls/queries';
import { lockApplication } from './lock-application';

/** A call manager's screening decision; "not eligible" needs a reason the applicant can read. */
export async function screenApplication({
	actor,
	applicationId,
	decision,
	reason
}: {
	actor: Actor;
	applicationId: string;
	decision: 'eligible' | 'not_eligible';
	reason: string;
}) {
	return db().transaction(async (tx) => {
		const row = await lockApplication(tx, actor, applicationId, 'application.view');
		authorize(
			actor,
			'call.manage',
			callResource({ ...row.call, programmeOrganisationId: row.programmeOrganisationId })
		);
		if (row.application.status !== 'submitted')
			throw new AppError('conflict', 'not_submitted', { decision: 'not_submitted' });
		if (decision === 'not_eligible' && !reason.trim())
			throw new AppError('invalid_input', 'reason_required', { reason: 'required' });
		await tx
			.update(application)
			.set({
				screening: decision,
				screeningReason: reason.trim() || null,
				screenedBy: actor.userId,
				screenedAt: new Date()
			})
			.where(eq(application.id, applicationId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'application.screened',
			entityType: 'application',
			entityId: applicationId,
			organisationId: row.call.organisationId,
			data: { decision, reason: reason.trim() }
		});
	});
}
