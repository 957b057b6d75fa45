/**
 * Seeded random jury-assignment instances, shared by the optimality tests and the bench so both
 * measure the same thing. `uniform`: every affinity is independent noise. `correlated`: affinity =
 * 0.7 × the juror's popularity + 0.3 × noise, so every application wants the same jurors and the
 * load caps bind — the hard case for flow algorithms, and the realistic one.
 */
import type { TransportInstance } from './transport';

export type AffinityDistribution = 'uniform' | 'correlated';

export interface InstanceOptions {
	apps: number;
	jurors: number;
	seed: number;
	dist: AffinityDistribution;
	/** Reviewers per application. */
	k?: number;
	/** Share of pairs forbidden at random (conflicts of interest, pairs removed by the manager). */
	conflictRate?: number;
	/** Juror capacity = ceil(apps × k / jurors × slack). */
	slack?: number;
	/** Affinities are integers in [0, maxWeight]. */
	maxWeight?: number;
	/**
	 * Number of languages (0 = none). An application is in language 0 with probability ½, else in one
	 * of the others; a juror reads language 0 with probability 0.8 and each other one with 0.4 (and
	 * language 0 if none came up). Pairs across languages are forbidden.
	 */
	languages?: number;
	/** Share of applications with one pinned reviewer (a random allowed juror with room left). */
	fixedRate?: number;
}

/** mulberry32: small, fast, good enough for test data, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function generateInstance(options: InstanceOptions): TransportInstance {
	const {
		apps: n,
		jurors: m,
		seed,
		dist,
		k = 3,
		conflictRate = 0.05,
		slack = 1.1,
		maxWeight = 1000,
		languages = 0,
		fixedRate = 0
	} = options;
	const random = seededRandom(seed);
	const weight = new Int32Array(n * m);
	const allowed = new Uint8Array(n * m);
	const capacity = new Int32Array(m).fill(Math.ceil(((n * k) / m) * slack));

	const popularity = Float64Array.from({ length: m }, () => random());
	const appLanguage = Int32Array.from({ length: n }, () =>
		languages > 1 && random() >= 0.5 ? 1 + Math.floor(random() * (languages - 1)) : 0
	);
	const reads = Array.from({ length: m }, () => {
		const read = Array.from(
			{ length: Math.max(1, languages) },
			(_, l) => random() < (l === 0 ? 0.8 : 0.4)
		);
		if (!read.includes(true)) read[0] = true;
		return read;
	});

	for (let i = 0; i < n; i++) {
		for (let j = 0; j < m; j++) {
			const noise = random();
			const affinity = dist === 'uniform' ? noise : 0.7 * popularity[j] + 0.3 * noise;
			weight[i * m + j] = Math.round(affinity * maxWeight);
			const conflict = random() < conflictRate;
			allowed[i * m + j] = !conflict && (languages === 0 || reads[j][appLanguage[i]]) ? 1 : 0;
		}
	}

	const fixed: [number, number][] = [];
	if (fixedRate > 0) {
		const pinned = new Int32Array(m);
		for (let i = 0; i < n; i++) {
			if (random() >= fixedRate) continue;
			const start = Math.floor(random() * m);
			for (let step = 0; step < m; step++) {
				const j = (start + step) % m;
				if (allowed[i * m + j] && pinned[j] < capacity[j] / 2) {
					pinned[j]++;
					fixed.push([i, j]);
					break;
				}
			}
		}
	}

	return { apps: n, jurors: m, demand: k, capacity, weight, allowed, fixed };
}

/**
 * The instance as a linear program in CPLEX LP format, for HiGHS: maximise Σ w·x subject to
 * Σ_j x_ij = k_i, Σ_i x_ij ≤ capacity_j, 0 ≤ x ≤ 1, x = 1 on fixed pairs. The constraint matrix is
 * totally unimodular, so the LP optimum is integral and equals the assignment optimum.
 */
export function lpModel(instance: TransportInstance): string {
	const { apps: n, jurors: m, weight, allowed, capacity } = instance;
	const demandOf = (i: number) =>
		typeof instance.demand === 'number' ? instance.demand : instance.demand[i];
	const fixed = new Set<number>();
	const pinned = instance.fixed ?? [];
	if (ArrayBuffer.isView(pinned)) {
		for (let f = 0; f < pinned.length; f += 2) fixed.add(pinned[f] * m + pinned[f + 1]);
	} else {
		for (const [i, j] of pinned) fixed.add(i * m + j);
	}
	const lines: string[] = [];
	// Long sums are cut into lines of 16 terms (the format allows a sum to span lines).
	const sum = (terms: string[]) =>
		terms
			.map(
				(term, t) =>
					(t > 0 && t % 16 === 0 ? '\n ' : '') + (t > 0 && term[0] !== '-' ? '+ ' : '') + term
			)
			.join(' ');
	const objective: string[] = [];
	for (let at = 0; at < n * m; at++) {
		if (!allowed[at]) continue;
		const w = weight[at];
		objective.push(`${w < 0 ? '- ' : ''}${Math.abs(w)} x${at}`);
	}
	lines.push('Maximize', ` obj: ${sum(objective)}`, 'Subject To');
	for (let i = 0; i < n; i++) {
		const terms: string[] = [];
		for (let j = 0; j < m; j++) if (allowed[i * m + j]) terms.push(`x${i * m + j}`);
		// An application without eligible jurors gets a variable fixed at 0: the LP is infeasible.
		if (terms.length === 0) terms.push('none');
		lines.push(` a${i}: ${sum(terms)} = ${demandOf(i)}`);
	}
	for (let j = 0; j < m; j++) {
		const terms: string[] = [];
		for (let i = 0; i < n; i++) if (allowed[i * m + j]) terms.push(`x${i * m + j}`);
		if (terms.length > 0) lines.push(` j${j}: ${sum(terms)} <= ${capacity[j]}`);
	}
	lines.push('Bounds');
	for (let at = 0; at < n * m; at++) {
		if (allowed[at]) lines.push(fixed.has(at) ? ` x${at} = 1` : ` 0 <= x${at} <= 1`);
	}
	lines.push(' none = 0', 'End', '');
	return lines.join('\n');
}
