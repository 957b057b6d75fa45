import { createHash } from 'node:crypto';
import { UUID } from '../errors';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, statementName, type Executor } from '../db';
import { reusable } from '../db/reusable';
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

type TableFilters = Omit<TableQuery, 'page' | 'pageSize' | 'sort' | 'dir'>;

/** The table's filters, the call apart. */
function filterConditions(query: TableFilters): SQL[] {
	const conditions: SQL[] = [];
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
	return conditions;
}

export function tableFilters(callId: string, query: TableFilters): SQL {
	return and(eq(application.callId, callId), ...filterConditions(query)) as SQL;
}

const sortColumns = {
	submitted: application.submittedAt,
	organisation: organisation.name,
	country: organisation.country,
	status: application.status,
	eligibility: application.eligibility,
	screening: application.screening
};

/**
 * The manager's applications table: a page of rows, how many match, and the countries of all
 * the call's applicants (for the filter), in two queries run side by side. PostgreSQL's costly
 * part is joining every application of the call to its organisation (5,000 of them: ~3 ms);
 * each shape does that once.
 */
/**
 * Runs a table query as a named prepared statement, named after its SQL text (a shape of filters,
 * sort and page; the values are parameters), so PostgreSQL parses and plans each shape once per
 * connection (see `statementName`). The text decides the name: two shapes can never share one.
 */
function runPrepared<Row>(query: {
	toSQL(): { sql: string };
	prepare(name: string): { execute(): Promise<Row> };
}): Promise<Row> {
	const text = query.toSQL().sql;
	const name = `applications_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
	return query.prepare(statementName(db(), name)).execute();
}

export async function listApplicationsTable(callId: string, query: TableQuery) {
	if (query.sort === 'organisation' || query.sort === 'country') {
		// Every match is joined and sorted anyway: the page counts them as it goes.
		const [rows, countries] = await Promise.all([
			runPrepared(
				db()
					.select({ ...tableColumns, total: sql<number>`count(*) OVER ()::int` })
					.from(application)
					.innerJoin(organisation, eq(organisation.id, application.organisationId))
					.where(tableFilters(callId, query))
					.orderBy(...orderOf(query))
					.limit(query.pageSize)
					.offset((query.page - 1) * query.pageSize)
			),
			applicationCountries(callId)
		]);
		return {
			rows: rows.map(({ total: _total, ...row }) => row),
			// Past the last page no row carries the count.
			total: rows[0]?.total ?? (query.page > 1 ? await countApplications(callId, query) : 0),
			countries
		};
	}
	// The page needs no join of all matches (index order, or a sort of the applications alone);
	// one pass over the joined applications counts the matches and collects the countries.
	const [rows, summary] = await Promise.all([
		query.sort === 'submitted' || query.country || query.q
			? runPrepared(pageJoined(callId, query))
			: runPrepared(pageThenJoin(callId, query)),
		runPrepared(
			db()
				.select({
					country: organisation.country,
					matching: sql<number>`(count(*) FILTER (WHERE ${and(...filterConditions(query))}))::int`
				})
				.from(application)
				.innerJoin(organisation, eq(organisation.id, application.organisationId))
				.where(eq(application.callId, callId))
				.groupBy(organisation.country)
				.orderBy(asc(organisation.country))
		)
	]);
	return {
		rows,
		total: summary.reduce((sum, { matching }) => sum + matching, 0),
		countries: summary.map(({ country }) => country)
	};
}

function orderOf(query: TableQuery) {
	const column = sortColumns[query.sort];
	return [query.dir === 'asc' ? asc(column) : desc(column), asc(application.id)];
}

const tableColumns = {
	id: application.id,
	organisationName: organisation.name,
	country: organisation.country,
	status: application.status,
	eligibility: application.eligibility,
	screening: application.screening,
	submittedAt: application.submittedAt
};

/**
 * Latest first, PostgreSQL walks `application_call_submitted_idx`, joining row by row, and stops
 * at the end of the page; in another order (with a filter on the organisation) it joins every
 * match and sorts.
 */
function pageJoined(callId: string, query: TableQuery) {
	return db()
		.select(tableColumns)
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(tableFilters(callId, query))
		.orderBy(...orderOf(query))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
}

/**
 * Ordered by status, eligibility or screening (no index), with no filter on the organisation:
 * the page is sorted out of the applications alone, and only its rows are joined.
 */
function pageThenJoin(callId: string, query: TableQuery) {
	const page = db()
		.select({
			id: application.id,
			organisationId: application.organisationId,
			status: application.status,
			eligibility: application.eligibility,
			screening: application.screening,
			submittedAt: application.submittedAt
		})
		.from(application)
		.where(tableFilters(callId, query))
		.orderBy(...orderOf(query))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.as('page');
	const column = {
		status: page.status,
		eligibility: page.eligibility,
		screening: page.screening
	}[query.sort as 'status' | 'eligibility' | 'screening'];
	return db()
		.select({
			id: page.id,
			organisationName: organisation.name,
			country: organisation.country,
			status: page.status,
			eligibility: page.eligibility,
			screening: page.screening,
			submittedAt: page.submittedAt
		})
		.from(page)
		.innerJoin(organisation, eq(organisation.id, page.organisationId))
		.orderBy(query.dir === 'asc' ? asc(column) : desc(column), asc(page.id));
}

/** Countries present among a call's applications, drafts included. */
const countriesOfCall = reusable('countries_of_call', (db, name) =>
	db
		.selectDistinct({ country: organisation.country })
		.from(application)
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(eq(application.callId, sql.placeholder('callId')))
		.orderBy(asc(organisation.country))
		.prepare(name)
);

async function applicationCountries(callId: string) {
	const rows = await countriesOfCall().execute({ callId });
	return rows.map((r) => r.country);
}

/** How many applications match the table's filters (for exports and bulk emails). */
export async function countApplications(
	callId: string,
	filters: TableFilters,
	tx: Executor = db()
) {
	const count = tx
		.select({ n: sql<number>`count(*)::int` })
		.from(application)
		.$dynamic();
	// Each application has one organisation: it is joined only when a filter reads it.
	const [row] = await (
		filters.country || filters.q
			? count.innerJoin(organisation, eq(organisation.id, application.organisationId))
			: count
	).where(tableFilters(callId, filters));
	return row.n;
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
