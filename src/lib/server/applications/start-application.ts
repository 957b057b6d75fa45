import { and, eq, ne, sql } from 'drizzle-orm';
import { isLocale, type Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application, call } from '../db/schema';
import { acceptsSubmissions } from '../calls/rules';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';

/**
 * Starts (or returns the open draft of) an enterprise's application to a call, within the
 * call's limit of applications per enterprise.
 */
export async function startApplication({
	actor,
	callId,
	organisationId,
	locale
}: {
	actor: Actor;
	callId: string;
	organisationId: string;
	locale: string;
}) {
	authorize(actor, 'application.create', { type: 'organisation', id: organisationId });
	return db().transaction(async (tx) => {
		const [target] = await tx.select().from(call).where(eq(call.id, callId)).for('share');
		if (!target || target.status === 'draft') throw new AppError('not_found');
		if (!acceptsSubmissions(target))
			throw new AppError('conflict', 'call_closed', { callId: 'call_closed' });
		// Serialise starts for one enterprise and call, so the limit cannot be raced past.
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${callId}:${organisationId}`}))`);
		const existing = await tx
			.select({ id: application.id, status: application.status })
			.from(application)
			.where(
				and(
					eq(application.callId, callId),
					eq(application.organisationId, organisationId),
					ne(application.status, 'withdrawn')
				)
			);
		const draft = existing.find((a) => a.status === 'draft');
		if (draft) return { id: draft.id, created: false };
		if (existing.length >= target.maxApplicationsPerEnterprise) {
			throw new AppError('conflict', 'application_limit', { callId: 'application_limit' });
		}
		const [created] = await tx
			.insert(application)
			.values({
				callId,
				organisationId,
				createdBy: actor.userId,
				locale: isLocale(locale) ? locale : ('en' satisfies Locale)
			})
			.returning({ id: application.id });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'application.started',
			entityType: 'application',
			entityId: created.id,
			organisationId,
			data: { callId }
		});
		return { id: created.id, created: true };
	});
}
