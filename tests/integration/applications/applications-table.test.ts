import { beforeAll, describe, expect, it } from 'vitest';
import {
	listApplicationsTable,
	SEARCH_COUNT_LIMIT,
	tableQuerySchema,
	type TableQuery
} from '../../../src/lib/server/applications/queries';
import { eq, sql } from 'drizzle-orm';
import { db } from '../../../src/lib/server/db';
import { application, applicationSearch, organisation } from '../../../src/lib/server/db/schema';
import { createApplication, createCall, createLead, createOrganisation } from '../../factories';

const T0 = Date.parse('2026-11-10T08:00:00Z');
const HOUR = 3_600_000;

/** name, country, status, eligibility, screening, idea (answer text) — submitted an hour apart. */
const APPLICANTS = [
	['Alfa Kooperativ', 'SE', 'submitted', 'eligible', 'eligible', 'Community kitchens in Malmö'],
	['Bravo Verein', 'DE', 'submitted', 'not_eligible', 'not_eligible', 'Repair cafés'],
	['Charlie Osuuskunta', 'FI', 'submitted', 'needs_screening', 'pending', 'Care for the elderly'],
	['Delta Andelslag', 'NO', 'withdrawn', 'eligible', 'pending', 'Community gardens'],
	['Echo Förening', 'SE', 'submitted', 'eligible', 'pending', 'Bicycle kitchens and repair'],
	['Foxtrot 100% Social', 'DK', 'submitted', 'eligible', 'eligible', 'Social housing'],
	['Golf Genossenschaft', 'DE', 'submitted', 'eligible', 'pending', 'Energy cooperative'],
	['Hotel Stiftelse', 'SE', 'submitted', 'needs_screening', 'pending', 'Refugee mentoring'],
	['India Yhdistys', 'FI', 'submitted', 'eligible', 'pending', 'Sauna for all'],
	['Juliett Forening', 'DK', 'submitted', 'eligible', 'pending', 'Food bank'],
	['Kilo Kooperativ', 'SE', 'submitted', 'eligible', 'pending', 'Second-hand shop'],
	['Lima Verein', 'AT', 'submitted', 'eligible', 'pending', 'Language cafés']
] as const;

let callId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
	const { programme } = await createLead();
	const target = await createCall(programme.id);
	const other = await createCall(programme.id);
	callId = target.id;
	for (const [i, [name, country, status, eligibility, screening, idea]] of APPLICANTS.entries()) {
		const enterprise = await createOrganisation({ name, country, kind: 'enterprise' });
		const row = await createApplication(target.id, enterprise.id, {
			status,
			eligibility,
			screening,
			submittedAt: new Date(T0 + i * HOUR),
			answers: { idea, staff: 4 }
		});
		ids[name] = row.id;
		// The same enterprise in another call, and a draft here: neither is in this call's table.
		await createApplication(other.id, enterprise.id, {
			status: 'submitted',
			submittedAt: new Date(T0),
			answers: { idea }
		});
	}
	const drafting = await createOrganisation({
		name: 'Mike Draft',
		country: 'SE',
		kind: 'enterprise'
	});
	ids['Mike Draft'] = (
		await createApplication(target.id, drafting.id, { answers: { idea: 'Community kitchens' } })
	).id;
});

const query = (q: Record<string, unknown> = {}): TableQuery => tableQuerySchema.parse(q);
const names = (rows: { organisationName: string }[]) => rows.map((r) => r.organisationName);

describe('tableQuerySchema', () => {
	it('falls back to defaults for anything it cannot use', () => {
		expect(
			tableQuerySchema.parse({
				page: 'last',
				pageSize: '5',
				sort: 'password',
				dir: 'sideways',
				status: 'deleted',
				eligibility: 'maybe',
				screening: 'x',
				country: 'se',
				q: 'x'.repeat(201),
				count: 'some'
			})
		).toEqual({
			page: 1,
			pageSize: 25,
			sort: 'submitted',
			dir: 'desc',
			status: '',
			eligibility: '',
			screening: '',
			country: '',
			q: '',
			count: ''
		});
		expect(tableQuerySchema.parse({ count: 'all' }).count).toBe('all');
	});
});

describe('listApplicationsTable', () => {
	it('lists the non-draft applications of the call, latest submission first, with the total', async () => {
		const { rows, total } = await listApplicationsTable(callId, query({ pageSize: 50 }));
		expect(total).toBe(12);
		expect(names(rows)).toEqual(APPLICANTS.map(([name]) => name).reverse());
		expect(rows[11]).toEqual({
			id: ids['Alfa Kooperativ'],
			organisationName: 'Alfa Kooperativ',
			country: 'SE',
			status: 'submitted',
			eligibility: 'eligible',
			screening: 'eligible',
			submittedAt: new Date(T0)
		});
	});

	it('pages through the rows, and a page past the end is empty with the total', async () => {
		const page = (n: number) =>
			listApplicationsTable(callId, query({ pageSize: 10, page: n, dir: 'asc' }));
		const [first, second, beyond] = [await page(1), await page(2), await page(3)];
		expect([
			names(first.rows),
			first.total,
			names(second.rows),
			second.total,
			beyond.rows,
			beyond.total
		]).toEqual([
			APPLICANTS.slice(0, 10).map(([name]) => name),
			12,
			['Kilo Kooperativ', 'Lima Verein'],
			12,
			[],
			12
		]);
	});

	it('ordered by organisation, pages the same way, and a page past the end keeps the total', async () => {
		const page = (n: number) =>
			listApplicationsTable(
				callId,
				query({ sort: 'organisation', dir: 'asc', pageSize: 10, page: n, country: 'SE' })
			);
		const [first, beyond] = [await page(1), await page(2)];
		expect([names(first.rows), first.total, beyond.rows, beyond.total]).toEqual([
			['Alfa Kooperativ', 'Echo Förening', 'Hotel Stiftelse', 'Kilo Kooperativ'],
			4,
			[],
			4
		]);
	});

	it('filters by status, eligibility, screening and country, combined', async () => {
		const filtered = async (q: Record<string, unknown>) =>
			names((await listApplicationsTable(callId, query({ ...q, dir: 'asc' }))).rows);
		expect([
			await filtered({ status: 'withdrawn' }),
			await filtered({ status: 'draft' }),
			await filtered({ eligibility: 'needs_screening' }),
			await filtered({ screening: 'not_eligible' }),
			await filtered({ country: 'FI' }),
			await filtered({ country: 'SE', screening: 'pending', eligibility: 'eligible' })
		]).toEqual([
			['Delta Andelslag'],
			['Mike Draft'],
			['Charlie Osuuskunta', 'Hotel Stiftelse'],
			['Bravo Verein'],
			['Charlie Osuuskunta', 'India Yhdistys'],
			['Echo Förening', 'Kilo Kooperativ']
		]);
	});

	it('searches the answers word by word', async () => {
		const search = async (q: string) =>
			names((await listApplicationsTable(callId, query({ q, dir: 'asc' }))).rows);
		expect([
			await search('kitchens'),
			await search('community kitchens'),
			await search('Malmö'),
			await search('"repair cafés"'),
			await search('kitchens -bicycle')
		]).toEqual([
			['Alfa Kooperativ', 'Echo Förening'],
			['Alfa Kooperativ'],
			['Alfa Kooperativ'],
			['Bravo Verein'],
			['Alfa Kooperativ']
		]);
	});

	it('searches organisation names too, taking % and _ literally', async () => {
		const search = async (q: string) =>
			names((await listApplicationsTable(callId, query({ q, dir: 'asc' }))).rows);
		expect([
			await search('verein'),
			await search('100%'),
			await search('%'),
			await search('_')
		]).toEqual([
			['Bravo Verein', 'Lima Verein'],
			['Foxtrot 100% Social'],
			['Foxtrot 100% Social'],
			[]
		]);
	});

	it('sorts by organisation, country, status, eligibility or screening, ties by id', async () => {
		const sorted = async (sort: string, dir: string) =>
			(await listApplicationsTable(callId, query({ sort, dir, pageSize: 50 }))).rows;
		const byOrganisation = await sorted('organisation', 'desc');
		const byCountry = await sorted('country', 'asc');
		const byScreening = await sorted('screening', 'asc');
		expect(names(byOrganisation)).toEqual(
			APPLICANTS.map(([name]) => name)
				.sort()
				.reverse()
		);
		expect(byCountry.map((r) => r.country)).toEqual([
			'AT',
			'DE',
			'DE',
			'DK',
			'DK',
			'FI',
			'FI',
			'NO',
			'SE',
			'SE',
			'SE',
			'SE'
		]);
		const se = byCountry.filter((r) => r.country === 'SE').map((r) => r.id);
		expect(se).toEqual([...se].sort());
		expect(byScreening.map((r) => r.screening)).toEqual([
			...Array(9).fill('pending'),
			'eligible',
			'eligible',
			'not_eligible'
		]);
	});

	it('an unknown call has no rows', async () => {
		expect(await listApplicationsTable('00000000-0000-4000-8000-000000000000', query())).toEqual({
			rows: [],
			total: 0,
			more: false,
			countries: []
		});
	});
});

describe('listApplicationsTable countries', () => {
	it("lists the countries of the call's applicants once each, drafts included", async () => {
		expect((await listApplicationsTable(callId, query())).countries).toEqual([
			'AT',
			'DE',
			'DK',
			'FI',
			'NO',
			'SE'
		]);
	});

	it('lists every country whatever the filters, so another one can be chosen', async () => {
		const { rows, total, countries } = await listApplicationsTable(
			callId,
			query({ country: 'FI', q: 'sauna' })
		);
		expect([names(rows), total, countries]).toEqual([
			['India Yhdistys'],
			1,
			['AT', 'DE', 'DK', 'FI', 'NO', 'SE']
		]);
	});
});

/** A Swedish enterprise's application, alone in a call of its own. */
async function applicationInNewCall(
	name: string,
	values: Parameters<typeof createApplication>[2]
): Promise<{ call: string; id: string; organisationId: string }> {
	const { programme } = await createLead();
	const { id: call } = await createCall(programme.id);
	const enterprise = await createOrganisation({ name, country: 'SE', kind: 'enterprise' });
	const { id } = await createApplication(call, enterprise.id, values);
	return { call, id, organisationId: enterprise.id };
}

describe("the application's copy of its organisation's name and country", () => {
	it('follows the organisation when it is renamed or moves, and cannot be written by hand', async () => {
		const { call, id, organisationId } = await applicationInNewCall('November Kooperativ', {
			status: 'submitted',
			submittedAt: new Date(T0)
		});
		const other = await createOrganisation({ name: 'Oscar Verein', country: 'DE' });
		const table = async (q: Record<string, unknown> = {}) => {
			const { rows, countries } = await listApplicationsTable(call, query(q));
			return { rows: rows.map((r) => [r.organisationName, r.country]), countries };
		};
		expect(await table()).toEqual({ rows: [['November Kooperativ', 'SE']], countries: ['SE'] });

		await db()
			.update(organisation)
			.set({ name: 'November Genossenschaft', country: 'AT' })
			.where(eq(organisation.id, organisationId));
		expect(await table({ country: 'AT', q: 'genossenschaft' })).toEqual({
			rows: [['November Genossenschaft', 'AT']],
			countries: ['AT']
		});

		// A hand-written copy is replaced by the organisation's own values.
		await db()
			.update(application)
			.set({ organisationName: 'Forged', organisationCountry: 'XX' })
			.where(eq(application.id, id));
		expect((await table()).rows).toEqual([['November Genossenschaft', 'AT']]);

		// Moved to another organisation, it carries that one's name and country.
		await db().update(application).set({ organisationId: other.id }).where(eq(application.id, id));
		expect(await table()).toEqual({ rows: [['Oscar Verein', 'DE']], countries: ['DE'] });
	});
});

describe("the table's search copy of each application", () => {
	it('follows every change of the answers, status, verdicts and submission, and goes with the application', async () => {
		const { call, id } = await applicationInNewCall('Papa Kooperativ', {
			answers: { idea: 'Beekeeping on rooftops' }
		});
		const search = async (q: Record<string, unknown>) => {
			const { rows, total } = await listApplicationsTable(call, query(q));
			return {
				rows: rows.map((r) => [r.status, r.eligibility, r.screening, r.submittedAt]),
				total
			};
		};
		const change = (values: Partial<typeof application.$inferInsert>) =>
			db().update(application).set(values).where(eq(application.id, id));

		// A draft is found among drafts only.
		expect(await search({ q: 'beekeeping' })).toEqual({ rows: [], total: 0 });
		expect(await search({ q: 'beekeeping', status: 'draft' })).toEqual({
			rows: [['draft', null, 'pending', null]],
			total: 1
		});

		// Autosaved answers: the new words are found, the old ones no longer.
		await change({ answers: { idea: 'Urban orchards' } });
		expect((await search({ q: 'beekeeping', status: 'draft' })).total).toBe(0);
		expect((await search({ q: 'orchards', status: 'draft' })).total).toBe(1);

		// Submitted, checked and screened: each filter sees the new values.
		await change({ status: 'submitted', submittedAt: new Date(T0), eligibility: 'eligible' });
		await change({ screening: 'not_eligible', screeningReason: 'Outside the region' });
		expect(
			await search({ q: 'orchards', eligibility: 'eligible', screening: 'not_eligible' })
		).toEqual({ rows: [['submitted', 'eligible', 'not_eligible', new Date(T0)]], total: 1 });
		expect((await search({ q: 'orchards', screening: 'pending' })).total).toBe(0);

		await change({ status: 'withdrawn' });
		expect((await search({ q: 'orchards', status: 'withdrawn' })).total).toBe(1);

		// Deleted with its application.
		await db().delete(application).where(eq(application.id, id));
		expect(
			await db()
				.select({ id: applicationSearch.applicationId })
				.from(applicationSearch)
				.where(eq(applicationSearch.applicationId, id))
		).toEqual([]);
	});

	it('a search sorts and pages like the rest of the table', async () => {
		const page = async (n: number) => {
			const { rows, total } = await listApplicationsTable(
				callId,
				query({ q: 'community', sort: 'organisation', dir: 'desc', pageSize: 10, page: n })
			);
			return [names(rows), total];
		};
		// "Community" is in Alfa's, Delta's (withdrawn) and Mike's (a draft) answers.
		expect([await page(1), await page(2)]).toEqual([
			[['Delta Andelslag', 'Alfa Kooperativ'], 2],
			[[], 2]
		]);
		const { rows, total } = await listApplicationsTable(
			callId,
			query({ q: 'social OR community OR food', sort: 'country', dir: 'asc' })
		);
		expect([rows.map((r) => r.country), names(rows).slice(2), total]).toEqual([
			['DK', 'DK', 'NO', 'SE'],
			['Delta Andelslag', 'Alfa Kooperativ'],
			4
		]);
		expect(names(rows).slice(0, 2).sort()).toEqual(['Foxtrot 100% Social', 'Juliett Forening']);
	});
});

describe('a search that matches more applications than it counts', () => {
	const APPLICANTS = SEARCH_COUNT_LIMIT + 30;
	let broadCall: string;
	/** Every application of the call, as the table orders them: latest submission first, ties by id. */
	let ordered: { id: string; organisationName: string; idea: string }[];

	beforeAll(async () => {
		const { programme } = await createLead();
		broadCall = (await createCall(programme.id)).id;
		// Every answer says "common"; every third also "third"; Broad 0777's name is its own. Two
		// applications were submitted in each minute, so half the order is decided by the id.
		await db().execute(sql`
			WITH orgs AS (
				INSERT INTO organisation (slug, name, kind, country)
				SELECT 'broad-' || gen_random_uuid(), 'Broad ' || lpad(i::text, 4, '0'), 'enterprise', 'SE'
				FROM generate_series(1, ${APPLICANTS}) i
				RETURNING id, name
			)
			INSERT INTO application (call_id, organisation_id, status, answers, submitted_at)
			SELECT ${broadCall}, id, 'submitted',
				jsonb_build_object('idea', CASE WHEN n % 3 = 0 THEN 'common third' ELSE 'common' END),
				${new Date(T0).toISOString()}::timestamptz + (n / 2) * interval '1 minute'
			FROM (SELECT id, name, substring(name FROM 7)::int AS n FROM orgs) numbered`);
		// The order the table must show, from the applications themselves (not the search copy).
		const { rows } = await db().execute<{ id: string; organisationName: string; idea: string }>(sql`
			SELECT a.id, o.name AS "organisationName", a.answers->>'idea' AS idea
			FROM application a JOIN organisation o ON o.id = a.organisation_id
			WHERE a.call_id = ${broadCall}
			ORDER BY a.submitted_at DESC, a.id`);
		ordered = rows;
	});

	const table = (q: Record<string, unknown>) => listApplicationsTable(broadCall, query(q));
	const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

	it(`says "more than ${SEARCH_COUNT_LIMIT}" and pages in the table's order`, async () => {
		const first = await table({ q: 'common' });
		expect([first.total, first.more]).toEqual([SEARCH_COUNT_LIMIT, true]);
		expect(ids(first.rows)).toEqual(ids(ordered.slice(0, 25)));
		// Deep pages count far enough to know whether another page follows.
		const fortyFirst = await table({ q: 'common', page: 41 });
		expect([fortyFirst.total, fortyFirst.more]).toEqual([1025, true]);
		expect(ids(fortyFirst.rows)).toEqual(ids(ordered.slice(1000, 1025)));
		const last = await table({ q: 'common', page: 42 });
		expect([last.total, last.more]).toEqual([APPLICANTS, false]);
		expect(ids(last.rows)).toEqual(ids(ordered.slice(1025)));
		expect((await table({ q: 'common', page: 43 })).rows).toEqual([]);
	});

	it('counts every match when asked, and the page is the same', async () => {
		const all = await table({ q: 'common', count: 'all', page: 2 });
		expect([all.total, all.more]).toEqual([APPLICANTS, false]);
		expect(ids(all.rows)).toEqual(ids(ordered.slice(25, 50)));
	});

	it('a search with fewer matches is counted exactly and ordered the same way', async () => {
		const thirds = ordered.filter((r) => r.idea.includes('third'));
		expect(thirds.length).toBeLessThan(SEARCH_COUNT_LIMIT);
		for (const page of [1, 2, 14]) {
			const { rows, total, more } = await table({ q: 'third', page });
			expect([total, more]).toEqual([thirds.length, false]);
			expect(ids(rows)).toEqual(ids(thirds.slice((page - 1) * 25, page * 25)));
		}
		const byName = await table({ q: 'broad 0777' });
		expect([names(byName.rows), byName.total, byName.more]).toEqual([['Broad 0777'], 1, false]);
		expect(await table({ q: 'nowhere' })).toMatchObject({ rows: [], total: 0, more: false });
	});

	it('the filters still apply to a broad search', async () => {
		const { rows, total, more } = await table({ q: 'common', status: 'withdrawn' });
		expect([rows, total, more]).toEqual([[], 0, false]);
	});
});
