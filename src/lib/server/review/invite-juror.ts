import { and, eq } from 'drizzle-orm';
import type { InviteJurorInput } from '$lib/schemas/jury';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { juryMember, programme, user } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { hashToken, newToken } from '../identity/tokens';
import { queueEmail } from '../notify/queue-email';
import { juryTemplates } from './jury-emails';
import { lockJury } from './lock-jury';

export const JURY_INVITATION_DAYS = 14;

/**
 * Invites a person to a call's jury by email: the panel member (with the languages, tags and load
 * the manager already knows), its audit entry and the email in one transaction. Inviting an
 * address that is invited already sends a new link (the old one stops working); a removed juror
 * can be invited back. The email is in the juror's own language when Tandem knows it, else in the
 * call's fallback language.
 */
export async function inviteJuror({
	actor,
	callId,
	juror,
	origin,
	now = new Date()
}: {
	actor: Actor;
	callId: string;
	juror: InviteJurorInput;
	origin: string;
	now?: Date;
}) {
	const address = juror.email.trim().toLowerCase();
	const token = newToken();
	const expiresAt = new Date(now.getTime() + JURY_INVITATION_DAYS * 86_400_000);

	return db().transaction(async (tx) => {
		const { call } = await lockJury(tx, actor, callId);
		const [existing] = await tx
			.select()
			.from(juryMember)
			.where(and(eq(juryMember.callId, callId), eq(juryMember.email, address)));
		if (existing?.acceptedAt && !existing.removedAt)
			throw new AppError('conflict', 'already_juror', { email: 'already_juror' });

		const profile = {
			name: juror.name || existing?.name || '',
			languages: juror.languages.length ? juror.languages : (existing?.languages ?? []),
			tags: juror.tags.length ? juror.tags : (existing?.tags ?? []),
			maxLoad: juror.maxLoad ?? existing?.maxLoad ?? null
		};
		const invitation = {
			tokenHash: hashToken(token),
			invitedBy: actor.userId,
			invitedAt: now,
			expiresAt
		};
		const [member] = existing
			? await tx
					.update(juryMember)
					.set({ ...profile, ...invitation, userId: null, acceptedAt: null, removedAt: null })
					.where(eq(juryMember.id, existing.id))
					.returning({ id: juryMember.id })
			: await tx
					.insert(juryMember)
					.values({ callId, email: address, ...profile, ...invitation })
					.returning({ id: juryMember.id });

		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: existing ? 'jury.juror_reinvited' : 'jury.juror_invited',
			entityType: 'jury_member',
			entityId: member.id,
			organisationId: call.organisationId,
			data: { callId, email: address, ...profile }
		});

		const [person] = await tx
			.select({ locale: user.locale })
			.from(user)
			.where(eq(user.email, address));
		const locale: Locale = isLocale(person?.locale)
			? person.locale
			: isLocale(call.fallbackLocale)
				? call.fallbackLocale
				: 'en';
		const [programmeRow] = await tx
			.select({ name: programme.name, fallbackLocale: programme.fallbackLocale })
			.from(programme)
			.where(eq(programme.id, call.programmeId));
		const outboxId = await queueEmail(tx, {
			to: address,
			template: 'jury-invitation',
			locale,
			email: juryTemplates.invitation(locale, {
				url: `${origin}/jury/invitation/${token}`,
				call: localized(call.title, locale, call.fallbackLocale as Locale),
				programme: localized(programmeRow.name, locale, programmeRow.fallbackLocale as Locale),
				inviter: actor.name || actor.email,
				days: JURY_INVITATION_DAYS
			}),
			meta: { juryMemberId: member.id, callId }
		});
		return { memberId: member.id, outboxId, reinvited: Boolean(existing) };
	});
}
