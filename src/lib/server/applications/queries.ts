import { UUID } from '../errors';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '../db';
import { reusable, UNNAMED } from '../db/reusable';
import { application, applicationFile, call, organisation, programme } from '../db/schema';

export const TABLE_SORTS = [
	'submitted',
	'organisation',
	'country',
	'status',
	'eligibility',
	'screening'
] as const;

/** The manager's applications table: what the URL may ask for. Anything else falls back to defaults. */
export const tableQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	pageSize: z.coerce.number().int().min(10).max(200).catch(25),
	sort: z.enum(TABLE_SORTS).catch('submitted'),
	dir: z.enum(['asc', 'desc']).catch('desc'),
	status: z.enum(['', 'draft', 'submitted', 'withdrawn']).catch(''),
	eligibility: z.enum(['', 'eligible', 'not_eligible', 'needs_screening']).catch(''),
	screening: z.enum(['', 'pending', 'eligible', 'not_eligible']).catch(''),
	country: z
		.string()
		.regex(/^([A-Z]{2})?$/)
		.catch(''),
	q: z.string().trim().max(200).catch('')
});
export type TableQuery = z.infer<typeof tableQuerySchema>;

export function tableFilters(
	callId: string,
	query: Omit<TableQuery, 'page' | 'pageSize' | 'sort' | 'dir'>
): SQL {
	const conditions: SQL[] = [eq(application.callId, callId)];
	if (query.status) conditions.push(eq(application.status, query.status));
	else conditions.push(sql`${application.status} <> 'draft'`);
	if (query.eligibility) conditions.push(eq(application.eligibility, query.eligibility));
	if (query.screening) conditions.push(eq(application.screening, query.screening));
	if (query.country) conditions.push(eq(organisation.country, query.country));
	if (query.q) {
		conditions.push(
			or(
				sql`${application.search} @@ websearch_to_tsquery('simple', ${query.q})`,
				ilike(organisation.name, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
			) as SQL
		);
	}
	return and(...conditions) as SQL;
}

const sortColumns = {
	submitted: application.submittedAt,
	organisation: organisation.name,
	country: organisation.country,
	status: application.status,
	eligibility: application.eligibility,
	screening: application.screening
};

/** Whether the table's filters or order read the applicant organisation, not only the application. */
const readsOrganisation = (query: TableQuery) =>
	query.sort === 'organisation' ||
	query.sort === 'country' ||
	query.country !== '' ||
	query.q !== '';

export async function listApplicationsTable(callId: string, query: TableQuery) {
	const rows = readsOrganisation(query)
		? await pageJoined(callId, query)
		: await pageThenJoin(callId, query);
	return {
		rows: rows.map(({ total: _total, ...row }) => row),
		total: rows[0]?.total ?? (query.page > 1 ? await countApplications(callId, query) : 0)
	};
}

/** Filters or order on the organisation: every match is joined, counted and sorted at once. */
function pageJoined(callId: string, query: TableQuery) {
	const order = query.dir === 'asc' ? asc(sortColumns[query.sort]) : desc(sortColumns[query.sort]);
	return db()
		.select({
			id: application.id,
			organisationName: organisation.name,
			country: organisation.country,
			status: application.status,
			eligibility: application.eligibility,
			screening: application.screening,
			submittedAt: application.submittedAt,
			total: sql<number>`count(*) OVER ()::int`
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(tableFilters(callId, query))
		.orderBy(order, asc(application.id))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
}

/**
 * Filters and order on the application alone (the default view): the page is chosen and the
 * matches counted without the organisations, and only the page's rows are joined to theirs.
 * Joining all of a call's applications first cost several times more.
 */
function pageThenJoin(callId: string, query: TableQuery) {
	const where = tableFilters(callId, query);
	const column = sortColumns[query.sort as Exclude<TableQuery['sort'], 'organisation' | 'country'>];
	const page = db()
		.select({
			id: application.id,
			organisationId: application.organisationId,
			status: application.status,
			eligibility: application.eligibility,
			screening: application.screening,
			submittedAt: application.submittedAt,
			total: sql<number>`count(*) OVER ()::int`.as('total')
		})
		.from(application)
		.where(where)
		.orderBy(query.dir === 'asc' ? asc(column) : desc(column), asc(application.id))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.as('page');
	const pageColumn = {
		submitted: page.submittedAt,
		status: page.status,
		eligibility: page.eligibility,
		screening: page.screening
	}[query.sort as 'submitted' | 'status' | 'eligibility' | 'screening'];
	return db()
		.select({
			id: page.id,
			organisationName: organisation.name,
			country: organisation.country,
			status: page.status,
			eligibility: page.eligibility,
			screening: page.screening,
			submittedAt: page.submittedAt,
			total: page.total
		})
		.from(page)
		.innerJoin(organisation, eq(organisation.id, page.organisationId))
		.orderBy(query.dir === 'asc' ? asc(pageColumn) : desc(pageColumn), asc(page.id));
}

/** How many applications match the table's filters (for exports, bulk emails and the last page). */
export async function countApplications(
	callId: string,
	query: Omit<TableQuery, 'page' | 'pageSize' | 'sort' | 'dir'>,
	tx: Executor = db()
) {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(tableFilters(callId, query));
	return row.n;
}

/** Countries present among a call's applications, for the filter. */
const countriesOfCall = reusable((db) =>
	db
		.selectDistinct({ country: organisation.country })
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(eq(application.callId, sql.placeholder('callId')))
		.orderBy(asc(organisation.country))
		.prepare(UNNAMED)
);

export async function applicationCountries(callId: string) {
	const rows = await countriesOfCall().execute({ callId });
	return rows.map((r) => r.country);
}

export async function findApplication(id: string) {
	if (!UUID.test(id)) return null;
	const [row] = await db()
		.select({
			application,
			organisation: {
				id: organisation.id,
				name: organisation.name,
				country: organisation.country,
				legalForm: organisation.legalForm,
				foundedYear: organisation.foundedYear,
				employees: organisation.employees,
				website: organisation.website,
				organisationNumber: organisation.organisationNumber,
				impactAreas: organisation.impactAreas
			},
			call: {
				id: call.id,
				slug: call.slug,
				title: call.title,
				form: call.form,
				fallbackLocale: call.fallbackLocale,
				timeZone: call.timeZone,
				opensAt: call.opensAt,
				closesAt: call.closesAt,
				status: call.status,
				editAfterSubmit: call.editAfterSubmit,
				organisationId: call.organisationId,
				programmeId: call.programmeId
			},
			programmeOrganisationId: programme.organisationId
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.innerJoin(call, eq(call.id, application.callId))
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(eq(application.id, id));
	return row ?? null;
}

export function applicationResource(row: NonNullable<Awaited<ReturnType<typeof findApplication>>>) {
	return {
		type: 'application' as const,
		organisationId: row.application.organisationId,
		call: {
			organisationId: row.call.organisationId,
			programmeOrganisationId: row.programmeOrganisationId,
			programmeId: row.call.programmeId
		}
	};
}

export async function listFiles(applicationId: string) {
	return db()
		.select({
			id: applicationFile.id,
			questionId: applicationFile.questionId,
			fileName: applicationFile.fileName,
			sizeBytes: applicationFile.sizeBytes,
			contentType: applicationFile.contentType
		})
		.from(applicationFile)
		.where(eq(applicationFile.applicationId, applicationId));
}

/** The enterprise's own applications, newest first. */
export async function listApplicationsOfOrganisations(organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	return db()
		.select({
			id: application.id,
			status: application.status,
			submittedAt: application.submittedAt,
			updatedAt: application.updatedAt,
			screening: application.screening,
			screeningReason: application.screeningReason,
			organisationName: organisation.name,
			callTitle: call.title,
			callSlug: call.slug,
			callFallbackLocale: call.fallbackLocale,
			callClosesAt: call.closesAt,
			callTimeZone: call.timeZone,
			callStatus: call.status
		})
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.innerJoin(call, eq(call.id, application.callId))
		.where(inArray(application.organisationId, organisationIds))
		.orderBy(desc(application.updatedAt));
}

/** For a programme's lead: applications of every call in the programme, by partner, country and status. */
export async function programmeApplicationSummary(programmeId: string) {
	return db()
		.select({
			partner: sql<string>`runner.name`,
			country: organisation.country,
			status: application.status,
			count: sql<number>`count(*)::int`
		})
		.from(application)
		.innerJoin(call, eq(call.id, application.callId))
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.innerJoin(sql`organisation AS runner`, sql`runner.id = ${call.organisationId}`)
		.where(and(eq(call.programmeId, programmeId), sql`${application.status} <> 'draft'`))
		.groupBy(sql`runner.name`, organisation.country, application.status)
		.orderBy(sql`runner.name`, organisation.country);
}
