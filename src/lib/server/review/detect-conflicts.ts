import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { application, juryConflict, juryMember, membership, user } from '../db/schema';
import { eligibleApplications } from './panel-queries';
import { organisationDomain } from './rules';

/**
 * Records the conflicts of interest the data shows, before each assignment: a juror who is a member
 * of the applicant's organisation, or whose address shares its domain with a member's (free-mail
 * domains never count). Safe to run again: a pair already recorded, for whatever reason, stays as
 * it is. Returns how many new conflicts it found.
 */
export async function detectConflicts(tx: Executor, callId: string): Promise<number> {
	const members = await tx
		.select({ id: juryMember.id, email: juryMember.email, userId: juryMember.userId })
		.from(juryMember)
		.where(and(eq(juryMember.callId, callId), isNull(juryMember.removedAt)));
	if (members.length === 0) return 0;

	const people = await tx
		.select({
			applicationId: application.id,
			userId: membership.userId,
			email: user.email
		})
		.from(application)
		.innerJoin(membership, eq(membership.organisationId, application.organisationId))
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eligibleApplications(callId));

	const found = new Map<string, typeof juryConflict.$inferInsert>();
	for (const member of members) {
		const domain = organisationDomain(member.email);
		for (const person of people) {
			const pair = `${member.id} ${person.applicationId}`;
			if (found.get(pair)?.source === 'organisation_member') continue;
			if (member.userId && member.userId === person.userId) {
				found.set(pair, {
					callId,
					juryMemberId: member.id,
					applicationId: person.applicationId,
					source: 'organisation_member'
				});
			} else if (domain && !found.has(pair) && organisationDomain(person.email) === domain) {
				found.set(pair, {
					callId,
					juryMemberId: member.id,
					applicationId: person.applicationId,
					source: 'email_domain',
					reason: domain
				});
			}
		}
	}
	if (found.size === 0) return 0;
	const inserted = await tx
		.insert(juryConflict)
		.values([...found.values()])
		.onConflictDoNothing({ target: [juryConflict.juryMemberId, juryConflict.applicationId] })
		.returning({ id: juryConflict.id });
	return inserted.length;
}
