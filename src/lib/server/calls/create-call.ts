import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, can } from '../identity/can';
import { uniqueSlug } from '../slugs';
import type { CallSettings } from '$lib/calls/schemas';
import { programmeResource } from './queries';

export interface CreateCallOptions {
	actor: Actor;
	programmeId: string;
	/** The cluster running the call: the programme's lead or one of its partners. */
	organisationId: string;
	settings: CallSettings;
}

/** Opens a draft call; nobody outside the organisation sees it until it is published. */
export async function createCall({
	actor,
	programmeId,
	organisationId,
	settings
}: CreateCallOptions) {
	const programme = await programmeResource(programmeId);
	if (!programme)
		throw new AppError('not_found', 'programme_unknown', { programmeId: 'invalid_choice' });
	authorize(actor, 'call.create', programme);
	const runsIt = [programme.organisationId, ...programme.partnerIds].includes(organisationId);
	if (!runsIt || !can(actor, 'organisation.manage', { type: 'organisation', id: organisationId })) {
		throw new AppError('forbidden');
	}
	return db().transaction(async (tx) => {
		const slug = await uniqueSlug(
			tx,
			call,
			call.slug,
			settings.title[settings.fallbackLocale] ?? Object.values(settings.title)[0] ?? 'call'
		);
		const [created] = await tx
			.insert(call)
			.values({
				slug,
				programmeId,
				organisationId,
				title: settings.title,
				summary: settings.summary,
				description: settings.description,
				eligibilityText: settings.eligibilityText,
				fallbackLocale: settings.fallbackLocale,
				timeZone: settings.timeZone,
				opensAt: settings.opensAt,
				closesAt: settings.closesAt,
				editAfterSubmit: settings.editAfterSubmit,
				maxApplicationsPerEnterprise: settings.maxApplicationsPerEnterprise
			})
			.returning({ id: call.id, slug: call.slug });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'call.created',
			entityType: 'call',
			entityId: created.id,
			organisationId,
			data: { programmeId, slug }
		});
		return created;
	});
}
