import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { jurySettings } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';
import { juryCallOf } from './results';

/**
 * How many applications the managers mean to accept and to put on the waiting list (null: no
 * quota). The decisions list draws its cut lines from these; "suggest by quota" fills from them.
 */
export async function updateDecisionQuotas({
	actor,
	callId,
	acceptQuota,
	waitlistQuota,
	version
}: {
	actor: Actor;
	callId: string;
	acceptQuota: number | null;
	waitlistQuota: number | null;
	version: number;
}) {
	const target = await juryCallOf(actor, callId);
	for (const [field, value] of [
		['acceptQuota', acceptQuota],
		['waitlistQuota', waitlistQuota]
	] as const) {
		if (value !== null && !(Number.isInteger(value) && value >= 0 && value <= 100_000)) {
			throw new AppError('invalid_input', 'quota_invalid', { [field]: 'invalid' });
		}
	}
	return db().transaction(async (tx) => {
		// Authorised above (juryCallOf); the settings row locked, the version checked.
		const { settings: current } = await lockJury(tx, null, target.id, version);
		if (current.acceptQuota === acceptQuota && current.waitlistQuota === waitlistQuota) {
			return { version: current.version };
		}
		await tx
			.update(jurySettings)
			.set({ acceptQuota, waitlistQuota, version: current.version + 1, updatedAt: new Date() })
			.where(eq(jurySettings.callId, target.id));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.quotas_set',
			entityType: 'call',
			entityId: target.id,
			organisationId: target.organisationId,
			data: {
				from: { accept: current.acceptQuota, waitlist: current.waitlistQuota },
				to: { accept: acceptQuota, waitlist: waitlistQuota }
			}
		});
		return { version: current.version + 1 };
	});
}
