import { eq } from 'drizzle-orm';
import { questionsOf } from '$lib/calls/form-definition';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockCallForManager } from './lock-call';
import { canTransition, type CallStatus } from './rules';

/**
 * The one function that moves a call's status (see CALL_TRANSITIONS). `actor: null` is the
 * platform itself, closing calls whose deadline passed.
 */
export async function transitionCall({
	actor,
	callId,
	to,
	now = new Date()
}: {
	actor: Actor | null;
	callId: string;
	to: CallStatus;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const current = actor
			? await lockCallForManager(tx, actor, callId)
			: (await tx.select().from(call).where(eq(call.id, callId)).for('update'))[0];
		if (!current) throw new AppError('not_found');
		if (!canTransition(current.status, to)) {
			throw new AppError('conflict', `transition_${current.status}_${to}`, {
				status: 'transition_refused'
			});
		}
		if (to === 'open') {
			if (questionsOf(current.form).length === 0)
				throw new AppError('invalid_input', 'form_empty', { status: 'form_empty' });
			if (current.closesAt <= now)
				throw new AppError('invalid_input', 'deadline_passed', { status: 'deadline_passed' });
		}
		await tx
			.update(call)
			.set({ status: to, version: current.version + 1, updatedAt: new Date() })
			.where(eq(call.id, callId));
		await recordAudit(tx, {
			actorUserId: actor?.userId ?? null,
			action: 'call.status_changed',
			entityType: 'call',
			entityId: callId,
			organisationId: current.organisationId,
			data: { from: current.status, to }
		});
		return { from: current.status, to };
	});
}
