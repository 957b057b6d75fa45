import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db } from '../db';
import { reusable } from '../db/reusable';
import { call, callCriterion, organisation, programme, programmePartner } from '../db/schema';

const callFields = {
	id: call.id,
	slug: call.slug,
	programmeId: call.programmeId,
	organisationId: call.organisationId,
	title: call.title,
	summary: call.summary,
	description: call.description,
	eligibilityText: call.eligibilityText,
	fallbackLocale: call.fallbackLocale,
	timeZone: call.timeZone,
	opensAt: call.opensAt,
	closesAt: call.closesAt,
	editAfterSubmit: call.editAfterSubmit,
	maxApplicationsPerEnterprise: call.maxApplicationsPerEnterprise,
	status: call.status,
	form: call.form,
	eligibilityRules: call.eligibilityRules,
	version: call.version,
	programmeOrganisationId: programme.organisationId,
	programmeName: programme.name,
	organisationName: organisation.name,
	organisationSlug: organisation.slug
};

export type CallRow = Awaited<ReturnType<typeof findCall>> & {};

const callById = reusable('call_by_id', (db, name) =>
	db
		.select(callFields)
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.innerJoin(organisation, eq(organisation.id, call.organisationId))
		.where(eq(call.id, sql.placeholder('id')))
		.prepare(name)
);

export async function findCall(id: string) {
	const [row] = await callById().execute({ id });
	return row ?? null;
}

export async function findCallBySlug(slug: string) {
	const [row] = await db()
		.select(callFields)
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.innerJoin(organisation, eq(organisation.id, call.organisationId))
		.where(eq(call.slug, slug));
	return row ?? null;
}

/** The `can()` resource of a call. */
export function callResource(row: {
	organisationId: string;
	programmeOrganisationId: string;
	programmeId: string;
}) {
	return {
		type: 'call' as const,
		organisationId: row.organisationId,
		programmeOrganisationId: row.programmeOrganisationId,
		programmeId: row.programmeId
	};
}

/** Calls visible to the public: every call that is not a draft. */
export async function listPublicCalls() {
	return db()
		.select({
			id: call.id,
			slug: call.slug,
			title: call.title,
			summary: call.summary,
			fallbackLocale: call.fallbackLocale,
			timeZone: call.timeZone,
			opensAt: call.opensAt,
			closesAt: call.closesAt,
			status: call.status,
			programmeName: programme.name,
			organisationName: organisation.name,
			country: organisation.country
		})
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.innerJoin(organisation, eq(organisation.id, call.organisationId))
		.where(sql`${call.status} <> 'draft'`)
		.orderBy(asc(call.closesAt));
}

/** Calls an organisation runs, and — for a programme lead — every partner's calls in its programmes. */
export async function listCallsForOrganisation(organisationId: string) {
	const ledProgrammes = db()
		.select({ id: programme.id })
		.from(programme)
		.where(eq(programme.organisationId, organisationId));
	return db()
		.select({
			id: call.id,
			slug: call.slug,
			title: call.title,
			fallbackLocale: call.fallbackLocale,
			timeZone: call.timeZone,
			opensAt: call.opensAt,
			closesAt: call.closesAt,
			status: call.status,
			programmeId: call.programmeId,
			programmeName: programme.name,
			organisationId: call.organisationId,
			organisationName: organisation.name,
			country: organisation.country,
			applications: sql<number>`(SELECT count(*)::int FROM application a WHERE a.call_id = ${call.id} AND a.status = 'submitted')`
		})
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.innerJoin(organisation, eq(organisation.id, call.organisationId))
		.where(or(eq(call.organisationId, organisationId), inArray(call.programmeId, ledProgrammes)))
		.orderBy(desc(call.opensAt));
}

export async function listCriteria(callId: string) {
	return db()
		.select({
			id: callCriterion.id,
			name: callCriterion.name,
			rubric: callCriterion.rubric,
			weight: callCriterion.weight,
			scaleMin: callCriterion.scaleMin,
			scaleMax: callCriterion.scaleMax,
			anchors: callCriterion.anchors,
			position: callCriterion.position
		})
		.from(callCriterion)
		.where(eq(callCriterion.callId, callId))
		.orderBy(asc(callCriterion.position));
}

/** Programmes in which an organisation may open calls (as lead or partner), with their partners. */
export async function listProgrammesForCalls(organisationId: string) {
	const partnerOf = db()
		.select({ id: programmePartner.programmeId })
		.from(programmePartner)
		.where(eq(programmePartner.organisationId, organisationId));
	return db()
		.select({
			id: programme.id,
			name: programme.name,
			fallbackLocale: programme.fallbackLocale,
			organisationId: programme.organisationId
		})
		.from(programme)
		.where(or(eq(programme.organisationId, organisationId), inArray(programme.id, partnerOf)))
		.orderBy(asc(programme.startsOn));
}

export async function programmeResource(programmeId: string) {
	const [row] = await db()
		.select({ id: programme.id, organisationId: programme.organisationId })
		.from(programme)
		.where(eq(programme.id, programmeId));
	if (!row) return null;
	const partners = await db()
		.select({ id: programmePartner.organisationId })
		.from(programmePartner)
		.where(and(eq(programmePartner.programmeId, programmeId)));
	return {
		type: 'programme' as const,
		id: row.id,
		organisationId: row.organisationId,
		partnerIds: partners.map((p) => p.id)
	};
}
