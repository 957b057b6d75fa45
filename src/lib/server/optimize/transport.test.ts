import { describe, expect, it } from 'vitest';
import { generateInstance, seededRandom } from './instances';
import { solveTransport, type TransportInstance, type TransportResult } from './transport';

/** An instance from a weight matrix; `null` marks a forbidden pair. */
function instance(
	weights: (number | null)[][],
	capacity: number[],
	demand: number | number[],
	fixed?: [number, number][]
): TransportInstance {
	const n = weights.length;
	const m = capacity.length;
	return {
		apps: n,
		jurors: m,
		demand: typeof demand === 'number' ? demand : Int32Array.from(demand),
		capacity: Int32Array.from(capacity),
		weight: Int32Array.from(weights.flat(), (w) => w ?? 0),
		allowed: Uint8Array.from(weights.flat(), (w) => (w === null ? 0 : 1)),
		fixed
	};
}

function pairsOf(result: TransportResult): [number, number][] {
	if (result.status !== 'optimal') throw new Error(`infeasible: ${JSON.stringify(result)}`);
	const pairs: [number, number][] = [];
	for (let p = 0; p < result.pairs.length; p += 2)
		pairs.push([result.pairs[p], result.pairs[p + 1]]);
	return pairs;
}

/** Checks every constraint and returns the total weight of the pairs. */
function check(problem: TransportInstance, result: TransportResult): number {
	const { apps: n, jurors: m } = problem;
	const pairs = pairsOf(result);
	const perApp = new Map<number, number[]>();
	const load = new Int32Array(m);
	let total = 0;
	for (const [i, j] of pairs) {
		expect(problem.allowed[i * m + j]).toBe(1);
		perApp.set(i, [...(perApp.get(i) ?? []), j]);
		load[j]++;
		total += problem.weight[i * m + j];
	}
	for (let i = 0; i < n; i++) {
		const jurors = perApp.get(i) ?? [];
		const k = typeof problem.demand === 'number' ? problem.demand : problem.demand[i];
		expect(jurors).toHaveLength(k);
		expect(new Set(jurors).size).toBe(k);
	}
	for (let j = 0; j < m; j++) expect(load[j]).toBeLessThanOrEqual(problem.capacity[j]);
	for (const [i, j] of (problem.fixed ?? []) as [number, number][]) {
		expect(perApp.get(i)).toContain(j);
	}
	expect(result.status === 'optimal' && result.objective).toBe(total);
	return total;
}

/** The best total weight by trying every choice of jurors for every application. */
function bruteForce(problem: TransportInstance): number | null {
	const { apps: n, jurors: m } = problem;
	const fixed = new Set(((problem.fixed ?? []) as [number, number][]).map(([i, j]) => i * m + j));
	const choices: number[][][] = [];
	for (let i = 0; i < n; i++) {
		const k = typeof problem.demand === 'number' ? problem.demand : problem.demand[i];
		const options: number[][] = [];
		for (let mask = 0; mask < 1 << m; mask++) {
			const set = [...Array(m).keys()].filter((j) => mask & (1 << j));
			if (set.length !== k || set.some((j) => !problem.allowed[i * m + j])) continue;
			if ([...Array(m).keys()].some((j) => fixed.has(i * m + j) && !set.includes(j))) continue;
			options.push(set);
		}
		choices.push(options);
	}
	let best: number | null = null;
	const load = new Int32Array(m);
	const walk = (i: number, total: number) => {
		if (i === n) {
			if (best === null || total > best) best = total;
			return;
		}
		for (const set of choices[i]) {
			if (set.some((j) => load[j] >= problem.capacity[j])) continue;
			for (const j of set) load[j]++;
			walk(i + 1, total + set.reduce((sum, j) => sum + problem.weight[i * m + j], 0));
			for (const j of set) load[j]--;
		}
	};
	walk(0, 0);
	return best;
}

describe('solveTransport', () => {
	it('trades a best pair for a better total', () => {
		// Greedy gives application 0 its best juror (5) and leaves 1 with 1: 6. The optimum is 4 + 4.
		const result = solveTransport(
			instance(
				[
					[5, 4],
					[4, 1]
				],
				[1, 1],
				1
			)
		);
		expect(pairsOf(result)).toEqual([
			[0, 1],
			[1, 0]
		]);
		expect(result.status === 'optimal' && result.objective).toBe(8);
	});

	it('gives each application k distinct jurors within capacities', () => {
		const problem = instance(
			[
				[9, 8, 7, 1],
				[9, 8, 1, 7],
				[9, 1, 8, 7]
			],
			[1, 2, 2, 2],
			2
		);
		// Only one application gets juror 0 (17); the others take their best pair without it (15).
		expect(check(problem, solveTransport(problem))).toBe(47);
	});

	it('never uses a forbidden pair, even the best one', () => {
		const problem = instance(
			[
				[null, 1, 1],
				[100, null, 1]
			],
			[2, 2, 2],
			2
		);
		expect(pairsOf(solveTransport(problem))).toEqual([
			[0, 1],
			[0, 2],
			[1, 0],
			[1, 2]
		]);
	});

	it('keeps fixed pairs, counting them in k and in the load', () => {
		// Juror 0 is everyone's favourite but has one place, pinned to application 1.
		const problem = instance(
			[
				[10, 1, 2],
				[10, 1, 2]
			],
			[1, 2, 2],
			2,
			[[1, 0]]
		);
		const result = solveTransport(problem);
		expect(pairsOf(result)).toEqual([
			[0, 1],
			[0, 2],
			[1, 0],
			[1, 2]
		]);
		expect(check(problem, result)).toBe(15);
	});

	it('keeps a fixed pair that is worse than the alternatives', () => {
		const problem = instance([[0, 5, 5]], [1, 1, 1], 2, [[0, 0]]);
		expect(check(problem, solveTransport(problem))).toBe(5);
	});

	it('takes a number of reviewers per application', () => {
		const problem = instance(
			[
				[3, 2, 1],
				[3, 2, 1],
				[3, 2, 1]
			],
			[3, 3, 3],
			[3, 1, 0]
		);
		expect(pairsOf(solveTransport(problem))).toEqual([
			[0, 0],
			[0, 1],
			[0, 2],
			[1, 0]
		]);
	});

	it('matches exhaustive search on small random instances', () => {
		const random = seededRandom(11);
		let solved = 0;
		for (let round = 0; round < 150; round++) {
			const n = 1 + Math.floor(random() * 4);
			const m = 2 + Math.floor(random() * 3);
			const k = 1 + Math.floor(random() * Math.min(2, m));
			const weights = Array.from({ length: n }, () =>
				Array.from({ length: m }, () => (random() < 0.15 ? null : Math.floor(random() * 6) - 1))
			);
			const capacity = Array.from({ length: m }, () => Math.floor(random() * (n + 1)));
			const fixed: [number, number][] = [];
			if (random() < 0.3) {
				const i = Math.floor(random() * n);
				const j = Math.floor(random() * m);
				if (weights[i][j] !== null && capacity[j] > 0) fixed.push([i, j]);
			}
			const problem = instance(weights, capacity, k, fixed);
			const best = bruteForce(problem);
			const result = solveTransport(problem);
			if (best === null) {
				expect(result.status).toBe('infeasible');
			} else {
				expect(check(problem, result)).toBe(best);
				solved++;
			}
		}
		expect(solved).toBeGreaterThan(50);
	});

	it('returns the same assignment for the same instance, ties included', () => {
		const problem = generateInstance({
			apps: 60,
			jurors: 8,
			seed: 3,
			dist: 'uniform',
			maxWeight: 2
		});
		const first = solveTransport(problem);
		expect(solveTransport(problem)).toEqual(first);
		check(problem, first);
	});

	it('handles an instance with no applications', () => {
		const result = solveTransport(instance([], [2, 2], 3));
		expect(result).toEqual({ status: 'optimal', objective: 0, pairs: new Int32Array(0) });
	});

	it('reports a fixed pair that is not allowed', () => {
		const result = solveTransport(instance([[null, 1]], [1, 1], 1, [[0, 0]]));
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'fixed_not_allowed', app: 0, juror: 0 }]
		});
	});

	it('reports more fixed pairs than an application needs', () => {
		const problem = instance([[1, 1, 1]], [1, 1, 1], 2, [
			[0, 0],
			[0, 1],
			[0, 2]
		]);
		expect(solveTransport(problem)).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'fixed_over_demand', app: 0, fixed: 3, demand: 2 }]
		});
	});

	it('reports more fixed pairs than a juror can take', () => {
		const problem = instance([[1], [1], [1]], [2], 1, [
			[0, 0],
			[1, 0],
			[2, 0]
		]);
		expect(solveTransport(problem)).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'fixed_over_capacity', juror: 0, fixed: 3, capacity: 2 }]
		});
	});

	it('names an application with too few eligible jurors', () => {
		const problem = instance(
			[
				[1, 1, null, null],
				[1, 1, 1, 1]
			],
			[5, 5, 5, 5],
			3
		);
		expect(solveTransport(problem)).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'blocked', apps: [0], jurors: [], needed: 3, available: 2 }]
		});
	});

	it('names the group whose eligible jurors cannot take its reviews', () => {
		// Applications 0–2 can only be read by jurors 0 and 1 (capacity 2 each): 6 reviews, 4 places.
		// Application 3 can be reviewed by anyone and does not belong to the group.
		const problem = instance(
			[
				[1, 1, null, null],
				[1, 1, null, null],
				[1, 1, null, null],
				[1, 1, 1, 1]
			],
			[2, 2, 9, 9],
			2
		);
		expect(solveTransport(problem)).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'blocked', apps: [0, 1, 2], jurors: [0, 1], needed: 6, available: 4 }]
		});
	});

	it('counts fixed reviews and other eligible jurors in a group', () => {
		// Application 0 needs 3: its fixed review by juror 2 and juror 0's single place make 2.
		const problem = instance(
			[
				[1, null, 1, null],
				[null, 1, 1, 1]
			],
			[1, 5, 5, 5],
			3,
			[[0, 2]]
		);
		expect(solveTransport(problem)).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'blocked', apps: [0], jurors: [], needed: 3, available: 2 }]
		});
	});

	it('rejects arrays of the wrong size', () => {
		expect(() =>
			solveTransport({ ...instance([[1, 1]], [1, 1], 1), capacity: new Int32Array(3) })
		).toThrow(RangeError);
	});
});
