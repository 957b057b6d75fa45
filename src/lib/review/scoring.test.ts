import { describe, expect, it } from 'vitest';
import { competitionRanks } from './rankings';
import {
	BIAS_MODEL_DEFAULTS,
	DISAGREEMENT_THRESHOLDS,
	ScoringError,
	callResults,
	fitJurorBias,
	isScoringError,
	needsDiscussion,
	normaliseByZScores,
	reviewTotal,
	summariseTotals,
	type Criterion,
	type JurorReview,
	type ReviewTotal
} from './scoring';

/** Weights 2, 1, 1 on scales 1–5, 0–10 and 1–5. */
const criteria: Criterion[] = [
	{ id: 'impact', weight: 2, scaleMin: 1, scaleMax: 5 },
	{ id: 'feasibility', weight: 1, scaleMin: 0, scaleMax: 10 },
	{ id: 'team', weight: 1, scaleMin: 1, scaleMax: 5 }
];

function scoringError(run: () => unknown): ScoringError {
	try {
		run();
	} catch (error) {
		if (isScoringError(error)) return error;
		throw error;
	}
	throw new Error('no ScoringError thrown');
}

function reviewsOf(rows: [applicationId: string, jurorId: string, total: number][]): ReviewTotal[] {
	return rows.map(([applicationId, jurorId, total]) => ({ applicationId, jurorId, total }));
}

/** Floats compared to 6 decimals inside whole structures (toBeCloseTo(x, 6) for one value). */
function rounded(value: number | null): number | null {
	return value === null ? null : Math.round(value * 1e6) / 1e6;
}

function roundedEntries(map: Map<string, number>): [string, number | null][] {
	return [...map].map(([id, value]) => [id, rounded(value)]);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('reviewTotal', () => {
	it('weights each score within its own scale, hand-computed 61.25', () => {
		// 100 × (2·(4−1)/4 + 1·7/10 + 1·(2−1)/4) / 4 = 100 × (1.5 + 0.7 + 0.25) / 4
		expect(reviewTotal(criteria, { impact: 4, feasibility: 7, team: 2 })).toBeCloseTo(61.25, 10);
	});
	it('moves 12.5 points per step of the double-weighted 1–5 criterion', () => {
		// 100 × (2·(2−1)/4 + 1·5/10 + 1·(2−1)/4) / 4 = 100 × 1.25 / 4 = 31.25; impact 3: 1.75 → 43.75.
		expect(reviewTotal(criteria, { impact: 2, feasibility: 5, team: 2 })).toBeCloseTo(31.25, 10);
		expect(reviewTotal(criteria, { impact: 3, feasibility: 5, team: 2 })).toBeCloseTo(43.75, 10);
	});
	it('is 0 with every score at its minimum and 100 at its maximum', () => {
		expect([
			reviewTotal(criteria, { impact: 1, feasibility: 0, team: 1 }),
			reviewTotal(criteria, { impact: 5, feasibility: 10, team: 5 })
		]).toEqual([0, 100]);
	});
	it('accepts fractional scores within the scale', () => {
		// 100 × (2·0.5 + 1·0.25 + 1·0.5) / 4 = 43.75
		expect(reviewTotal(criteria, { impact: 3, feasibility: 2.5, team: 3 })).toBeCloseTo(43.75, 10);
	});
	it('is null when a criterion is unscored, absent or undefined', () => {
		expect([
			reviewTotal(criteria, { impact: 4, feasibility: null, team: 2 }),
			reviewTotal(criteria, { impact: 4, team: 2 }),
			reviewTotal(criteria, { impact: 4, feasibility: undefined, team: 2 }),
			reviewTotal(criteria, {})
		]).toEqual([null, null, null, null]);
	});
	it('ignores scores for ids that are not criteria', () => {
		expect(reviewTotal(criteria, { impact: 4, feasibility: 7, team: 2, removed: 99 })).toBeCloseTo(
			61.25,
			10
		);
	});
	it('is null for a criterion named like an Object property that was not scored', () => {
		const named: Criterion[] = [{ id: 'constructor', weight: 1, scaleMin: 0, scaleMax: 10 }];
		expect([reviewTotal(named, {}), reviewTotal(named, { constructor: 5 })]).toEqual([null, 50]);
	});
	it('throws score_out_of_range naming the criterion for a score outside its scale', () => {
		const error = scoringError(() =>
			reviewTotal(criteria, { impact: 4, feasibility: 11, team: 2 })
		);
		expect([error.code, error.criterionId]).toEqual(['score_out_of_range', 'feasibility']);
	});
	it('throws score_out_of_range below the minimum, for NaN, and in an incomplete review', () => {
		expect(
			[
				{ impact: 0, feasibility: 5, team: 2 },
				{ impact: Number.NaN, feasibility: 5, team: 2 },
				{ impact: 3, feasibility: null, team: 6 }
			].map((scores) => {
				const error = scoringError(() => reviewTotal(criteria, scores));
				return [error.code, error.criterionId];
			})
		).toEqual([
			['score_out_of_range', 'impact'],
			['score_out_of_range', 'impact'],
			['score_out_of_range', 'team']
		]);
	});
	it('throws invalid_criteria for no criteria, a weight ≤ 0, an empty scale or a repeated id', () => {
		const one = { id: 'a', weight: 1, scaleMin: 1, scaleMax: 5 };
		expect(
			[
				[],
				[{ ...one, weight: 0 }],
				[{ ...one, weight: -1 }],
				[{ ...one, weight: Number.NaN }],
				[{ ...one, scaleMax: 1 }],
				[{ ...one, scaleMin: 6 }],
				[one, { ...one }]
			].map((invalid) => scoringError(() => reviewTotal(invalid, { a: 3 })).code)
		).toEqual(Array(7).fill('invalid_criteria'));
	});
});

describe('summariseTotals', () => {
	it('gives n, mean, median, sample SD, min and max of an even count', () => {
		// Deviations from 67.5: 2.5, −17.5, 22.5, −7.5; squares sum to 875; SD = √(875/3).
		const summary = summariseTotals([70, 50, 90, 60]);
		expect({ ...summary, sd: null }).toEqual({
			n: 4,
			mean: 67.5,
			median: 65,
			sd: null,
			min: 50,
			max: 90
		});
		expect(summary.sd).toBeCloseTo(Math.sqrt(875 / 3), 12);
	});
	it('takes the middle total as the median of an odd count', () => {
		// Deviations from 60: 20, −20, 0; SD = √(800/2) = 20.
		expect(summariseTotals([80, 40, 60])).toEqual({
			n: 3,
			mean: 60,
			median: 60,
			sd: 20,
			min: 40,
			max: 80
		});
	});
	it('has no SD for a single total', () => {
		expect(summariseTotals([42])).toEqual({
			n: 1,
			mean: 42,
			median: 42,
			sd: null,
			min: 42,
			max: 42
		});
	});
	it('is all null for no totals', () => {
		expect(summariseTotals([])).toEqual({
			n: 0,
			mean: null,
			median: null,
			sd: null,
			min: null,
			max: null
		});
	});
	it('does not reorder the totals it is given', () => {
		const totals = [3, 1, 2];
		summariseTotals(totals);
		expect(totals).toEqual([3, 1, 2]);
	});
});

describe('needsDiscussion', () => {
	const flag = (totals: number[], thresholds = {}) =>
		needsDiscussion(summariseTotals(totals), thresholds);

	it('exports the default thresholds 15 (SD) and 30 (range)', () => {
		expect(DISAGREEMENT_THRESHOLDS).toEqual({ sd: 15, range: 30 });
	});
	it('flags an SD of at least 15 with a range under 30', () => {
		// 40 and 62: SD 22/√2 ≈ 15.56, range 22.
		expect(flag([40, 62])).toBe(true);
	});
	it('flags a range of exactly 30 with an SD under 15', () => {
		// Deviations from 56: −6 (four times), 24: SD = √(720/4) ≈ 13.42, range 30.
		expect(flag([50, 50, 50, 50, 80])).toBe(true);
	});
	it('does not flag an SD under 15 and a range under 30', () => {
		// 40 and 61: SD 21/√2 ≈ 14.85, range 21.
		expect(flag([40, 61])).toBe(false);
	});
	it('does not flag a single review, however extreme', () => {
		expect([flag([0]), flag([])]).toEqual([false, false]);
	});
	it('flags an SD exactly at an overridden threshold', () => {
		// Deviations from 50: −10, 0, 10: SD = √(200/2) = 10, range 20.
		expect([flag([40, 50, 60]), flag([40, 50, 60], { sd: 10 })]).toEqual([false, true]);
	});
	it('uses an overridden range and keeps the default SD', () => {
		expect([flag([40, 60], { range: 20 }), flag([40, 60], { range: 21 })]).toEqual([true, false]);
	});
});

describe('normaliseByZScores', () => {
	it('standardises per juror and maps the mean z back by the grand mean and SD', () => {
		// J1: 60, 80 and J2: 40, 50 both give z = ∓1/√2; totals' mean 57.5, SD √(875/3).
		const { scores, grandMean, grandSd } = normaliseByZScores(
			reviewsOf([
				['x', 'J1', 60],
				['y', 'J1', 80],
				['x', 'J2', 40],
				['y', 'J2', 50]
			])
		);
		expect(grandMean).toBe(57.5);
		expect(grandSd).toBeCloseTo(Math.sqrt(875 / 3), 12);
		expect(scores.get('x')).toBeCloseTo(57.5 - Math.sqrt(875 / 6), 10);
		expect(scores.get('y')).toBeCloseTo(57.5 + Math.sqrt(875 / 6), 10);
	});
	it('gives z = 0 for a juror with one review or no spread', () => {
		// J1 gives z = ∓1/√2; J2 (one review) and J3 (50, 50) give 0. Totals' mean 62, SD √170.
		const { scores } = normaliseByZScores(
			reviewsOf([
				['x', 'J1', 60],
				['y', 'J1', 80],
				['x', 'J2', 70],
				['x', 'J3', 50],
				['y', 'J3', 50]
			])
		);
		expect(scores.get('x')).toBeCloseTo(62 - Math.sqrt(170 / 18), 10);
		expect(scores.get('y')).toBeCloseTo(62 + Math.sqrt(170 / 8), 10);
	});
	it('treats equal totals whose mean misses them in the last bit as no spread', () => {
		// (0.1 + 0.1 + 0.1) / 3 is not 0.1, so J1's deviations are not exactly 0.
		expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1);
		const { scores, grandMean, grandSd } = normaliseByZScores(
			reviewsOf([
				['x', 'J1', 0.1],
				['y', 'J1', 0.1],
				['z', 'J1', 0.1],
				['x', 'J2', 20],
				['y', 'J2', 40],
				['z', 'J2', 60]
			])
		);
		const spread = grandSd ?? Number.NaN;
		expect(scores.get('x')).toBeCloseTo((grandMean ?? 0) - spread / 2, 10);
		expect(scores.get('y')).toBeCloseTo(grandMean ?? 0, 10);
	});
	it('gives the grand mean for a single review and nothing for none', () => {
		const single = normaliseByZScores(reviewsOf([['x', 'J1', 70]]));
		const none = normaliseByZScores([]);
		expect([[...single.scores], single.grandSd, [...none.scores], none.grandMean]).toEqual([
			[['x', 70]],
			null,
			[],
			null
		]);
	});
});

/**
 * Six applications of true quality 75, 70, …, 50; jurors J1–J3 score it exactly, H scores 20
 * below. Every two jurors share one application, so the design is connected.
 */
const harshDesign = (() => {
	const quality = { A: 75, B: 70, C: 65, D: 60, E: 55, F: 50 };
	const bias = { J1: 0, J2: 0, J3: 0, H: -20 };
	const pairs: [keyof typeof quality, keyof typeof bias, keyof typeof bias][] = [
		['A', 'J1', 'H'],
		['B', 'J1', 'J2'],
		['C', 'J1', 'J3'],
		['D', 'J2', 'H'],
		['E', 'J2', 'J3'],
		['F', 'J3', 'H']
	];
	return pairs.flatMap(([application, ...jurors]) =>
		jurors.map((juror) => ({
			applicationId: application,
			jurorId: juror,
			total: quality[application] + bias[juror]
		}))
	);
})();
const harshApplications = ['A', 'B', 'C', 'D', 'E', 'F'];

describe('fitJurorBias', () => {
	it('recovers μ + a_i and b_j exactly from noise-free data on a connected design', () => {
		const next = random(7);
		const applications = Array.from({ length: 12 }, (_, i) => `a${i}`);
		const jurors = Array.from({ length: 5 }, (_, j) => `j${j}`);
		const quality = applications.map(() => 30 + 50 * next());
		// Three jurors per application, by a rotation that links every juror to every other.
		const design = applications.flatMap((_, i) => [0, 1, 3].map((step) => [i, (i + step) % 5]));
		const reviewCount = jurors.map((_, j) => design.filter(([, juror]) => juror === j).length);
		const rawBias = jurors.map(() => 20 * next() - 10);
		// Generate biases that already satisfy Σ n_j b_j = 0, so the model's μ + a_i is the truth.
		const offset = rawBias.reduce((sum, b, j) => sum + reviewCount[j] * b, 0) / design.length;
		const bias = rawBias.map((b) => b - offset);
		const model = fitJurorBias(
			design.map(([i, j]) => ({
				applicationId: applications[i],
				jurorId: jurors[j],
				total: quality[i] + bias[j]
			}))
		);
		expect([model.converged, model.components]).toEqual([true, 1]);
		applications.forEach((id, i) => expect(model.scores.get(id)).toBeCloseTo(quality[i], 6));
		jurors.forEach((id, j) => expect(model.jurorBias.get(id)).toBeCloseTo(bias[j], 6));
		expect(competitionRanks(applications.map((id) => model.scores.get(id) ?? null))).toEqual(
			competitionRanks(quality)
		);
	});
	it('puts a harsh juror at −15 and the others at +5 under Σ n_j b_j = 0', () => {
		// True biases 0, 0, 0, −20 with three reviews each: shifting by +5 centres them.
		const model = fitJurorBias(harshDesign);
		expect(roundedEntries(model.jurorBias)).toEqual([
			['J1', 5],
			['H', -15],
			['J2', 5],
			['J3', 5]
		]);
		harshApplications.forEach((id, i) => expect(model.scores.get(id)).toBeCloseTo(70 - 5 * i, 6));
		expect(model.mu).toBe(57.5);
	});
	it('leaves residuals summing to zero for every application and juror on noisy data', () => {
		const next = random(11);
		const reviews: ReviewTotal[] = [];
		for (let i = 0; i < 40; i++) {
			for (const step of [0, 2, 5]) {
				reviews.push({
					applicationId: `a${i}`,
					jurorId: `j${(i + step) % 9}`,
					total: 100 * next()
				});
			}
		}
		const model = fitJurorBias(reviews);
		const residualSums = new Map<string, number>();
		for (const { applicationId, jurorId, total } of reviews) {
			const residual =
				total - (model.scores.get(applicationId) ?? 0) - (model.jurorBias.get(jurorId) ?? 0);
			for (const key of [applicationId, jurorId]) {
				residualSums.set(key, (residualSums.get(key) ?? 0) + residual);
			}
		}
		expect(model.converged).toBe(true);
		for (const sum of residualSums.values()) expect(sum).toBeCloseTo(0, 6);
	});
	it('centres juror bias within each group of a disconnected design', () => {
		// Group 1: J1 scores 10 above J2 (±5); group 2: J3 and J4 agree. Each group keeps its level.
		const model = fitJurorBias(
			reviewsOf([
				['p', 'J1', 60],
				['q', 'J1', 70],
				['p', 'J2', 50],
				['q', 'J2', 60],
				['r', 'J3', 80],
				['s', 'J3', 90],
				['r', 'J4', 80],
				['s', 'J4', 90]
			])
		);
		expect(model.components).toBe(2);
		expect(roundedEntries(model.scores)).toEqual([
			['p', 55],
			['q', 65],
			['r', 80],
			['s', 90]
		]);
		expect(roundedEntries(model.jurorBias)).toEqual([
			['J1', 5],
			['J2', -5],
			['J3', 0],
			['J4', 0]
		]);
	});
	it('reports no convergence when the iterations run out', () => {
		const model = fitJurorBias(harshDesign, { maxIterations: 1 });
		expect([model.iterations, model.converged]).toEqual([1, false]);
	});
	it('exports its defaults: tolerance 1e-9 and at most 10,000 sweeps', () => {
		expect(BIAS_MODEL_DEFAULTS).toEqual({ tolerance: 1e-9, maxIterations: 10_000 });
	});
	it('has no μ and no scores without reviews', () => {
		expect(fitJurorBias([])).toEqual({
			mu: null,
			scores: new Map(),
			jurorBias: new Map(),
			iterations: 0,
			converged: true,
			components: 0
		});
	});
});

describe('juror normalisation with a harsh juror', () => {
	const rawMeans = harshApplications.map((id) => {
		const totals = harshDesign.filter((r) => r.applicationId === id).map((r) => r.total);
		return summariseTotals(totals).mean;
	});

	it('lets the harsh juror decide the raw ranking: B above A, E above D', () => {
		expect(rawMeans).toEqual([65, 70, 65, 50, 55, 40]);
		expect(competitionRanks(rawMeans)).toEqual([2, 1, 2, 5, 4, 6]);
	});
	it('restores the true order A–F under the bias model', () => {
		const { scores } = fitJurorBias(harshDesign);
		expect(competitionRanks(harshApplications.map((id) => scores.get(id) ?? null))).toEqual([
			1, 2, 3, 4, 5, 6
		]);
	});
	it('restores the true order A–F under z-scores', () => {
		const { scores } = normaliseByZScores(harshDesign);
		expect(competitionRanks(harshApplications.map((id) => scores.get(id) ?? null))).toEqual([
			1, 2, 3, 4, 5, 6
		]);
		// A: J1 gives z = 1 (75 of 75, 70, 65); H gives (55 − 125/3)/√(475/3); grand SD √(1875/11).
		const zA = (1 + (55 - 125 / 3) / Math.sqrt(475 / 3)) / 2;
		expect(scores.get('A')).toBeCloseTo(57.5 + zA * Math.sqrt(1875 / 11), 10);
	});
});

describe('callResults', () => {
	// Two criteria on 0–10 with equal weights: a total is 5 × (s1 + s2).
	const pair: Criterion[] = [
		{ id: 's1', weight: 1, scaleMin: 0, scaleMax: 10 },
		{ id: 's2', weight: 1, scaleMin: 0, scaleMax: 10 }
	];
	const review = (applicationId: string, jurorId: string, s1: number, s2: number | null) => ({
		applicationId,
		jurorId,
		scores: { s1, s2 }
	});
	const reviews: JurorReview[] = [
		review('A', 'J1', 8, 8),
		review('A', 'J2', 4, 4),
		review('B', 'J1', 7, 7),
		review('B', 'J2', 6, 6),
		review('C', 'J1', 5, null),
		review('C', 'J2', 5, 5)
	];

	it('gives each application its totals, statistics, normalised scores, ranks and flag', () => {
		const results = callResults({ criteria: pair, reviews, applicationIds: ['A', 'B', 'C', 'D'] });
		// Bias model: b1 − b2 = ((80 − 40) + (70 − 60)) / 2 = 25 and 2·b1 + 3·b2 = 0, so b1 = 15,
		// b2 = −10; μ = 60; A = 60 + mean(5, −10), B = 60 + mean(−5, 10), C = 50 + 10.
		// z: J1 (80, 70) gives A, B ±1/√2; J2 (40, 60, 50) gives A, B, C −1, +1, 0. So A's mean z is
		// −(1 − 1/√2)/2 and B's the opposite; totals' mean 60, SD √(1000/4).
		const zShift = ((1 - Math.SQRT1_2) / 2) * Math.sqrt(250);
		expect(
			results.applications.map((row) => ({
				...row,
				sd: rounded(row.sd),
				zNormalised: rounded(row.zNormalised),
				biasAdjusted: rounded(row.biasAdjusted)
			}))
		).toEqual([
			{
				applicationId: 'A',
				totals: [80, 40],
				incomplete: 0,
				n: 2,
				mean: 60,
				median: 60,
				sd: rounded(Math.sqrt(800)),
				min: 40,
				max: 80,
				zNormalised: rounded(60 - zShift),
				biasAdjusted: 57.5,
				rankRaw: 2,
				rankNormalised: 3,
				rankChange: -1,
				flagged: true
			},
			{
				applicationId: 'B',
				totals: [70, 60],
				incomplete: 0,
				n: 2,
				mean: 65,
				median: 65,
				sd: rounded(Math.sqrt(50)),
				min: 60,
				max: 70,
				zNormalised: rounded(60 + zShift),
				biasAdjusted: 62.5,
				rankRaw: 1,
				rankNormalised: 1,
				rankChange: 0,
				flagged: false
			},
			{
				applicationId: 'C',
				totals: [50],
				incomplete: 1,
				n: 1,
				mean: 50,
				median: 50,
				sd: null,
				min: 50,
				max: 50,
				zNormalised: 60,
				biasAdjusted: 60,
				rankRaw: 3,
				rankNormalised: 2,
				rankChange: 1,
				flagged: false
			},
			{
				applicationId: 'D',
				totals: [],
				incomplete: 0,
				n: 0,
				mean: null,
				median: null,
				sd: null,
				min: null,
				max: null,
				zNormalised: null,
				biasAdjusted: null,
				rankRaw: null,
				rankNormalised: null,
				rankChange: null,
				flagged: false
			}
		]);
	});
	it('gives the call its interval alpha on the totals, its reading and juror statistics', () => {
		const results = callResults({ criteria: pair, reviews });
		// Units (80, 40) and (70, 60); C's lone 50 is dropped. Observed 2·1600 + 2·100 = 3400;
		// expected 2·4·875 = 7000; α = 1 − 3·3400/7000 = −16/35.
		expect(results.alpha.value).toBeCloseTo(-16 / 35, 12);
		expect({ ...results.alpha, value: null }).toEqual({
			level: 'interval',
			pairableValues: 4,
			units: 2,
			value: null
		});
		expect(results.reading).toBe('unreliable');
		expect(
			results.jurorStats.map((juror) => ({
				...juror,
				sd: rounded(juror.sd),
				bias: rounded(juror.bias)
			}))
		).toEqual([
			{ jurorId: 'J1', n: 2, mean: 75, sd: rounded(Math.sqrt(50)), bias: 15 },
			{ jurorId: 'J2', n: 3, mean: 50, sd: 10, bias: -10 }
		]);
		expect(results.biasModel).toEqual({
			iterations: results.biasModel.iterations,
			converged: true,
			components: 1
		});
	});
	it('ranks by z-scores when asked', () => {
		const results = callResults({ criteria: pair, reviews, rankBy: 'z' });
		expect(results.applications.map((row) => row.rankNormalised)).toEqual([3, 1, 2]);
	});
	it('flags by overridden thresholds', () => {
		const results = callResults({ criteria: pair, reviews, thresholds: { sd: 5, range: 100 } });
		expect(results.applications.map((row) => row.flagged)).toEqual([true, true, false]);
	});
	it('gives a juror with only incomplete reviews no statistics and no bias', () => {
		const results = callResults({
			criteria: pair,
			reviews: [...reviews, review('A', 'J3', 9, null)]
		});
		expect(results.jurorStats[2]).toEqual({
			jurorId: 'J3',
			n: 0,
			mean: null,
			sd: null,
			bias: null
		});
		expect(results.applications[0].incomplete).toBe(1);
	});
	it('throws duplicate_review when a juror reviewed an application twice', () => {
		const error = scoringError(() =>
			callResults({ criteria: pair, reviews: [...reviews, review('A', 'J1', 1, 1)] })
		);
		expect(error.code).toBe('duplicate_review');
	});
	it('throws score_out_of_range and invalid_criteria from the reviews and criteria', () => {
		expect([
			scoringError(() => callResults({ criteria: pair, reviews: [review('A', 'J1', 11, 1)] })).code,
			scoringError(() => callResults({ criteria: [], reviews: [] })).code
		]).toEqual(['score_out_of_range', 'invalid_criteria']);
	});
	it('has no alpha and no ranks for a call without reviews', () => {
		const results = callResults({ criteria: pair, reviews: [], applicationIds: ['A'] });
		expect([results.alpha.value, results.reading, results.applications[0].rankRaw]).toEqual([
			null,
			'insufficient_data',
			null
		]);
	});
	it('handles 5,000 applications × 3 reviews × 6 criteria', () => {
		const next = random(2026);
		const six: Criterion[] = Array.from({ length: 6 }, (_, c) => ({
			id: `c${c}`,
			weight: 1 + (c % 3),
			scaleMin: c % 2 === 0 ? 1 : 0,
			scaleMax: c % 2 === 0 ? 5 : 10
		}));
		const jurorCount = 200;
		const severity = Array.from({ length: jurorCount }, () => next() - 0.5);
		const large: JurorReview[] = [];
		for (let i = 0; i < 5000; i++) {
			const quality = next();
			const jurors = new Set<number>();
			while (jurors.size < 3) jurors.add(Math.floor(next() * jurorCount));
			for (const j of jurors) {
				const scores = Object.fromEntries(
					six.map(({ id, scaleMin, scaleMax }) => {
						const share = Math.min(
							1,
							Math.max(0, quality + 0.3 * severity[j] + 0.2 * (next() - 0.5))
						);
						return [id, Math.round(scaleMin + share * (scaleMax - scaleMin))];
					})
				);
				large.push({ applicationId: `a${i}`, jurorId: `j${j}`, scores });
			}
		}

		const results = callResults({ criteria: six, reviews: large });
		expect(results.applications).toHaveLength(5000);
		expect(results.applications.every((row) => row.n === 3 && row.totals.length === 3)).toBe(true);
		expect(
			results.applications.every(
				(row) =>
					row.biasAdjusted !== null && row.zNormalised !== null && row.rankNormalised !== null
			)
		).toBe(true);
		expect(Math.min(...results.applications.map((row) => row.rankRaw ?? Infinity))).toBe(1);
		expect(results.jurorStats).toHaveLength(jurorCount);
		expect(results.jurorStats.reduce((sum, juror) => sum + juror.n, 0)).toBe(15_000);
		// Σ n_j b_j = 0 holds for the fitted biases.
		const weightedBias = results.jurorStats.reduce((sum, j) => sum + j.n * (j.bias ?? 0), 0);
		expect(weightedBias).toBeCloseTo(0, 6);
		expect([results.biasModel.converged, results.biasModel.components]).toEqual([true, 1]);
		expect(results.alpha.value).toEqual(expect.any(Number));
		expect(results.alpha).toMatchObject({ pairableValues: 15_000, units: 5000 });
	});
});
