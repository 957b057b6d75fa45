// npm run bench:assignment — the jury-assignment solver on seeded instances (k = 3, 5 % conflicts):
// its median time over BENCH_RUNS runs (default 5), its peak memory, and its objective against
// HiGHS's on the same instance. Prints figures; the last line is one JSON object.
//
// Each case runs in a fresh process and gc() runs between runs, which also makes V8 drop the
// solver's compiled code: every run pays part of the compilation again, so the median is close to
// a first solve in a fresh worker (steady-state runs are 2–3× faster). solver_cpu_s (the median
// CPU time of the runs, GC and compiler threads included) is there because on a shared machine the
// wall clock also measures the other processes.
//
// Node 20 cannot import TypeScript, so the solver and the instance generator are first bundled
// with Vite's build API (Vite is a direct dev dependency; it is also what bundles them for the
// server), into a temporary folder.
//
// Each measurement runs in a child process of its own, so that the figures do not mix:
// - solver_mb: the child's peak resident set (process.resourceUsage().maxRSS, which covers
//   typed-array backing stores outside the JS heap) minus its resident set just before the first
//   run, after the instance is built and garbage collected; gc() runs between runs so one run's
//   garbage does not add to the next one's peak. The instance itself (5 MB for 5,000 × 200) is in
//   the baseline.
// - HiGHS solves the LP (maximise Σ w·x, Σ_j x_ij = k, Σ_i x_ij ≤ capacity_j, 0 ≤ x ≤ 1; totally
//   unimodular, so its optimum is the assignment optimum); highs_s is the time of solve() on the LP
//   text, parsing included. Expect ~20 s and ~1 GB on the large cases. BENCH_HIGHS=0 skips it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CASES = [
	{ apps: 1000, jurors: 60, dist: 'uniform' },
	{ apps: 5000, jurors: 200, dist: 'uniform' },
	{ apps: 5000, jurors: 200, dist: 'correlated' }
];
const SEED = 42;
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS || 5));
const HIGHS = process.env.BENCH_HIGHS !== '0';

const [mode, bundle, spec] = process.argv.slice(2);
if (mode === '--solve') await solveCase(bundle, JSON.parse(spec));
else if (mode === '--highs') await highsCase(bundle, JSON.parse(spec));
else await main();

async function main() {
	const bundle = mkdtempSync(join(tmpdir(), 'tandem-bench-assignment-'));
	try {
		await bundleSolver(bundle);
		const cases = [];
		for (const spec of CASES) {
			const label = `${spec.apps} × ${spec.jurors} ${spec.dist}`;
			const solver = await child('--solve', bundle, spec);
			const times = [...solver.times].sort((a, b) => a - b);
			const median = times[times.length >> 1];
			const cpu = [...solver.cpu].sort((a, b) => a - b)[solver.cpu.length >> 1];
			console.log(
				`${label}: solver median ${median.toFixed(3)} s over ${RUNS} runs ` +
					`(first ${solver.times[0].toFixed(3)} s, fastest ${times[0].toFixed(3)} s; ` +
					`median CPU ${cpu.toFixed(3)} s), peak +${solver.peakMb.toFixed(1)} MB, ` +
					`objective ${solver.objective}`
			);
			const highs = HIGHS ? await child('--highs', bundle, spec) : null;
			if (highs) {
				console.log(
					`${label}: HiGHS ${highs.status}, objective ${highs.objective}, ${highs.seconds.toFixed(1)} s, ` +
						`peak ${highs.peakMb.toFixed(0)} MB` +
						(highs.objective === solver.objective ? ' — same optimum' : ' — DIFFERENT OPTIMUM')
				);
			}
			cases.push({
				apps: spec.apps,
				jurors: spec.jurors,
				dist: spec.dist,
				solver_s: round(median, 3),
				solver_cpu_s: round(cpu, 3),
				solver_mb: round(solver.peakMb, 1),
				objective: solver.objective,
				highs_objective: highs ? highs.objective : null,
				highs_s: highs ? round(highs.seconds, 1) : null
			});
		}
		console.log(JSON.stringify({ bench: 'assignment', cases, ranking_ms: rankingMs() }));
	} finally {
		rmSync(bundle, { recursive: true, force: true });
	}
}

/**
 * The PostgreSQL ranking query for 5,000 applications × 3 reviews × 6 criteria: bench/ranking.js
 * seeds its own embedded PostgreSQL and times the query the results page runs; its figure is
 * folded in here.
 */
function rankingMs() {
	const run = spawnSync(
		process.execPath,
		[fileURLToPath(new URL('./ranking.js', import.meta.url))],
		{
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	const lines = (run.stdout ?? '').trim().split('\n');
	for (const line of lines.slice(0, -1)) console.log(line);
	try {
		return JSON.parse(lines.at(-1) ?? '').ranking_ms ?? null;
	} catch {
		console.log('ranking bench failed; see above');
		return null;
	}
}

async function bundleSolver(outDir) {
	const { build } = await import('vite');
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			ssr: true,
			outDir,
			emptyOutDir: true,
			minify: false,
			rollupOptions: {
				input: {
					transport: 'src/lib/server/optimize/transport.ts',
					instances: 'src/lib/server/optimize/instances.ts'
				},
				output: { format: 'es', entryFileNames: '[name].js' }
			}
		}
	});
}

function child(mode, bundle, spec) {
	return new Promise((resolve, reject) => {
		const args = ['--expose-gc', 'bench/assignment.js', mode, bundle, JSON.stringify(spec)];
		const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		proc.stdout.on('data', (chunk) => (out += chunk));
		proc.on('error', reject);
		proc.on('exit', (code) => {
			if (code !== 0) reject(new Error(`${mode} ${JSON.stringify(spec)} exited with ${code}`));
			else resolve(JSON.parse(out.trim().split('\n').pop()));
		});
	});
}

async function load(bundle, name) {
	return import(pathToFileURL(join(bundle, `${name}.js`)).href);
}

async function solveCase(bundle, spec) {
	const { generateInstance } = await load(bundle, 'instances');
	const { solveTransport } = await load(bundle, 'transport');
	const instance = generateInstance({ ...spec, seed: SEED });
	globalThis.gc();
	const before = process.memoryUsage().rss;
	const times = [];
	const cpu = [];
	let objective = null;
	for (let run = 0; run < RUNS; run++) {
		const cpuStarted = process.cpuUsage();
		const started = performance.now();
		const result = solveTransport(instance);
		times.push((performance.now() - started) / 1000);
		const used = process.cpuUsage(cpuStarted);
		cpu.push((used.user + used.system) / 1e6);
		objective = result.status === 'optimal' ? result.objective : null;
		globalThis.gc();
	}
	const peakMb = (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20;
	console.log(JSON.stringify({ times, cpu, objective, peakMb }));
}

async function highsCase(bundle, spec) {
	const { generateInstance, lpModel } = await load(bundle, 'instances');
	const highs = await (await import('highs')).default();
	const lp = lpModel(generateInstance({ ...spec, seed: SEED }));
	const started = performance.now();
	const solution = highs.solve(lp, {});
	const seconds = (performance.now() - started) / 1000;
	console.log(
		JSON.stringify({
			status: solution.Status,
			objective: solution.Status === 'Optimal' ? Math.round(solution.ObjectiveValue) : null,
			seconds,
			peakMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20
		})
	);
}

function round(value, digits) {
	return Number(value.toFixed(digits));
}
