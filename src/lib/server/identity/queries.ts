import { and, asc, count, eq, isNull, gt } from 'drizzle-orm';
import { db } from '../db';
import { invitation, membership, organisation, programme, programmeRole, user } from '../db/schema';
import type { Actor } from './actor';

/** Everything `can()` needs about a signed-in person: two small queries per request. */
export async function loadActor(userId: string): Promise<Actor | null> {
	const [person] = await db()
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			platformAdmin: user.platformAdmin,
			locale: user.locale,
			activeOrganisationId: user.activeOrganisationId
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!person) return null;
	const [memberships, programmeRoles] = await Promise.all([
		db()
			.select({
				organisationId: membership.organisationId,
				slug: organisation.slug,
				name: organisation.name,
				kind: organisation.kind,
				role: membership.role
			})
			.from(membership)
			.innerJoin(organisation, eq(organisation.id, membership.organisationId))
			.where(eq(membership.userId, userId))
			.orderBy(asc(organisation.name)),
		db()
			.select({
				programmeId: programmeRole.programmeId,
				organisationId: programme.organisationId,
				role: programmeRole.role
			})
			.from(programmeRole)
			.innerJoin(programme, eq(programme.id, programmeRole.programmeId))
			.where(eq(programmeRole.userId, userId))
	]);
	const active = memberships.some((m) => m.organisationId === person.activeOrganisationId)
		? person.activeOrganisationId
		: (memberships[0]?.organisationId ?? null);
	return {
		userId: person.id,
		email: person.email,
		name: person.name,
		platformAdmin: person.platformAdmin,
		locale: person.locale,
		activeOrganisationId: active,
		memberships,
		programmeRoles
	};
}

export async function findOrganisationBySlug(slug: string) {
	const [row] = await db()
		.select({
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			kind: organisation.kind,
			country: organisation.country,
			timeZone: organisation.timeZone
		})
		.from(organisation)
		.where(eq(organisation.slug, slug));
	return row ?? null;
}

export async function listMembers(organisationId: string) {
	return db()
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			role: membership.role,
			since: membership.createdAt
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.organisationId, organisationId))
		.orderBy(asc(user.name));
}

export async function listOpenInvitations(organisationId: string) {
	return db()
		.select({
			id: invitation.id,
			email: invitation.email,
			role: invitation.role,
			expiresAt: invitation.expiresAt,
			createdAt: invitation.createdAt
		})
		.from(invitation)
		.where(
			and(
				eq(invitation.organisationId, organisationId),
				isNull(invitation.acceptedAt),
				isNull(invitation.revokedAt),
				gt(invitation.expiresAt, new Date())
			)
		)
		.orderBy(asc(invitation.createdAt));
}

/** Platform admin only (the caller checks `admin.access`): every organisation with its size. */
export async function unsafeListAllOrganisations() {
	return db()
		.select({
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			kind: organisation.kind,
			country: organisation.country,
			members: count(membership.id)
		})
		.from(organisation)
		.leftJoin(membership, eq(membership.organisationId, organisation.id))
		.groupBy(organisation.id)
		.orderBy(asc(organisation.name));
}

/** Platform admin only (the caller checks `admin.access`). */
export async function unsafeListUsers(limit = 200) {
	return db()
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			platformAdmin: user.platformAdmin,
			createdAt: user.createdAt
		})
		.from(user)
		.orderBy(asc(user.email))
		.limit(limit);
}
