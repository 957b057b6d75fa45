/**
 * The jury's scoring maths: review totals, per-application statistics, juror normalisation, the
 * disagreement flag, and the results of a whole call. Pure functions without I/O, shared by the
 * server and the UI; every score here is on the 0–100 scale of `reviewTotal`.
 */
import { alphaFromUnits, alphaReading, type AlphaReading, type AlphaResult } from './krippendorff';
import { rankApplications } from './rankings';

export interface Criterion {
	id: string;
	/** Relative weight, > 0; only the ratios between a call's weights matter. */
	weight: number;
	scaleMin: number;
	scaleMax: number;
}

/** One review's scores by criterion id; null or absent means not scored yet. */
export type CriterionScores = Readonly<Record<string, number | null | undefined>>;

export type ScoringErrorCode = 'score_out_of_range' | 'invalid_criteria' | 'duplicate_review';

/**
 * Thrown for input the maths cannot score. The server maps it to `AppError('invalid_input')`
 * ($lib/server is not importable here, since the UI shares this module).
 */
export class ScoringError extends Error {
	constructor(
		readonly code: ScoringErrorCode,
		message?: string,
		/** The criterion at fault, for score_out_of_range and invalid_criteria. */
		readonly criterionId?: string
	) {
		super(message ?? code);
		this.name = 'ScoringError';
	}
}

export function isScoringError(error: unknown): error is ScoringError {
	return error instanceof ScoringError;
}

function assertCriteria(criteria: readonly Criterion[]): void {
	if (criteria.length === 0) throw new ScoringError('invalid_criteria', 'no criteria');
	const ids = new Set<string>();
	for (const { id, weight, scaleMin, scaleMax } of criteria) {
		if (ids.has(id)) throw new ScoringError('invalid_criteria', `criterion ${id} is repeated`, id);
		ids.add(id);
		if (!(Number.isFinite(weight) && weight > 0)) {
			throw new ScoringError('invalid_criteria', `criterion ${id}: weight ${weight}`, id);
		}
		if (!(Number.isFinite(scaleMin) && Number.isFinite(scaleMax) && scaleMax > scaleMin)) {
			throw new ScoringError(
				'invalid_criteria',
				`criterion ${id}: scale ${scaleMin}–${scaleMax}`,
				id
			);
		}
	}
}

/**
 * The weighted total of one review on a 0–100 scale. Each score is first placed on 0–1 within its
 * criterion's own scale, so a 1–5 and a 0–10 criterion count by their weights alone:
 *
 *   total = 100 × Σ_c w_c · (s_c − min_c) / (max_c − min_c) / Σ_c w_c
 *
 * Returns null when any criterion is unscored (an incomplete review has no total); throws
 * `score_out_of_range` for a score outside its scale, even in an incomplete review. Scores for ids
 * that are not criteria are ignored.
 */
export function reviewTotal(
	criteria: readonly Criterion[],
	scores: CriterionScores
): number | null {
	assertCriteria(criteria);
	return weightedTotal(criteria, scores);
}

/** reviewTotal for criteria already checked. */
function weightedTotal(criteria: readonly Criterion[], scores: CriterionScores): number | null {
	let weighted = 0;
	let weights = 0;
	let complete = true;
	for (const { id, weight, scaleMin, scaleMax } of criteria) {
		const score = Object.hasOwn(scores, id) ? scores[id] : undefined;
		if (score === null || score === undefined) {
			complete = false;
			continue;
		}
		if (!(Number.isFinite(score) && score >= scaleMin && score <= scaleMax)) {
			throw new ScoringError(
				'score_out_of_range',
				`criterion ${id}: ${score} is outside ${scaleMin}–${scaleMax}`,
				id
			);
		}
		weighted += (weight * (score - scaleMin)) / (scaleMax - scaleMin);
		weights += weight;
	}
	return complete ? (100 * weighted) / weights : null;
}

export interface TotalsSummary {
	n: number;
	mean: number | null;
	median: number | null;
	/** Sample standard deviation (divisor n − 1); null below two totals. */
	sd: number | null;
	min: number | null;
	max: number | null;
}

function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

/** Two passes (mean, then squared deviations): stable for totals far from zero. */
function sampleSd(values: ArrayLike<number>, valuesMean: number): number | null {
	if (values.length < 2) return null;
	let squares = 0;
	for (let i = 0; i < values.length; i++) squares += (values[i] - valuesMean) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}

/** n, mean, median, sample SD, min and max of one application's review totals. */
export function summariseTotals(totals: readonly number[]): TotalsSummary {
	const n = totals.length;
	if (n === 0) return { n, mean: null, median: null, sd: null, min: null, max: null };
	const sorted = [...totals].sort((a, b) => a - b);
	const middle = n >> 1;
	const average = mean(totals);
	return {
		n,
		mean: average,
		median: n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
		sd: sampleSd(totals, average),
		min: sorted[0],
		max: sorted[n - 1]
	};
}

export interface DisagreementThresholds {
	/** Flag when the sample SD of the totals is at least this. */
	sd: number;
	/** Flag when max − min of the totals is at least this. */
	range: number;
}

/** On the 0–100 scale: jurors 15 points apart in SD, or 30 in range, should talk it over. */
export const DISAGREEMENT_THRESHOLDS: Readonly<DisagreementThresholds> = Object.freeze({
	sd: 15,
	range: 30
});

/**
 * Whether the jurors disagree enough on an application to discuss it: at least two totals, and
 * SD ≥ thresholds.sd or range ≥ thresholds.range (each defaulting to DISAGREEMENT_THRESHOLDS).
 */
export function needsDiscussion(
	summary: TotalsSummary,
	thresholds: Partial<DisagreementThresholds> = {}
): boolean {
	const { sd, range } = { ...DISAGREEMENT_THRESHOLDS, ...thresholds };
	if (summary.n < 2 || summary.sd === null || summary.min === null || summary.max === null) {
		return false;
	}
	return summary.sd >= sd || summary.max - summary.min >= range;
}

/** One complete review's total, as the normalisations take it. */
export interface ReviewTotal {
	applicationId: string;
	jurorId: string;
	total: number;
}

/** Reviews as parallel arrays of indices, so the iterations below run on numbers only. */
interface IndexedReviews {
	applicationIds: string[];
	jurorIds: string[];
	application: Int32Array;
	juror: Int32Array;
	total: Float64Array;
}

function indexReviews(reviews: readonly ReviewTotal[]): IndexedReviews {
	const applicationIndex = new Map<string, number>();
	const jurorIndex = new Map<string, number>();
	const indexed: IndexedReviews = {
		applicationIds: [],
		jurorIds: [],
		application: new Int32Array(reviews.length),
		juror: new Int32Array(reviews.length),
		total: new Float64Array(reviews.length)
	};
	const indexOf = (index: Map<string, number>, ids: string[], id: string) => {
		let found = index.get(id);
		if (found === undefined) {
			found = ids.push(id) - 1;
			index.set(id, found);
		}
		return found;
	};
	reviews.forEach((review, r) => {
		indexed.application[r] = indexOf(
			applicationIndex,
			indexed.applicationIds,
			review.applicationId
		);
		indexed.juror[r] = indexOf(jurorIndex, indexed.jurorIds, review.jurorId);
		indexed.total[r] = review.total;
	});
	return indexed;
}

/** How many reviews each application (or juror) has: `of` is `application` or `juror`. */
function countBy(of: Int32Array, size: number): Float64Array {
	const counts = new Float64Array(size);
	for (let r = 0; r < of.length; r++) counts[of[r]]++;
	return counts;
}

/**
 * A juror whose totals vary by less than this (on 0–100) has no spread to standardise by: the
 * mean of equal floats can miss them in the last bit, which would turn 0/0 into a huge z.
 */
const NO_SPREAD = 1e-9;

export interface ZScoreNormalisation {
	/** Per application: grandMean + z̄ × grandSd, on the 0–100 scale. */
	scores: Map<string, number>;
	grandMean: number | null;
	grandSd: number | null;
}

/**
 * Juror normalisation by z-scores. Each juror's totals are standardised over the applications they
 * reviewed, z = (x − mean_j) / sd_j (sample SD); a juror with one review, or no spread, gives
 * z = 0. An application's z̄ is the mean of its reviews' z, mapped back to the scale of the raw
 * totals as grandMean + z̄ × grandSd over all review totals. This assumes each juror saw a
 * comparable mix of applications; the bias model below does not.
 */
export function normaliseByZScores(reviews: readonly ReviewTotal[]): ZScoreNormalisation {
	const { applicationIds, jurorIds, application, juror, total } = indexReviews(reviews);
	if (total.length === 0) return { scores: new Map(), grandMean: null, grandSd: null };

	const jurorCount = countBy(juror, jurorIds.length);
	const jurorMean = new Float64Array(jurorIds.length);
	for (let r = 0; r < total.length; r++) jurorMean[juror[r]] += total[r];
	for (let j = 0; j < jurorIds.length; j++) jurorMean[j] /= jurorCount[j];
	const jurorSd = new Float64Array(jurorIds.length);
	for (let r = 0; r < total.length; r++) jurorSd[juror[r]] += (total[r] - jurorMean[juror[r]]) ** 2;
	for (let j = 0; j < jurorIds.length; j++) {
		jurorSd[j] = jurorCount[j] < 2 ? 0 : Math.sqrt(jurorSd[j] / (jurorCount[j] - 1));
	}

	const zSum = new Float64Array(applicationIds.length);
	for (let r = 0; r < total.length; r++) {
		const j = juror[r];
		if (jurorSd[j] > NO_SPREAD) zSum[application[r]] += (total[r] - jurorMean[j]) / jurorSd[j];
	}
	const applicationCount = countBy(application, applicationIds.length);
	const grandMean = mean(total);
	const grandSd = sampleSd(total, grandMean);
	const scores = new Map<string, number>();
	applicationIds.forEach((id, i) => {
		scores.set(id, grandMean + (zSum[i] / applicationCount[i]) * (grandSd ?? 0));
	});
	return { scores, grandMean, grandSd };
}

export interface BiasModelOptions {
	/** Stop when no a_i or b_j moves by more than this in a sweep. */
	tolerance?: number;
	maxIterations?: number;
}

export const BIAS_MODEL_DEFAULTS = Object.freeze({ tolerance: 1e-9, maxIterations: 10_000 });

export interface BiasModel {
	/** μ: the mean of all review totals; null without reviews. */
	mu: number | null;
	/** Per application: μ + a_i, the total it would get from a juror of average severity. */
	scores: Map<string, number>;
	/** Per juror: b_j, how far above (+) or below (−) the others they score the same work. */
	jurorBias: Map<string, number>;
	iterations: number;
	converged: boolean;
	/**
	 * Groups of applications and jurors linked by reviews. Above 1, scores in different groups rest
	 * on the assumption that each group's jurors are on average neither harsh nor lenient.
	 */
	components: number;
}

/**
 * Juror normalisation by a least-squares juror-bias model:
 *
 *   total_ij = μ + a_i + b_j + ε_ij     with μ = the mean of all totals
 *
 * fitted by backfitting (alternating least squares): a_i ← mean over i's reviews of
 * (total − μ − b_j), then b_j ← mean over j's reviews of (total − μ − a_i), until nothing moves
 * by more than the tolerance. Each sweep costs O(reviews).
 *
 * Only a_i + b_j is determined by the data, and only within a connected component of the graph
 * of applications and jurors joined by reviews. The identifying constraint is taken per
 * component: Σ n_j · b_j = 0 over the component's jurors (n_j = reviews by juror j), i.e. each
 * group of jurors is, weighted by reviews, neither harsh nor lenient. With one component this is
 * the usual Σ_j n_j b_j = 0; with several, a group's applications keep their group's raw level,
 * since the data cannot tell a harsh group of jurors from a weak group of applications.
 */
export function fitJurorBias(
	reviews: readonly ReviewTotal[],
	options: BiasModelOptions = {}
): BiasModel {
	const { tolerance, maxIterations } = { ...BIAS_MODEL_DEFAULTS, ...options };
	const { applicationIds, jurorIds, application, juror, total } = indexReviews(reviews);
	const applications = applicationIds.length;
	const jurors = jurorIds.length;
	if (total.length === 0) {
		const empty = { scores: new Map(), jurorBias: new Map() };
		return { mu: null, ...empty, iterations: 0, converged: true, components: 0 };
	}

	const mu = mean(total);
	const applicationCount = countBy(application, applications);
	const jurorCount = countBy(juror, jurors);
	const { component, components } = connectedComponents(application, juror, applications, jurors);
	const componentReviews = new Float64Array(components);
	for (let j = 0; j < jurors; j++) componentReviews[component[applications + j]] += jurorCount[j];

	const a = new Float64Array(applications);
	const b = new Float64Array(jurors);
	const previousA = new Float64Array(applications);
	const previousB = new Float64Array(jurors);
	const sumA = new Float64Array(applications);
	const sumB = new Float64Array(jurors);
	const shift = new Float64Array(components);
	let iterations = 0;
	let converged = false;
	while (!converged && iterations < maxIterations) {
		iterations++;
		previousA.set(a);
		previousB.set(b);

		sumA.fill(0);
		for (let r = 0; r < total.length; r++) sumA[application[r]] += total[r] - mu - b[juror[r]];
		for (let i = 0; i < applications; i++) a[i] = sumA[i] / applicationCount[i];

		sumB.fill(0);
		for (let r = 0; r < total.length; r++) sumB[juror[r]] += total[r] - mu - a[application[r]];
		for (let j = 0; j < jurors; j++) b[j] = sumB[j] / jurorCount[j];

		// Starting from b = 0 with μ the mean, a sweep keeps Σ n_j b_j = 0 in each component in exact
		// arithmetic; re-imposing it stops rounding drift. Moving the amount into a keeps every fit.
		shift.fill(0);
		for (let j = 0; j < jurors; j++) shift[component[applications + j]] += jurorCount[j] * b[j];
		for (let k = 0; k < components; k++) shift[k] /= componentReviews[k];
		for (let j = 0; j < jurors; j++) b[j] -= shift[component[applications + j]];
		for (let i = 0; i < applications; i++) a[i] += shift[component[i]];

		let moved = 0;
		for (let i = 0; i < applications; i++) moved = Math.max(moved, Math.abs(a[i] - previousA[i]));
		for (let j = 0; j < jurors; j++) moved = Math.max(moved, Math.abs(b[j] - previousB[j]));
		converged = moved <= tolerance;
	}

	return {
		mu,
		scores: new Map(applicationIds.map((id, i) => [id, mu + a[i]])),
		jurorBias: new Map(jurorIds.map((id, j) => [id, b[j]])),
		iterations,
		converged,
		components
	};
}

/**
 * Connected components of the review graph by union-find; nodes 0…applications−1 are
 * applications, then the jurors. Component numbers are 0…components−1.
 */
function connectedComponents(
	application: Int32Array,
	juror: Int32Array,
	applications: number,
	jurors: number
): { component: Int32Array; components: number } {
	const parent = Int32Array.from({ length: applications + jurors }, (_, node) => node);
	const root = (node: number): number => {
		while (parent[node] !== node) {
			parent[node] = parent[parent[node]];
			node = parent[node];
		}
		return node;
	};
	for (let r = 0; r < application.length; r++) {
		parent[root(application[r])] = root(applications + juror[r]);
	}
	const component = new Int32Array(parent.length);
	const numbers = new Map<number, number>();
	for (let node = 0; node < parent.length; node++) {
		const top = root(node);
		let number = numbers.get(top);
		if (number === undefined) {
			number = numbers.size;
			numbers.set(top, number);
		}
		component[node] = number;
	}
	return { component, components: numbers.size };
}

/** A submitted review as the results take it. */
export interface JurorReview {
	applicationId: string;
	jurorId: string;
	scores: CriterionScores;
}

export type Normalisation = 'bias' | 'z';

export interface CallResultsInput {
	criteria: readonly Criterion[];
	/** Submitted reviews only, at most one per juror and application. */
	reviews: readonly JurorReview[];
	/** Applications to list even without a complete review (they come last, unranked). */
	applicationIds?: readonly string[];
	/** Which normalised score `rankNormalised` follows; the bias model by default. */
	rankBy?: Normalisation;
	thresholds?: Partial<DisagreementThresholds>;
	biasModel?: BiasModelOptions;
}

export interface ApplicationResult extends TotalsSummary {
	applicationId: string;
	/** Totals of the complete reviews, in the order the reviews came. */
	totals: number[];
	/** Submitted reviews without a total (a criterion left unscored). */
	incomplete: number;
	zNormalised: number | null;
	biasAdjusted: number | null;
	rankRaw: number | null;
	rankNormalised: number | null;
	/** rankRaw − rankNormalised: positive when normalisation moves the application up. */
	rankChange: number | null;
	/** The jurors disagree enough to discuss it (see needsDiscussion). */
	flagged: boolean;
}

export interface JurorResult {
	jurorId: string;
	/** Complete reviews. */
	n: number;
	mean: number | null;
	sd: number | null;
	/** b_j of the bias model; null without a complete review. */
	bias: number | null;
}

export interface CallResults {
	/** In the order of `applicationIds`, then as first met in the reviews. */
	applications: ApplicationResult[];
	/** Interval alpha of the review totals: jurors as coders, applications as units. */
	alpha: AlphaResult;
	reading: AlphaReading;
	/** As first met in the reviews. */
	jurorStats: JurorResult[];
	biasModel: Pick<BiasModel, 'iterations' | 'converged' | 'components'>;
}

/**
 * Everything a call's results page shows, from its criteria and submitted reviews. O(reviews)
 * apart from sorting applications for the ranks and the bias model's sweeps.
 */
export function callResults(input: CallResultsInput): CallResults {
	const { criteria, reviews, applicationIds = [], rankBy = 'bias', thresholds = {} } = input;
	assertCriteria(criteria);

	const applications = new Map<
		string,
		{ totals: number[]; incomplete: number; jurors: Set<string> }
	>();
	const entry = (id: string) => {
		let found = applications.get(id);
		if (!found) applications.set(id, (found = { totals: [], incomplete: 0, jurors: new Set() }));
		return found;
	};
	for (const id of applicationIds) entry(id);
	const jurorTotals = new Map<string, number[]>();
	const complete: ReviewTotal[] = [];
	for (const { applicationId, jurorId, scores } of reviews) {
		const forApplication = entry(applicationId);
		if (forApplication.jurors.has(jurorId)) {
			throw new ScoringError('duplicate_review', `${jurorId} reviewed ${applicationId} twice`);
		}
		forApplication.jurors.add(jurorId);
		const total = weightedTotal(criteria, scores);
		const forJuror = jurorTotals.get(jurorId) ?? [];
		jurorTotals.set(jurorId, forJuror);
		if (total === null) {
			forApplication.incomplete++;
			continue;
		}
		forApplication.totals.push(total);
		forJuror.push(total);
		complete.push({ applicationId, jurorId, total });
	}

	const z = normaliseByZScores(complete);
	const model = fitJurorBias(complete, input.biasModel);
	const rows = [...applications].map(([applicationId, { totals, incomplete }]) => {
		const summary = summariseTotals(totals);
		return {
			applicationId,
			totals,
			incomplete,
			...summary,
			zNormalised: z.scores.get(applicationId) ?? null,
			biasAdjusted: model.scores.get(applicationId) ?? null,
			flagged: needsDiscussion(summary, thresholds)
		};
	});
	const ranks = rankApplications(
		rows.map((row) => ({
			applicationId: row.applicationId,
			rawMean: row.mean,
			normalised: rankBy === 'bias' ? row.biasAdjusted : row.zNormalised
		}))
	);
	const alpha = alphaFromUnits(
		rows.map((row) => row.totals),
		'interval'
	);
	return {
		applications: rows.map((row, index) => {
			const { rankRaw, rankNormalised, rankChange } = ranks[index];
			return { ...row, rankRaw, rankNormalised, rankChange };
		}),
		alpha,
		reading: alphaReading(alpha.value),
		jurorStats: [...jurorTotals].map(([jurorId, totals]) => {
			const { n, mean, sd } = summariseTotals(totals);
			return { jurorId, n, mean, sd, bias: model.jurorBias.get(jurorId) ?? null };
		}),
		biasModel: {
			iterations: model.iterations,
			converged: model.converged,
			components: model.components
		}
	};
}
