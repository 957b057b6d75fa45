/**
 * Krippendorff's alpha: how far a jury's scores agree beyond chance, for any number of jurors, any
 * pattern of missing scores, and four levels of measurement. Pure maths, shared by server and UI.
 *
 * Coincidence-matrix formulation (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 * a unit with m_u ≥ 2 values adds 1/(m_u − 1) to o_ck for every ordered pair of its values (c, k)
 * taken from different coders; units with fewer than two values are not pairable and are dropped.
 * With n_c = Σ_k o_ck and n = Σ_c n_c,
 *
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck.
 */

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export type AlphaUndefinedReason =
	/** No unit has two or more values, so nothing can be compared. */
	| 'insufficient_data'
	/** Every pairable value is the same: D_e = 0 and alpha is 0/0. */
	| 'no_variation';

interface AlphaBasis {
	level: MeasurementLevel;
	/** n: the values in pairable units. */
	pairableValues: number;
	/** The units with two or more values. */
	units: number;
}

export type AlphaResult =
	(AlphaBasis & { value: number }) | (AlphaBasis & { value: null; reason: AlphaUndefinedReason });

/**
 * Alpha from a reliability data matrix: one row per coder (juror), one column per unit
 * (application); null or a hole is a missing value. Rows may differ in length.
 */
export function krippendorffAlpha(
	data: readonly (readonly (number | null | undefined)[])[],
	level: MeasurementLevel
): AlphaResult {
	const units: number[][] = [];
	for (const row of data) {
		for (let u = 0; u < row.length; u++) {
			const value = row[u];
			if (value === null || value === undefined) continue;
			(units[u] ??= []).push(value);
		}
	}
	return alphaFromUnits(
		units.filter((unit) => unit !== undefined),
		level
	);
}

/**
 * Alpha from the values each unit received. Which coder gave which value does not enter alpha, so
 * this form costs O(values) instead of O(coders × units) for a sparse design.
 */
export function alphaFromUnits(
	units: readonly (readonly number[])[],
	level: MeasurementLevel
): AlphaResult {
	for (const unit of units) {
		for (const value of unit) {
			if (!Number.isFinite(value)) throw new RangeError(`alpha: value ${value} is not finite`);
			if (level === 'ratio' && value < 0) {
				throw new RangeError(`alpha: ratio data cannot be negative (${value})`);
			}
		}
	}
	const pairable = units.filter((unit) => unit.length >= 2);
	const counts = new Map<number, number>();
	let n = 0;
	for (const unit of pairable) {
		for (const value of unit) counts.set(value, (counts.get(value) ?? 0) + 1);
		n += unit.length;
	}
	const basis: AlphaBasis = { level, pairableValues: n, units: pairable.length };
	if (pairable.length === 0) return { ...basis, value: null, reason: 'insufficient_data' };
	if (counts.size === 1) return { ...basis, value: null, reason: 'no_variation' };

	const { squaredDifference, expected } = metric(level, counts, n);
	let observed = 0;
	for (const unit of pairable) {
		let unitSum = 0;
		for (let i = 0; i < unit.length; i++) {
			for (let j = i + 1; j < unit.length; j++) unitSum += squaredDifference(unit[i], unit[j]);
		}
		// Each unordered pair stands for the two ordered pairs (c, k) and (k, c).
		observed += (2 * unitSum) / (unit.length - 1);
	}
	return { ...basis, value: 1 - ((n - 1) * observed) / expected };
}

/**
 * δ² for the level, and Σ_c Σ_k n_c n_k δ²_ck over the distinct values. For nominal, interval and
 * ordinal data the double sum has a closed form, so it costs O(V) rather than O(V²):
 *   nominal   Σ n_c n_k [c ≠ k]      = n² − Σ n_c²
 *   interval  Σ n_c n_k (c − k)²     = 2n Σ n_c (c − c̄)²
 *   ordinal   δ_ck = Σ_{g=c..k} n_g − (n_c + n_k)/2 = p_k − p_c with p_c = Σ_{g<c} n_g + n_c/2,
 *             so it is the interval sum on the positions p.
 *   ratio     δ²_ck = ((c − k)/(c + k))², summed pair by pair.
 */
function metric(
	level: MeasurementLevel,
	counts: Map<number, number>,
	n: number
): { squaredDifference: (c: number, k: number) => number; expected: number } {
	switch (level) {
		case 'nominal': {
			let sumOfSquares = 0;
			for (const count of counts.values()) sumOfSquares += count * count;
			return { squaredDifference: (c, k) => (c === k ? 0 : 1), expected: n * n - sumOfSquares };
		}
		case 'interval':
			return {
				squaredDifference: (c, k) => (c - k) ** 2,
				expected: intervalExpected([...counts], n)
			};
		case 'ordinal': {
			const position = new Map<number, number>();
			let below = 0;
			for (const [value, count] of [...counts].sort(([a], [b]) => a - b)) {
				position.set(value, below + count / 2);
				below += count;
			}
			const at = (value: number) => position.get(value) ?? 0;
			return {
				squaredDifference: (c, k) => (at(c) - at(k)) ** 2,
				expected: intervalExpected(
					[...counts].map(([value, count]) => [at(value), count]),
					n
				)
			};
		}
		case 'ratio': {
			const squaredDifference = (c: number, k: number) =>
				c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
			const entries = [...counts];
			let expected = 0;
			for (let i = 0; i < entries.length; i++) {
				for (let j = i + 1; j < entries.length; j++) {
					const [c, nc] = entries[i];
					const [k, nk] = entries[j];
					expected += 2 * nc * nk * squaredDifference(c, k);
				}
			}
			return { squaredDifference, expected };
		}
	}
}

/** 2n Σ n_c (c − c̄)², centred first so equal large values do not cancel catastrophically. */
function intervalExpected(valueCounts: readonly (readonly [number, number])[], n: number): number {
	let sum = 0;
	for (const [value, count] of valueCounts) sum += value * count;
	const mean = sum / n;
	let squares = 0;
	for (const [value, count] of valueCounts) squares += count * (value - mean) ** 2;
	return 2 * n * squares;
}

export type AlphaReading = 'reliable' | 'tentative' | 'unreliable' | 'insufficient_data';

/**
 * Krippendorff's guidance (Content Analysis, 2004, §11.4.4): rely on data with α ≥ .800; data with
 * .667 ≤ α < .800 allow only tentative conclusions; below .667, do not rely on them.
 */
export const ALPHA_THRESHOLDS = Object.freeze({ reliable: 0.8, tentative: 0.667 });

/** A language-free code for how far an alpha can be trusted; the UI translates it. */
export function alphaReading(alpha: number | null): AlphaReading {
	if (alpha === null) return 'insufficient_data';
	if (alpha >= ALPHA_THRESHOLDS.reliable) return 'reliable';
	if (alpha >= ALPHA_THRESHOLDS.tentative) return 'tentative';
	return 'unreliable';
}
