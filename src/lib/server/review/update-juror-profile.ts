import { eq } from 'drizzle-orm';
import type { JurorProfileInput } from '$lib/schemas/jury';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call, juryMember, programme } from '../db/schema';
import { callResource } from '../calls/queries';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { can } from '../identity/can';

/**
 * Saves what a juror reads and knows about (languages, impact areas, free tags) and how many
 * reviews they take. The call's managers edit it on the panel; jurors edit their own. Anyone else
 * — another juror, a forged id — is told it does not exist.
 */
export async function updateJurorProfile({
	actor,
	memberId,
	callId,
	profile
}: {
	actor: Actor;
	memberId: string;
	/** When given (the manager's page), the member must be on this call's panel. */
	callId?: string;
	profile: JurorProfileInput;
}) {
	if (!UUID.test(memberId)) throw new AppError('not_found');
	return db().transaction(async (tx) => {
		const [row] = await tx
			.select({
				member: juryMember,
				organisationId: call.organisationId,
				programmeId: call.programmeId,
				programmeOrganisationId: programme.organisationId
			})
			.from(juryMember)
			.innerJoin(call, eq(call.id, juryMember.callId))
			.innerJoin(programme, eq(programme.id, call.programmeId))
			.where(eq(juryMember.id, memberId))
			.for('update', { of: juryMember });
		if (!row || (callId !== undefined && row.member.callId !== callId))
			throw new AppError('not_found');
		const own = row.member.userId === actor.userId && !row.member.removedAt;
		const manages = can(actor, 'jury.manage', callResource(row));
		if (!own && !manages) throw new AppError('not_found');
		if (row.member.removedAt)
			throw new AppError('conflict', 'juror_removed', { _form: 'juror_removed' });

		await tx
			.update(juryMember)
			.set({ languages: profile.languages, tags: profile.tags, maxLoad: profile.maxLoad })
			.where(eq(juryMember.id, memberId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'jury.juror_profile_updated',
			entityType: 'jury_member',
			entityId: memberId,
			organisationId: row.organisationId,
			data: { ...profile, by: own ? 'juror' : 'manager' }
		});
		return { memberId };
	});
}
