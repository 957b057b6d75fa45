import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { invitation, membership, organisation, user } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { hashToken } from './tokens';

/** What the invitation page shows before the person accepts. */
export async function findInvitation(token: string) {
	const [row] = await db()
		.select({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			expiresAt: invitation.expiresAt,
			acceptedAt: invitation.acceptedAt,
			revokedAt: invitation.revokedAt,
			organisationName: organisation.name,
			organisationSlug: organisation.slug
		})
		.from(invitation)
		.innerJoin(organisation, eq(organisation.id, invitation.organisationId))
		.where(eq(invitation.tokenHash, hashToken(token)));
	if (!row) return null;
	const usable = !row.acceptedAt && !row.revokedAt && row.expiresAt > new Date();
	return { ...row, usable };
}

/**
 * Turns an invitation into a membership for the signed-in person whose email it was sent to, and
 * makes that organisation their active one. Accepting twice is harmless.
 */
export async function acceptInvitation({ actor, token }: { actor: Actor; token: string }) {
	return db().transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(invitation)
			.where(eq(invitation.tokenHash, hashToken(token)))
			.for('update');
		if (!row || row.revokedAt || row.expiresAt <= new Date())
			throw new AppError('invitation_invalid');
		if (row.email !== actor.email.toLowerCase()) throw new AppError('invitation_wrong_email');
		const [org] = await tx
			.select({ slug: organisation.slug, kind: organisation.kind })
			.from(organisation)
			.where(eq(organisation.id, row.organisationId));

		if (!row.acceptedAt) {
			await tx
				.insert(membership)
				.values({ organisationId: row.organisationId, userId: actor.userId, role: row.role })
				.onConflictDoNothing();
			await tx
				.update(invitation)
				.set({ acceptedAt: new Date() })
				.where(and(eq(invitation.id, row.id), isNull(invitation.acceptedAt)));
			await recordAudit(tx, {
				actorUserId: actor.userId,
				action: 'invitation.accepted',
				entityType: 'invitation',
				entityId: row.id,
				organisationId: row.organisationId,
				data: { role: row.role }
			});
		}
		await tx
			.update(user)
			.set({ activeOrganisationId: row.organisationId })
			.where(eq(user.id, actor.userId));
		return { organisationSlug: org.slug, kind: org.kind, role: row.role };
	});
}
