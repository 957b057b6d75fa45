import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/localized';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { invitation, membership, organisation, user } from '../db/schema';
import { AppError } from '../errors';
import { queueEmail } from '../notify/queue-email';
import { templates } from '../notify/templates';
import type { Actor } from './actor';
import { authorize } from './can';
import { hashToken, newToken } from './tokens';

export const INVITATION_DAYS = 7;

export interface InviteMemberOptions {
	actor: Actor;
	organisationId: string;
	email: string;
	role: 'manager' | 'member';
	origin: string;
	locale: Locale;
}

/**
 * Invites a person to an organisation: the invitation, its audit entry and its email are written
 * in one transaction. A second invitation to the same address replaces the open one.
 */
export async function inviteMember({
	actor,
	organisationId,
	email,
	role,
	origin,
	locale
}: InviteMemberOptions) {
	authorize(actor, 'organisation.manage', { type: 'organisation', id: organisationId });
	const address = email.trim().toLowerCase();
	const token = newToken();

	return db().transaction(async (tx) => {
		const [org] = await tx.select().from(organisation).where(eq(organisation.id, organisationId));
		if (!org) throw new AppError('not_found');

		const [already] = await tx
			.select({ id: membership.id })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(and(eq(membership.organisationId, organisationId), eq(user.email, address)));
		if (already) throw new AppError('conflict', 'already_member', { email: 'already_member' });

		await tx
			.update(invitation)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitation.organisationId, organisationId),
					eq(invitation.email, address),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt)
				)
			);
		const [created] = await tx
			.insert(invitation)
			.values({
				organisationId,
				email: address,
				role,
				tokenHash: hashToken(token),
				invitedBy: actor.userId,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000)
			})
			.returning({ id: invitation.id });

		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'invitation.created',
			entityType: 'invitation',
			entityId: created.id,
			organisationId,
			data: { email: address, role }
		});

		const outboxId = await queueEmail(tx, {
			to: address,
			template: 'invitation',
			locale,
			email: templates.invitation(locale, {
				url: `${origin}/invite/${token}`,
				organisation: org.name,
				inviter: actor.name || actor.email,
				role: role === 'manager' ? m.role_manager({}, { locale }) : m.role_member({}, { locale }),
				days: INVITATION_DAYS
			}),
			meta: { invitationId: created.id }
		});
		return { invitationId: created.id, outboxId };
	});
}
