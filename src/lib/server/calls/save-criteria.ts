import { eq } from 'drizzle-orm';
import { criteriaSchema } from '$lib/calls/schemas';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call, callCriterion } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockCallForManager } from './lock-call';

/** Replaces the call's evaluation criteria; frozen once review starts, since scores refer to them. */
export async function saveCriteria({
	actor,
	callId,
	version,
	criteria
}: {
	actor: Actor;
	callId: string;
	version: number;
	criteria: unknown;
}) {
	const parsed = criteriaSchema.safeParse(criteria);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new AppError('invalid_input', 'criteria_invalid', {
			[issue?.path.join('.') || 'criteria']: issue?.message ?? 'invalid'
		});
	}
	return db().transaction(async (tx) => {
		const current = await lockCallForManager(tx, actor, callId, version);
		if (current.status === 'in_review' || current.status === 'decided')
			throw new AppError('conflict', 'criteria_frozen', { criteria: 'criteria_frozen' });
		await tx.delete(callCriterion).where(eq(callCriterion.callId, callId));
		if (parsed.data.length) {
			await tx.insert(callCriterion).values(
				parsed.data.map((c, position) => ({
					callId,
					name: c.name,
					rubric: c.rubric,
					weight: c.weight,
					scaleMin: c.scaleMin,
					scaleMax: c.scaleMax,
					anchors: c.anchors,
					position
				}))
			);
		}
		const [updated] = await tx
			.update(call)
			.set({ version: current.version + 1, updatedAt: new Date() })
			.where(eq(call.id, callId))
			.returning({ version: call.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'call.criteria_saved',
			entityType: 'call',
			entityId: callId,
			organisationId: current.organisationId,
			data: { criteria: parsed.data.length }
		});
		return updated;
	});
}
