import { eq } from 'drizzle-orm';
import type { JuryPhase } from '$lib/schemas/jury';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { jurySettings } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';
import { canMovePhase } from './panel-rules';
import { countUnderAssigned } from './panel-queries';

/**
 * The one function that moves a jury's phase (see JURY_PHASE_TRANSITIONS). Scoring opens only when
 * every application has its k reviewers, or when the manager confirms they want to start anyway.
 */
export async function transitionJuryPhase({
	actor,
	callId,
	to,
	version,
	confirm = false
}: {
	actor: Actor;
	callId: string;
	to: JuryPhase;
	version: number;
	confirm?: boolean;
}) {
	return db().transaction(async (tx) => {
		const { call, settings } = await lockJury(tx, actor, callId, version);
		if (!canMovePhase(settings.phase, to))
			throw new AppError('conflict', `phase_${settings.phase}_${to}`, {
				_form: 'transition_refused'
			});
		let underAssigned = 0;
		if (to === 'scoring') {
			underAssigned = await countUnderAssigned(tx, callId, settings.reviewersPerApplication);
			if (underAssigned > 0 && !confirm)
				throw new AppError('conflict', 'under_assigned', {
					_form: `under_assigned|${underAssigned}`
				});
		}
		const [updated] = await tx
			.update(jurySettings)
			.set({ phase: to, version: settings.version + 1, updatedAt: new Date() })
			.where(eq(jurySettings.callId, callId))
			.returning({ version: jurySettings.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.phase_changed',
			entityType: 'call',
			entityId: callId,
			organisationId: call.organisationId,
			data: { from: settings.phase, to, ...(to === 'scoring' ? { underAssigned } : {}) }
		});
		return { from: settings.phase, to, version: updated.version };
	});
}
