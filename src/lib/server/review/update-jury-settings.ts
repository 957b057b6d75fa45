import { eq } from 'drizzle-orm';
import type { JurySettingsInput } from '$lib/schemas/jury';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { jurySettings } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';

/**
 * Saves how a call's jury works: reviewers per application, the default load, blind review, when
 * jurors see others' scores, and the review deadline. A closed jury's settings are history. A
 * deadline that is newly set must lie ahead (one in the past would close scoring at once).
 */
export async function updateJurySettings({
	actor,
	callId,
	settings,
	now = new Date()
}: {
	actor: Actor;
	callId: string;
	settings: JurySettingsInput;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const { call, settings: current } = await lockJury(tx, actor, callId, settings.version);
		if (current.phase === 'closed')
			throw new AppError('conflict', 'jury_closed', { _form: 'jury_closed' });
		const deadlineChanged =
			(settings.reviewDeadline?.getTime() ?? null) !== (current.reviewDeadline?.getTime() ?? null);
		if (deadlineChanged && settings.reviewDeadline && settings.reviewDeadline <= now)
			throw new AppError('invalid_input', 'deadline_in_past', {
				reviewDeadline: 'deadline_in_past'
			});
		const [updated] = await tx
			.update(jurySettings)
			.set({
				reviewersPerApplication: settings.reviewersPerApplication,
				defaultMaxLoad: settings.defaultMaxLoad,
				blindReview: settings.blindReview,
				showScoresAfterSubmit: settings.showScoresAfterSubmit,
				reviewDeadline: settings.reviewDeadline,
				version: current.version + 1,
				updatedAt: now
			})
			.where(eq(jurySettings.callId, callId))
			.returning({ version: jurySettings.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.settings_updated',
			entityType: 'call',
			entityId: callId,
			organisationId: call.organisationId,
			data: {
				reviewersPerApplication: settings.reviewersPerApplication,
				defaultMaxLoad: settings.defaultMaxLoad,
				blindReview: settings.blindReview,
				showScoresAfterSubmit: settings.showScoresAfterSubmit,
				reviewDeadline: settings.reviewDeadline?.toISOString() ?? null
			}
		});
		return updated;
	});
}
