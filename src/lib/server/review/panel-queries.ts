import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import {
	application,
	assignmentOverride,
	juryConflict,
	juryMember,
	organisation,
	review
} from '../db/schema';
import { jurorStatus } from './panel-rules';
import { ensureJurySettings } from './queries';

/** Applications a jury reviews: submitted, and not screened out. */
export function eligibleApplications(callId: string) {
	return and(
		eq(application.callId, callId),
		eq(application.status, 'submitted'),
		ne(application.screening, 'not_eligible')
	);
}

/** Panel members who accepted (and whose account still exists) and were not removed: the jurors. */
export function activeJurorsOf(callId: string) {
	return and(
		eq(juryMember.callId, callId),
		isNull(juryMember.removedAt),
		isNotNull(juryMember.acceptedAt),
		isNotNull(juryMember.userId)
	);
}

/** Reviews by members still on the panel count towards an application's k. */
const activeReviews = (applicationId: typeof application.id) => sql<number>`(
	SELECT count(*)::int FROM ${review} r JOIN ${juryMember} jm ON jm.id = r.jury_member_id
	WHERE r.application_id = ${applicationId} AND jm.removed_at IS NULL)`;

/** How many of a call's applications have fewer than k reviewers. */
export async function countUnderAssigned(ex: Executor, callId: string, k: number) {
	const [row] = await ex
		.select({ n: count() })
		.from(application)
		.where(and(eligibleApplications(callId), sql`${activeReviews(application.id)} < ${k}`));
	return row.n;
}

/** The panel as the manager's table shows it: everyone invited, with their load and progress. */
export async function listPanel(callId: string, now = new Date()) {
	const rows = await db()
		.select({
			id: juryMember.id,
			email: juryMember.email,
			name: juryMember.name,
			languages: juryMember.languages,
			tags: juryMember.tags,
			maxLoad: juryMember.maxLoad,
			invitedAt: juryMember.invitedAt,
			expiresAt: juryMember.expiresAt,
			acceptedAt: juryMember.acceptedAt,
			removedAt: juryMember.removedAt,
			lastRemindedAt: juryMember.lastRemindedAt,
			assigned: sql<number>`count(${review.id})::int`,
			started: sql<number>`(count(*) FILTER (WHERE ${review.status} = 'started'))::int`,
			submitted: sql<number>`(count(*) FILTER (WHERE ${review.status} = 'submitted'))::int`
		})
		.from(juryMember)
		.leftJoin(review, eq(review.juryMemberId, juryMember.id))
		.where(eq(juryMember.callId, callId))
		.groupBy(juryMember.id)
		.orderBy(asc(juryMember.name), asc(juryMember.email));
	return rows.map(({ expiresAt, acceptedAt, removedAt, ...row }) => ({
		...row,
		acceptedAt,
		removedAt,
		status: jurorStatus({ acceptedAt, removedAt, expiresAt }, now),
		expiresAt
	}));
}

export type PanelMember = Awaited<ReturnType<typeof listPanel>>[number];

export const ASSIGNMENT_PAGE_SIZE = 25;

/**
 * One page of the assignment table: applications by organisation name, each with its reviewers
 * (why they were chosen, pinned or started), its conflicts and the pairs a manager removed.
 * `missing` keeps only applications with fewer than k reviewers.
 */
export async function assignmentTable(
	callId: string,
	options: { page: number; k: number; missing: boolean; pageSize?: number }
) {
	const pageSize = options.pageSize ?? ASSIGNMENT_PAGE_SIZE;
	const where = and(
		eligibleApplications(callId),
		options.missing ? sql`${activeReviews(application.id)} < ${options.k}` : undefined
	);
	const [{ total }] = await db().select({ total: count() }).from(application).where(where);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, options.page), pages);
	const apps = await db()
		.select({
			id: application.id,
			organisationName: organisation.name,
			language: application.locale,
			impactAreas: organisation.impactAreas
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(where)
		.orderBy(asc(organisation.name), asc(application.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const ids = apps.map((a) => a.id);
	const [reviews, conflicts, overrides] = ids.length
		? await Promise.all([
				db()
					.select({
						applicationId: review.applicationId,
						memberId: review.juryMemberId,
						name: juryMember.name,
						email: juryMember.email,
						status: review.status,
						reasons: review.reasons,
						removedAt: juryMember.removedAt
					})
					.from(review)
					.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
					.where(inArray(review.applicationId, ids))
					.orderBy(asc(juryMember.name), asc(juryMember.email)),
				db()
					.select({
						applicationId: juryConflict.applicationId,
						memberId: juryConflict.juryMemberId,
						name: juryMember.name,
						email: juryMember.email,
						source: juryConflict.source
					})
					.from(juryConflict)
					.innerJoin(juryMember, eq(juryMember.id, juryConflict.juryMemberId))
					.where(and(inArray(juryConflict.applicationId, ids), isNull(juryMember.removedAt)))
					.orderBy(asc(juryMember.name)),
				db()
					.select({
						id: assignmentOverride.id,
						applicationId: assignmentOverride.applicationId,
						memberId: assignmentOverride.juryMemberId,
						name: juryMember.name,
						email: juryMember.email,
						kind: assignmentOverride.kind
					})
					.from(assignmentOverride)
					.innerJoin(juryMember, eq(juryMember.id, assignmentOverride.juryMemberId))
					.where(and(inArray(assignmentOverride.applicationId, ids), isNull(juryMember.removedAt)))
					.orderBy(asc(juryMember.name))
			])
		: [[], [], []];
	const rows = apps.map((a) => {
		const pins = new Map(
			overrides
				.filter((o) => o.applicationId === a.id && o.kind === 'pin')
				.map((o) => [o.memberId, o.id])
		);
		const reviewers = reviews
			.filter((r) => r.applicationId === a.id)
			.map((r) => ({
				memberId: r.memberId,
				name: r.name || r.email,
				status: r.status,
				sharedTags: r.reasons.sharedTags,
				language: r.reasons.language,
				pinOverrideId: pins.get(r.memberId) ?? null,
				removedFromPanel: r.removedAt !== null
			}));
		return {
			id: a.id,
			organisationName: a.organisationName,
			language: a.language,
			tags: a.impactAreas.map((n) => `sdg:${n}`),
			reviewers,
			missing: Math.max(0, options.k - reviewers.filter((r) => !r.removedFromPanel).length),
			conflicts: conflicts
				.filter((c) => c.applicationId === a.id)
				.map((c) => ({ memberId: c.memberId, name: c.name || c.email, source: c.source })),
			excluded: overrides
				.filter((o) => o.applicationId === a.id && o.kind === 'exclude')
				.map((o) => ({ overrideId: o.id, memberId: o.memberId, name: o.name || o.email }))
		};
	});
	return { rows, total, page, pages, pageSize };
}

/** The call's assignment at a glance: applications, reviews, and how many still lack reviewers. */
export async function assignmentSummary(callId: string, k: number) {
	const [[apps], [reviews], underAssigned] = await Promise.all([
		db().select({ n: count() }).from(application).where(eligibleApplications(callId)),
		db()
			.select({ n: count() })
			.from(review)
			.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
			.where(and(eq(review.callId, callId), isNull(juryMember.removedAt))),
		countUnderAssigned(db(), callId, k)
	]);
	return { applications: apps.n, reviews: reviews.n, underAssigned };
}

/** Accepted jurors still on the panel, for the "add a reviewer" choice. */
export async function activeJurors(callId: string) {
	return db()
		.select({
			id: juryMember.id,
			name: juryMember.name,
			email: juryMember.email,
			languages: juryMember.languages
		})
		.from(juryMember)
		.where(activeJurorsOf(callId))
		.orderBy(asc(juryMember.name), asc(juryMember.email));
}

/** A juror's own place on a call's panel (accepted, not removed), or null. */
export async function findOwnMembership(callId: string, userId: string) {
	const [row] = await db()
		.select({
			id: juryMember.id,
			email: juryMember.email,
			name: juryMember.name,
			languages: juryMember.languages,
			tags: juryMember.tags,
			maxLoad: juryMember.maxLoad
		})
		.from(juryMember)
		.where(
			and(
				eq(juryMember.callId, callId),
				eq(juryMember.userId, userId),
				isNull(juryMember.removedAt)
			)
		);
	return row ?? null;
}

/** A call's jury settings for its pages (created with the defaults on first sight). */
export async function jurySettingsOf(callId: string) {
	return ensureJurySettings(db(), callId);
}

/** How many of a call's applications lack reviewers, for the pages. */
export async function countUnderAssignedFor(callId: string, k: number) {
	return countUnderAssigned(db(), callId, k);
}

/** Organisation names of a call's applications, for messages that name them. */
export async function applicationNames(callId: string, ids: string[]) {
	if (ids.length === 0) return {};
	const rows = await db()
		.select({ id: application.id, name: organisation.name })
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(and(eq(application.callId, callId), inArray(application.id, ids)));
	return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Names of a call's panel members, for messages that name them. */
export async function jurorNames(callId: string, ids: string[]) {
	if (ids.length === 0) return {};
	const rows = await db()
		.select({ id: juryMember.id, name: juryMember.name, email: juryMember.email })
		.from(juryMember)
		.where(and(eq(juryMember.callId, callId), inArray(juryMember.id, ids)));
	return Object.fromEntries(rows.map((r) => [r.id, r.name || r.email]));
}
