import { and, asc, count, eq, isNull, gt, sql } from 'drizzle-orm';
import { db } from '../db';
import { invitation, membership, organisation, session, user } from '../db/schema';
import { reusable } from '../db/reusable';
import type { Actor, Membership, ProgrammeRole } from './actor';

/**
 * Everything `can()` needs about a person, in one round trip: the user row with their memberships
 * (by organisation name) and programme roles gathered as JSON by the database.
 */
const actorFields = {
	userId: user.id,
	email: user.email,
	name: user.name,
	platformAdmin: user.platformAdmin,
	locale: user.locale,
	activeOrganisationId: user.activeOrganisationId,
	// Plain SQL: inside a subquery Drizzle would not qualify these column names.
	memberships: sql<Membership[]>`coalesce((
		SELECT json_agg(json_build_object(
			'organisationId', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'role', m.role
		) ORDER BY o.name, o.id)
		FROM membership m INNER JOIN organisation o ON o.id = m.organisation_id
		WHERE m.user_id = "user".id
	), '[]'::json)`,
	programmeRoles: sql<ProgrammeRole[]>`coalesce((
		SELECT json_agg(json_build_object(
			'programmeId', r.programme_id, 'organisationId', p.organisation_id, 'role', r.role
		) ORDER BY r.programme_id, r.role)
		FROM programme_role r INNER JOIN programme p ON p.id = r.programme_id
		WHERE r.user_id = "user".id
	), '[]'::json)`
};

type ActorRow = Omit<Actor, 'activeOrganisationId'> & { activeOrganisationId: string | null };

/** The active organisation is one the person still belongs to, else their first. */
function toActor(row: ActorRow): Actor {
	const active = row.memberships.some((m) => m.organisationId === row.activeOrganisationId)
		? row.activeOrganisationId
		: (row.memberships[0]?.organisationId ?? null);
	return { ...row, activeOrganisationId: active };
}

const actorById = reusable('actor_by_id', (db, name) =>
	db
		.select(actorFields)
		.from(user)
		.where(eq(user.id, sql.placeholder('userId')))
		.prepare(name)
);

export async function loadActor(userId: string): Promise<Actor | null> {
	const [row] = await actorById().execute({ userId });
	return row ? toActor(row) : null;
}

const sessionActorByToken = reusable('session_actor_by_token', (db, name) =>
	db
		.select({
			session: {
				id: session.id,
				token: session.token,
				userId: session.userId,
				expiresAt: session.expiresAt,
				createdAt: session.createdAt,
				updatedAt: session.updatedAt,
				ipAddress: session.ipAddress,
				userAgent: session.userAgent
			},
			actor: actorFields
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.token, sql.placeholder('token')))
		.prepare(name)
);

/**
 * A request's session (by its token) and its person, in one round trip. The caller decides
 * whether the session is still current (expiry, refresh): see `identity/request-actor.ts`.
 */
export async function loadSessionActor(token: string) {
	const [row] = await sessionActorByToken().execute({ token });
	return row ? { session: row.session, actor: toActor(row.actor) } : null;
}

const organisationBySlug = reusable('organisation_by_slug', (db, name) =>
	db
		.select({
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			kind: organisation.kind,
			country: organisation.country,
			timeZone: organisation.timeZone
		})
		.from(organisation)
		.where(eq(organisation.slug, sql.placeholder('slug')))
		.prepare(name)
);

export async function findOrganisationBySlug(slug: string) {
	const [row] = await organisationBySlug().execute({ slug });
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
