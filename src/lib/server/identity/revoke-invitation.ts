import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { invitation } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { authorize } from './can';

export async function revokeInvitation({
	actor,
	organisationId,
	invitationId
}: {
	actor: Actor;
	organisationId: string;
	invitationId: string;
}) {
	authorize(actor, 'organisation.manage', { type: 'organisation', id: organisationId });
	await db().transaction(async (tx) => {
		const [revoked] = await tx
			.update(invitation)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitation.id, invitationId),
					// Scoped to the organisation the actor manages: a forged id from elsewhere matches nothing.
					eq(invitation.organisationId, organisationId),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt)
				)
			)
			.returning({ id: invitation.id });
		if (!revoked) throw new AppError('not_found');
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'invitation.revoked',
			entityType: 'invitation',
			entityId: invitationId,
			organisationId
		});
	});
}
