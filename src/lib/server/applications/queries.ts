import { UUID } from '../errors';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Database, type Executor } from '../db';
import { reusable } from '../db/reusable';
import {
	application,
	applicationFile,
	applicationSearch,
	call,
	organisation,
	programme
} from '../db/schema';

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
	q: z.string().trim().max(200).catch(''),
	/** `all`: count every match of a search, however many (see `SEARCH_COUNT_LIMIT`). */
	count: z.enum(['', 'all']).catch('')
});
export type TableQuery = z.infer<typeof tableQuerySchema>;

/** What the table lets through, as exports and bulk emails take it. */
export type TableFilters = Omit<TableQuery, 'page' | 'pageSize' | 'sort' | 'dir' | 'count'>;

/**
 * A search counts its matches up to this many, then tells the manager "more than" (as search
 * engines do) unless she asks for them all: counting every application a broad word matches read
 * all of them (~2 ms of PostgreSQL per 5,000), against ~0.8 ms to find that there are more than
 * 1,000. Filters without a search are always counted exactly, from an index.
 */
export const SEARCH_COUNT_LIMIT = 1000;

type Filter = 'status' | 'eligibility' | 'screening' | 'country' | 'q';
const FILTERS: readonly Filter[] = ['status', 'eligibility', 'screening', 'country', 'q'];

/** `LIKE` pattern for a substring, `%`, `_` and `\\` taken literally. */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** The table's columns, as `table` names them. */
function columnsOf(
	table: typeof application | typeof applicationSearch,
	id: typeof application.id | typeof applicationSearch.applicationId
) {
	return {
		id,
		callId: table.callId,
		organisationName: table.organisationName,
		country: table.organisationCountry,
		status: table.status,
		eligibility: table.eligibility,
		screening: table.screening,
		submittedAt: table.submittedAt
	};
}
/**
 * Where the table reads its rows: the application itself, or its narrow search copy (the words of
 * its answers and the table's columns, kept by the database), which every search reads.
 */
const sources = {
	application: { table: application, columns: columnsOf(application, application.id) },
	search: {
		table: applicationSearch,
		columns: columnsOf(applicationSearch, applicationSearch.applicationId)
	}
};
type Columns = (typeof sources)[keyof typeof sources]['columns'];

/**
 * A search: the words of the answers (`websearch` syntax) or part of the organisation's name. The
 * words are parsed (and the name put in lower case) once, in a sub-select: a statement prepared for
 * any words would otherwise parse them again for every application it reads (~13 ms per 5,000).
 */
const matching = (q: unknown, pattern: unknown) =>
	sql`(${applicationSearch.terms} @@ (select websearch_to_tsquery('simple', ${q})) or ${applicationSearch.organisationNameFolded} like (select lower(${pattern})))`;

/**
 * The table's filters but the search, the call apart, on `columns`. `value` gives what each filter
 * compares with: the query's own value, or a placeholder for a statement built once.
 */
function filterConditions(
	query: TableFilters,
	columns: Columns,
	value: (filter: Filter) => unknown = (filter) => query[filter]
): SQL[] {
	const conditions: SQL[] = [];
	if (query.status) conditions.push(sql`${columns.status} = ${value('status')}`);
	else conditions.push(sql`${columns.status} <> 'draft'`);
	if (query.eligibility) conditions.push(sql`${columns.eligibility} = ${value('eligibility')}`);
	if (query.screening) conditions.push(sql`${columns.screening} = ${value('screening')}`);
	if (query.country) conditions.push(sql`${columns.country} = ${value('country')}`);
	return conditions;
}

/** The applications of a call that the table's filters and search let through (exports, bulk emails). */
export function tableFilters(callId: string, query: TableFilters): SQL {
	const conditions = filterConditions(query, sources.application.columns);
	if (query.q) {
		conditions.push(
			inArray(
				application.id,
				db()
					.select({ id: applicationSearch.applicationId })
					.from(applicationSearch)
					.where(and(eq(applicationSearch.callId, callId), matching(query.q, containing(query.q))))
			)
		);
	}
	return and(eq(application.callId, callId), ...conditions) as SQL;
}

const sortKeys = {
	submitted: 'submittedAt',
	organisation: 'organisationName',
	country: 'country',
	status: 'status',
	eligibility: 'eligibility',
	screening: 'screening'
} as const;

const placeholder = (filter: Filter | 'pattern') => sql.placeholder(filter);

/**
 * The table's two statements for one shape (which filters are set, the order), built by Drizzle
 * once and prepared under a name of their shape (`reusable`); the values go in as parameters.
 * Neither joins the organisations: the application carries a copy of its organisation's name and
 * country. Without a search, latest first, a page is read from `application_call_submitted_idx`;
 * by organisation, from `application_call_name_idx` alone; the count from an index alone. A search
 * reads the search copy only.
 */
function tableStatements(query: TableQuery) {
	const filters = FILTERS.filter((filter) => query[filter]);
	const shape = filters.join('_') || 'all';
	const { table, columns } = query.q ? sources.search : sources.application;
	const conditions = () => {
		const all = filterConditions(query, columns, placeholder);
		if (query.q) all.push(matching(placeholder('q'), placeholder('pattern')));
		return all;
	};
	const column = columns[sortKeys[query.sort]];
	const { callId: _call, ...shown } = columns;
	const page = cached(`applications_page_${query.sort}_${query.dir}_${shape}`, (db, name) =>
		db
			.select(shown)
			.from(table)
			.where(and(eq(columns.callId, sql.placeholder('callId')), ...conditions()))
			.orderBy(query.dir === 'asc' ? asc(column) : desc(column), asc(columns.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare(name)
	);
	// A search that matches few applications: its matches are collected from the word and name
	// indexes, then ordered. The plain statement above walks the table's order instead and stops at
	// a page of matches: right for a broad search, but a search for a name whose few matches lie
	// far down that order read every application before them (~3 ms per 5,000). An `OFFSET` (of 0)
	// keeps PostgreSQL from planning the two as one, which it would walk the order for again.
	const fewMatches = cached(
		`applications_page_${query.sort}_${query.dir}_${shape}_few`,
		(db, name) => {
			const matches = db
				.select(shown)
				.from(table)
				.where(and(eq(columns.callId, sql.placeholder('callId')), ...conditions()))
				.offset(sql.placeholder('fence'))
				.as('matches');
			const key = matches[sortKeys[query.sort]];
			return db
				.select()
				.from(matches)
				.orderBy(query.dir === 'asc' ? asc(key) : desc(key), asc(matches.id))
				.limit(sql.placeholder('limit'))
				.offset(sql.placeholder('offset'))
				.prepare(name);
		}
	);
	// How many match, and the countries of all the call's applicants, drafts included (for the
	// filter): one statement, one row (none for an unknown call). A search counts up to
	// `countUpTo` matches (no limit when null). The countries are read by skipping from one to the
	// next in `application_call_country_idx` (a handful of index probes where reading every entry
	// cost ~1 ms per 5,000).
	const summary = cached(`applications_summary_${shape}`, (db, name) => {
		const matches = db
			.select({ one: sql`1` })
			.from(table)
			.where(and(eq(columns.callId, sql.placeholder('callId')), ...conditions()));
		const counted = query.q
			? sql`(select count(*)::int from (${matches.limit(sql.placeholder('countUpTo'))}) matches)`
			: sql`(select count(*)::int from (${matches}) matches)`;
		return db
			.select({
				matching: sql<number>`${counted}`,
				countries: sql<string[]>`array(
					WITH RECURSIVE next (country) AS (
						SELECT min(a.organisation_country) FROM application a WHERE a.call_id = call.id
						UNION ALL
						SELECT (SELECT min(a.organisation_country) FROM application a
							WHERE a.call_id = call.id AND a.organisation_country > next.country)
						FROM next WHERE next.country IS NOT NULL
					)
					SELECT country FROM next WHERE country IS NOT NULL)`
			})
			.from(call)
			.where(eq(call.id, sql.placeholder('callId')))
			.prepare(name);
	});
	return { page, fewMatches, summary };
}

/** One `reusable` per name: a bounded set (filters × order). */
const statements = new Map<string, () => unknown>();
function cached<Query>(name: string, build: (db: Database, statement: string) => Query): Query {
	let statement = statements.get(name);
	if (!statement) {
		statement = reusable(name, build);
		statements.set(name, statement);
	}
	return statement() as Query;
}

/**
 * The manager's applications table: a page of rows, how many match (`more`: at least `total`,
 * and more than that), and the call's countries.
 */
export async function listApplicationsTable(callId: string, query: TableQuery) {
	const { page, fewMatches, summary } = tableStatements(query);
	const offset = (query.page - 1) * query.pageSize;
	// Enough to know whether the page after this one has rows, however deep the manager pages.
	const enough = Math.max(SEARCH_COUNT_LIMIT, offset + query.pageSize);
	const values = {
		callId,
		status: query.status,
		eligibility: query.eligibility,
		screening: query.screening,
		country: query.country,
		q: query.q,
		pattern: containing(query.q),
		limit: query.pageSize,
		offset,
		countUpTo: query.count === 'all' ? null : enough + 1,
		fence: 0
	};
	if (!query.q) {
		const [rows, [counts]] = await Promise.all([page.execute(values), summary.execute(values)]);
		return { rows, total: counts?.matching ?? 0, more: false, countries: counts?.countries ?? [] };
	}
	// A search is counted first: how many it matches decides how its page is best read.
	const [counts] = await summary.execute(values);
	const matching = counts?.matching ?? 0;
	const more = values.countUpTo !== null && matching > enough;
	const rows =
		matching === 0 || offset >= matching
			? []
			: await (matching > SEARCH_COUNT_LIMIT ? page : fewMatches).execute(values);
	return {
		rows,
		total: more ? enough : matching,
		more,
		countries: counts?.countries ?? []
	};
}

/** How many applications match the table's filters (for exports and bulk emails). */
export async function countApplications(
	callId: string,
	filters: TableFilters,
	tx: Executor = db()
) {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(application)
		.where(tableFilters(callId, filters));
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
