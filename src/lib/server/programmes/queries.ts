import { asc, eq, inArray, or } from 'drizzle-orm';
import { db } from '../db';
import { organisation, programme, programmePartner, programmeTarget } from '../db/schema';

const programmeFields = {
	id: programme.id,
	slug: programme.slug,
	name: programme.name,
	summary: programme.summary,
	funder: programme.funder,
	startsOn: programme.startsOn,
	endsOn: programme.endsOn,
	budgetMinor: programme.budgetMinor,
	currency: programme.currency,
	fallbackLocale: programme.fallbackLocale,
	organisationId: programme.organisationId,
	leadName: organisation.name
};

async function withTargets<T extends { id: string }>(rows: T[]) {
	if (rows.length === 0) return [];
	const targets = await db()
		.select({
			programmeId: programmeTarget.programmeId,
			indicator: programmeTarget.indicator,
			label: programmeTarget.label,
			target: programmeTarget.target
		})
		.from(programmeTarget)
		.where(
			inArray(
				programmeTarget.programmeId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(programmeTarget.position));
	return rows.map((row) => ({ ...row, targets: targets.filter((t) => t.programmeId === row.id) }));
}

/** Programmes are public information (name, funder, period, budget, targets). */
export async function listPublicProgrammes() {
	const rows = await db()
		.select(programmeFields)
		.from(programme)
		.innerJoin(organisation, eq(organisation.id, programme.organisationId))
		.orderBy(asc(programme.startsOn));
	return withTargets(rows);
}

/** Programmes an organisation leads or is a consortium partner in. */
export async function listProgrammesOfOrganisation(organisationId: string) {
	const partnerOf = db()
		.select({ id: programmePartner.programmeId })
		.from(programmePartner)
		.where(eq(programmePartner.organisationId, organisationId));
	const rows = await db()
		.select(programmeFields)
		.from(programme)
		.innerJoin(organisation, eq(organisation.id, programme.organisationId))
		.where(or(eq(programme.organisationId, organisationId), inArray(programme.id, partnerOf)))
		.orderBy(asc(programme.startsOn));
	return withTargets(rows);
}

export async function listProgrammesByIds(ids: string[]) {
	if (ids.length === 0) return [];
	return db()
		.select({
			id: programme.id,
			slug: programme.slug,
			name: programme.name,
			fallbackLocale: programme.fallbackLocale,
			leadName: organisation.name
		})
		.from(programme)
		.innerJoin(organisation, eq(organisation.id, programme.organisationId))
		.where(inArray(programme.id, ids))
		.orderBy(asc(programme.startsOn));
}

/** Clusters that may be named as consortium partners. */
export async function listClusters() {
	return db()
		.select({ id: organisation.id, name: organisation.name, country: organisation.country })
		.from(organisation)
		.where(eq(organisation.kind, 'cluster'))
		.orderBy(asc(organisation.name));
}

export async function findProgrammeBySlug(slug: string) {
	const [row] = await db()
		.select(programmeFields)
		.from(programme)
		.innerJoin(organisation, eq(organisation.id, programme.organisationId))
		.where(eq(programme.slug, slug));
	if (!row) return null;
	const [withTargets_] = await withTargets([row]);
	const partners = await db()
		.select({ id: organisation.id, name: organisation.name, country: organisation.country })
		.from(programmePartner)
		.innerJoin(organisation, eq(organisation.id, programmePartner.organisationId))
		.where(eq(programmePartner.programmeId, row.id))
		.orderBy(asc(organisation.name));
	return { ...withTargets_, partners };
}
