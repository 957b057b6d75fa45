// npm run bench:applications — the manager's applications table and the XLSX export with 5,000
// applications to one call, against the built app in its own data folder. Prints figures; the last
// line is one JSON object.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { parse } from 'devalue';
import pg from 'pg';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS || 5000);
const CONCURRENCY = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS || 300);
// Requests before measuring, the three cases in turn. V8 keeps optimising the app's code for its
// first ~2,500 requests (measured with --trace-opt: ~360 functions in the first 700, 15 in the
// sixth 700), and the app costs ~8 ms of CPU a request then against ~5 ms after: the figures are
// those of a server that has been running, as in production.
const WARM_UP = Number(process.env.BENCH_WARM_UP || 3000);
const PORT = 4620;
const PG_PORT = 5620;
const DATA = '.data-bench-applications';
const ORIGIN = `http://localhost:${PORT}`;
const WORDS = [
	'garden',
	'inclusion',
	'repair',
	'mobility',
	'housing',
	'energy',
	'education',
	'food',
	'textile',
	'elderly',
	'youth',
	'migration',
	'circular',
	'digital',
	'rural',
	'health',
	'water',
	'tourism',
	'craft',
	'music'
];

const pick = (list, i) => list[i % list.length];
/** CPU seconds (user + system) used so far by the app's node process and by all PostgreSQL processes. */
function cpuSeconds(appPid) {
	const read = (pid) => {
		try {
			const [comm, rest] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ');
			const fields = rest.split(' ');
			return { comm: comm.split(' (')[1], ticks: Number(fields[11]) + Number(fields[12]) };
		} catch {
			return null;
		}
	};
	let postgres = 0;
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		const stat = read(pid);
		if (stat?.comm === 'postgres') postgres += stat.ticks;
	}
	// Linux counts CPU time in ticks of 10 ms (USER_HZ 100).
	return { app: (read(appPid)?.ticks ?? 0) / 100, postgres: postgres / 100 };
}
/**
 * The load generator shares the two cores with the app and PostgreSQL: it uses Node's plain HTTP
 * client over kept-alive connections and counts the body's bytes without decoding them (~1 ms of
 * CPU a request, where `fetch` and `text()` took ~2.5 ms).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const get = (url, headers) =>
	new Promise((resolve, reject) => {
		http
			.get(url, { agent, headers }, (response) => {
				let bytes = 0;
				response.on('data', (chunk) => (bytes += chunk.length));
				response.on('end', () => resolve({ status: response.statusCode, bytes }));
				response.on('error', reject);
			})
			.on('error', reject);
	});
const clientCpuSeconds = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

if (!existsSync('build/index.js')) {
	console.log('Building the app…');
	if (spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

rmSync(DATA, { recursive: true, force: true });
// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", is passed to the app's node.
const app = spawn(
	'node',
	[...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'build/index.js'],
	{
		env: {
			...process.env,
			DATABASE_URL: '',
			PORT: String(PORT),
			ORIGIN,
			TANDEM_DATA_DIR: DATA,
			EMBEDDED_PG_PORT: String(PG_PORT),
			LOG_LEVEL: process.env.LOG_LEVEL || 'error'
		},
		stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit']
	}
);
const stop = () =>
	new Promise((done) => {
		app.once('exit', done);
		app.kill('SIGTERM');
	});

async function waitForHealth() {
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`${ORIGIN}/healthz`)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the app did not start');
}

try {
	await waitForHealth();
	const { pgPassword } = JSON.parse(readFileSync(`${DATA}/local-secrets.json`, 'utf8'));
	const client = new pg.Client({
		host: '127.0.0.1',
		port: PG_PORT,
		user: 'postgres',
		password: pgPassword,
		database: 'tandem'
	});
	client.on('error', () => {});
	await client.connect();
	const {
		rows: [call]
	} = await client.query(`SELECT id FROM call WHERE slug = 'innovation-support-2026'`);

	const seedStarted = performance.now();
	const countries = ['SE', 'DE', 'IT', 'RO', 'ES'];
	for (let start = 0; start < APPLICATIONS; start += 500) {
		const count = Math.min(500, APPLICATIONS - start);
		const values = [];
		const params = [];
		for (let i = start; i < start + count; i++) {
			params.push(
				`bench-enterprise-${i}`,
				`Bench Enterprise ${i} ${pick(WORDS, i * 7)}`,
				pick(countries, i)
			);
			values.push(
				`($${params.length - 2}, $${params.length - 1}, 'enterprise', $${params.length})`
			);
		}
		const { rows: orgs } = await client.query(
			`INSERT INTO organisation (slug, name, kind, country) VALUES ${values.join(',')} RETURNING id`,
			params
		);
		const appValues = [];
		const appParams = [call.id];
		orgs.forEach((org, j) => {
			const i = start + j;
			const answers = {
				title: `${pick(WORDS, i)} ${pick(WORDS, i * 3 + 1)} lab`,
				challenge: Array.from({ length: 40 }, (_, k) => pick(WORDS, i * 13 + k * 7)).join(' '),
				people_reached: (i * 37) % 5000,
				stage: pick(['idea', 'pilot', 'scaling'], i),
				support: [pick(['coaching', 'design', 'digital'], i)],
				contact_email: `team${i}@bench.example`,
				terms: true
			};
			appParams.push(
				org.id,
				JSON.stringify(answers),
				pick(['eligible', 'not_eligible', 'needs_screening'], i),
				new Date(Date.now() - i * 60_000)
			);
			const n = appParams.length;
			appValues.push(
				`($1, $${n - 3}, 'submitted', $${n - 2}::jsonb, $${n - 1}::eligibility_verdict, $${n})`
			);
		});
		await client.query(
			`INSERT INTO application (call_id, organisation_id, status, answers, eligibility, submitted_at) VALUES ${appValues.join(',')}`,
			appParams
		);
	}
	// As autovacuum leaves a table after a batch of inserts: statistics and the visibility map.
	await client.query('VACUUM ANALYZE');
	console.log(
		`seeded ${APPLICATIONS} applications in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`
	);

	// Sign in as the demo cluster manager (local mode), as a person would with the demo button.
	const signIn = await fetch(`${ORIGIN}/login?/demo`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'role=manager'
	});
	const cookie = signIn.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (!cookie.includes('session_token')) throw new Error('demo sign-in failed');

	const base = `${ORIGIN}/manage/coompanion-orebro/calls/${call.id}/applications`;
	const cases = {
		first: base,
		filtered: `${base}?country=SE&eligibility=eligible&sort=organisation&dir=asc&page=3`,
		search: `${base}?q=${encodeURIComponent('mobility')}`,
		// Not one of the goals: part of an enterprise's name, matching 111 applications (the words of
		// the answers none), as a manager looks one up.
		name: `${base}?q=${encodeURIComponent('Enterprise 42')}`
	};
	const p95 = {};
	/** `count` requests, `CONCURRENCY` at a time, to `urls` in turn; the time of each. */
	const load = async (urls, count) => {
		const times = [];
		let next = 0;
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < count) {
					const url = urls[next++ % urls.length];
					const started = performance.now();
					const { status } = await get(url, { cookie });
					if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
					times.push(performance.now() - started);
				}
			})
		);
		return times.sort((a, b) => a - b);
	};
	const warmUpStarted = performance.now();
	await load(Object.values(cases), WARM_UP);
	console.log(
		`warm-up: ${WARM_UP} requests in ${((performance.now() - warmUpStarted) / 1000).toFixed(1)} s`
	);
	for (const [name, url] of Object.entries(cases)) {
		const { status, bytes } = await get(url, { cookie });
		if (status !== 200) throw new Error(`${name}: HTTP ${status}`);
		const cpuBefore = { ...cpuSeconds(app.pid), client: clientCpuSeconds() };
		const times = await load([url], REQUESTS);
		const cpuAfter = { ...cpuSeconds(app.pid), client: clientCpuSeconds() };
		const perRequest = (key) => (((cpuAfter[key] - cpuBefore[key]) * 1000) / REQUESTS).toFixed(1);
		if (name !== 'name') p95[name] = Math.round(quantile(times, 0.95));
		console.log(
			`${name.padEnd(9)} ${REQUESTS} requests, ${CONCURRENCY} concurrent: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms` +
				` (${Math.round(bytes / 1024)} KiB; CPU per request: app ${perRequest('app')} ms, PostgreSQL ${perRequest('postgres')} ms, this load generator ${perRequest('client')} ms)`
		);
	}

	const exportStarted = performance.now();
	const response = await fetch(`${base}?/export`, {
		method: 'POST',
		headers: {
			cookie,
			origin: ORIGIN,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: 'format=xlsx'
	});
	const result = await response.json();
	const { jobRunId } = parse(result.data);
	let job;
	for (;;) {
		job = await (await fetch(`${ORIGIN}/api/jobs/${jobRunId}`, { headers: { cookie } })).json();
		if (job.status === 'done' || job.status === 'failed') break;
		await new Promise((r) => setTimeout(r, 100));
	}
	const xlsxSeconds = (performance.now() - exportStarted) / 1000;
	if (job.status !== 'done') throw new Error('export failed');
	const file = await fetch(`${ORIGIN}/manage/coompanion-orebro/exports/${jobRunId}`, {
		headers: { cookie }
	});
	const bytes = (await file.arrayBuffer()).byteLength;
	console.log(
		`xlsx export of ${job.done} applications: ${xlsxSeconds.toFixed(2)} s (${(bytes / 1024).toFixed(0)} KiB)`
	);
	await client.end();
	console.log(
		JSON.stringify({ bench: 'applications', p95_ms: p95, xlsx_s: Number(xlsxSeconds.toFixed(2)) })
	);
} finally {
	await stop();
	rmSync(DATA, { recursive: true, force: true });
}
