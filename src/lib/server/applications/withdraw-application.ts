import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockApplication } from './lock-application';

/** The applicant takes an application back; it stays on record but leaves the review. */
export async function withdrawApplication({
	actor,
	applicationId
}: {
	actor: Actor;
	applicationId: string;
}) {
	return db().transaction(async (tx) => {
		const { application: current, call } = await lockApplication(
			tx,
			actor,
			applicationId,
			'application.edit'
		);
		if (current.status === 'withdrawn') return { alreadyWithdrawn: true };
		if (call.status === 'in_review' || call.status === 'decided')
			throw new AppError('conflict', 'review_started', { _form: 'review_started' });
		await tx
			.update(application)
			.set({
				status: 'withdrawn',
				withdrawnAt: new Date(),
				version: current.version + 1,
				updatedAt: new Date()
			})
			.where(eq(application.id, applicationId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'application.withdrawn',
			entityType: 'application',
			entityId: applicationId,
			organisationId: current.organisationId,
			data: { from: current.status }
		});
		return { alreadyWithdrawn: false };
	});
}
