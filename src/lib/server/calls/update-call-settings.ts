import { eq } from 'drizzle-orm';
import type { CallSettings } from '$lib/calls/schemas';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockCallForManager } from './lock-call';

/** Saves a call's texts, window and rules. Once open, the opening time is history and stays. */
export async function updateCallSettings({
	actor,
	callId,
	settings
}: {
	actor: Actor;
	callId: string;
	settings: CallSettings;
}) {
	return db().transaction(async (tx) => {
		const current = await lockCallForManager(tx, actor, callId, settings.version);
		if (current.status === 'decided')
			throw new AppError('conflict', 'call_decided', { _form: 'call_decided' });
		const opensAt = current.status === 'draft' ? settings.opensAt : current.opensAt;
		if (settings.closesAt <= opensAt) {
			throw new AppError('invalid_input', 'closes_before_opens', {
				closesAt: 'closes_before_opens'
			});
		}
		const [updated] = await tx
			.update(call)
			.set({
				title: settings.title,
				summary: settings.summary,
				description: settings.description,
				eligibilityText: settings.eligibilityText,
				fallbackLocale: settings.fallbackLocale,
				timeZone: settings.timeZone,
				opensAt,
				closesAt: settings.closesAt,
				editAfterSubmit: settings.editAfterSubmit,
				maxApplicationsPerEnterprise: settings.maxApplicationsPerEnterprise,
				version: current.version + 1,
				updatedAt: new Date()
			})
			.where(eq(call.id, callId))
			.returning({ version: call.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'call.settings_updated',
			entityType: 'call',
			entityId: callId,
			organisationId: current.organisationId,
			data: { closesAt: settings.closesAt.toISOString() }
		});
		return updated;
	});
}
