import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import highsLoader from 'highs';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	assignJury,
	type JuryAssignmentInput
} from '../../../src/lib/server/optimize/jury-assignment';
import {
	generateInstance,
	lpModel,
	seededRandom,
	type InstanceOptions
} from '../../../src/lib/server/optimize/instances';
import {
	runJuryAssignment,
	solveInWorker,
	SolverTimeoutError,
	stopSolverWorker
} from '../../../src/lib/server/optimize/run-assignment';
import { solveTransport, type TransportInstance } from '../../../src/lib/server/optimize/transport';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;

beforeAll(async () => {
	highs = await highsLoader();
});

afterAll(async () => {
	await stopSolverWorker();
});

/** HiGHS's optimum of the same instance, or null if it finds the LP infeasible. */
function highsOptimum(instance: TransportInstance): number | null {
	const solution = highs.solve(lpModel(instance), {});
	if (solution.Status === 'Infeasible') return null;
	expect(solution.Status).toBe('Optimal');
	return Math.round(solution.ObjectiveValue);
}

function expectSameOptimum(instance: TransportInstance) {
	const ours = solveTransport(instance);
	const theirs = highsOptimum(instance);
	expect(ours.status === 'optimal' ? ours.objective : null).toBe(theirs);
	return ours;
}

const sizes: [number, number][] = [
	[30, 8],
	[120, 15],
	[300, 25]
];
const variants: { name: string; options: Partial<InstanceOptions> }[] = [
	{ name: 'conflicts', options: {} },
	{
		name: 'languages and fixed pairs',
		options: { languages: 2, fixedRate: 0.15, slack: 1.5, conflictRate: 0.02 }
	},
	{ name: 'tight capacity, cheap ties', options: { slack: 1.0, maxWeight: 4 } }
];

describe('assignment solver against HiGHS', () => {
	for (const [apps, jurors] of sizes) {
		for (const dist of ['uniform', 'correlated'] as const) {
			for (const { name, options } of variants) {
				it(`${apps}×${jurors} ${dist}, ${name}: same optimum`, () => {
					for (const seed of [1, 2]) {
						expectSameOptimum(generateInstance({ apps, jurors, dist, seed, ...options }));
					}
				});
			}
		}
	}

	it('300×25 with a number of reviewers per application: same optimum', () => {
		const instance = generateInstance({ apps: 300, jurors: 25, dist: 'correlated', seed: 4 });
		const random = seededRandom(4);
		instance.demand = Int32Array.from({ length: 300 }, () => 1 + Math.floor(random() * 4));
		expectSameOptimum(instance);
	});

	it('2,400×40 correlated (the sampled warm start): same optimum', () => {
		expectSameOptimum(
			generateInstance({ apps: 2400, jurors: 40, dist: 'correlated', seed: 9, languages: 2 })
		);
	});

	it('an instance without enough capacity: both infeasible', () => {
		const instance = generateInstance({
			apps: 120,
			jurors: 15,
			dist: 'uniform',
			seed: 3,
			slack: 0.9
		});
		expect(expectSameOptimum(instance).status).toBe('infeasible');
	});
});

/** A domain instance: applications in three languages with tags, jurors reading some of them. */
function juryInput(apps: number, jurors: number, seed: number): JuryAssignmentInput {
	const random = seededRandom(seed);
	const tags = ['food', 'energy', 'textile', 'health', 'youth', 'digital', 'craft', 'water'];
	const pick = (count: number) => tags.filter(() => random() < count / tags.length);
	const languages = ['en', 'sv', 'de'];
	const input: JuryAssignmentInput = {
		k: 3,
		applications: Array.from({ length: apps }, (_, i) => ({
			id: `a${i}`,
			language: random() < 0.6 ? 'en' : languages[1 + Math.floor(random() * 2)],
			tags: pick(2)
		})),
		jurors: Array.from({ length: jurors }, (_, j) => ({
			id: `j${j}`,
			languages: languages.filter((l) => l === 'en' || random() < 0.5),
			tags: pick(3),
			capacity: Math.ceil(((apps * 3) / jurors) * 1.3)
		})),
		conflicts: [],
		removed: [],
		fixed: []
	};
	for (let c = 0; c < apps / 10; c++) {
		const pair = {
			applicationId: `a${Math.floor(random() * apps)}`,
			jurorId: `j${Math.floor(random() * jurors)}`
		};
		(random() < 0.5 ? input.conflicts : input.removed).push(pair);
	}
	return input;
}

describe('the solver in a worker thread', () => {
	it('returns what the direct call returns, with the arrays transferred', async () => {
		const options = { apps: 400, jurors: 30, dist: 'correlated', seed: 8, fixedRate: 0.1 } as const;
		const direct = solveTransport(generateInstance(options));
		const instance = generateInstance(options);
		expect(await solveInWorker(instance)).toEqual(direct);
		expect(instance.weight.length).toBe(0);
	});

	it('keeps the caller’s arrays when asked', async () => {
		const instance = generateInstance({ apps: 50, jurors: 6, dist: 'uniform', seed: 2 });
		const direct = solveTransport(instance);
		expect(await solveInWorker(instance, { transfer: false })).toEqual(direct);
		expect(instance.weight.length).toBe(50 * 6);
	});

	it('runs a jury assignment like assignJury', async () => {
		const input = juryInput(300, 20, 5);
		const direct = assignJury(input);
		expect(direct.status).toBe('optimal');
		expect(await runJuryAssignment(input)).toEqual(direct);
	});

	it('explains an infeasible jury assignment like assignJury', async () => {
		const input = { ...juryInput(300, 20, 5), k: 6 };
		const direct = assignJury(input);
		expect(direct.status).toBe('infeasible');
		expect(await runJuryAssignment(input)).toEqual(direct);
	});

	it('surfaces a solver error as a rejection', async () => {
		const instance = generateInstance({ apps: 10, jurors: 3, dist: 'uniform', seed: 1 });
		await expect(
			solveInWorker({ ...instance, capacity: new Int32Array(2) }, { transfer: false })
		).rejects.toThrow(RangeError);
	});

	it('rejects a job that outlives its timeout, then serves the next one', async () => {
		const big = generateInstance({ apps: 3000, jurors: 100, dist: 'correlated', seed: 1 });
		await expect(solveInWorker(big, { timeoutMs: 5 })).rejects.toBeInstanceOf(SolverTimeoutError);
		const small = generateInstance({ apps: 40, jurors: 5, dist: 'uniform', seed: 6 });
		expect(await solveInWorker(small, { transfer: false })).toEqual(solveTransport(small));
	});
});

describe('the worker in the server bundle', () => {
	it('runs from code bundled like the production server', { timeout: 60_000 }, async () => {
		// Vite's SSR build (the bundler SvelteKit's server build uses) rewrites the solver's code, e.g.
		// a class becomes `var Auction = class { … }`; the shipped source must survive that.
		const outDir = mkdtempSync(join(tmpdir(), 'tandem-optimize-bundle-'));
		try {
			await build({
				configFile: false,
				logLevel: 'silent',
				build: {
					ssr: true,
					outDir,
					minify: false,
					rollupOptions: {
						input: {
							'run-assignment': 'src/lib/server/optimize/run-assignment.ts',
							instances: 'src/lib/server/optimize/instances.ts'
						},
						output: { format: 'es', entryFileNames: '[name].js' }
					}
				}
			});
			const input = juryInput(200, 15, 3);
			writeFileSync(join(outDir, 'input.json'), JSON.stringify(input));
			const script = `
				import { readFileSync } from 'node:fs';
				import { generateInstance } from './instances.js';
				import { runJuryAssignment, solveInWorker, stopSolverWorker } from './run-assignment.js';
				const transport = await solveInWorker(generateInstance(${JSON.stringify(options)}));
				const jury = await runJuryAssignment(JSON.parse(readFileSync('./input.json', 'utf8')));
				await stopSolverWorker();
				console.log(JSON.stringify({ transport: { ...transport, pairs: Array.from(transport.pairs) }, jury }));
			`;
			writeFileSync(join(outDir, 'check.mjs'), script);
			const { stdout } = await promisify(execFile)(process.execPath, ['check.mjs'], {
				cwd: outDir
			});
			const direct = solveTransport(generateInstance(options));
			expect(JSON.parse(stdout)).toEqual({
				transport: {
					...direct,
					pairs: direct.status === 'optimal' ? Array.from(direct.pairs) : []
				},
				jury: assignJury(input)
			});
		} finally {
			rmSync(outDir, { recursive: true, force: true });
		}
	});
});

const options = { apps: 2400, jurors: 40, dist: 'correlated', seed: 2 } as const;
