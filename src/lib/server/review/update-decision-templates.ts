import { eq } from 'drizzle-orm';
import { unknownPlaceholders } from '$lib/decisions/fill-template';
import type { Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { jurySettings } from '../db/schema';
import type { DecisionOutcome, DecisionTemplates } from '../db/schema/review';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockJury } from './lock-jury';
import { juryCallOf } from './results';

export const TEMPLATE_LIMITS = { subject: 200, body: 10_000 } as const;

/**
 * Saves the decision email of one outcome in one language. An empty subject or body means the
 * platform's default text for it (see decision-email.ts). Placeholders other than the known ones
 * are refused, so a typo does not reach applicants as "{organsation}".
 */
export async function updateDecisionTemplates({
	actor,
	callId,
	outcome,
	locale,
	subject,
	body,
	version
}: {
	actor: Actor;
	callId: string;
	outcome: DecisionOutcome;
	locale: Locale;
	subject: string;
	body: string;
	version: number;
}) {
	const target = await juryCallOf(actor, callId);
	const text = { subject: subject.trim(), body: body.trim() };
	const errors: Record<string, string> = {};
	for (const field of ['subject', 'body'] as const) {
		const unknown = unknownPlaceholders(text[field]);
		if (text[field].length > TEMPLATE_LIMITS[field]) {
			errors[field] = `too_long|${TEMPLATE_LIMITS[field]}`;
		} else if (unknown.length > 0) errors[field] = `unknown_placeholder|${unknown.join(', ')}`;
	}
	if (Object.keys(errors).length > 0)
		throw new AppError('invalid_input', 'template_invalid', errors);

	return db().transaction(async (tx) => {
		// Authorised above (juryCallOf); the settings row locked, the version checked.
		const { settings: current } = await lockJury(tx, null, target.id, version);
		const templates: Partial<DecisionTemplates> = structuredClone(current.decisionTemplates);
		const entry = (templates[outcome] ??= { subject: {}, body: {} });
		const before = { subject: entry.subject[locale] ?? '', body: entry.body[locale] ?? '' };
		if (before.subject === text.subject && before.body === text.body) {
			return { version: current.version };
		}
		for (const field of ['subject', 'body'] as const) {
			if (text[field]) entry[field][locale] = text[field];
			else delete entry[field][locale];
		}
		await tx
			.update(jurySettings)
			.set({ decisionTemplates: templates, version: current.version + 1, updatedAt: new Date() })
			.where(eq(jurySettings.callId, target.id));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.decision_template_set',
			entityType: 'call',
			entityId: target.id,
			organisationId: target.organisationId,
			data: {
				outcome,
				locale,
				subject: text.subject || null,
				bodyChanged: before.body !== text.body
			}
		});
		return { version: current.version + 1 };
	});
}
