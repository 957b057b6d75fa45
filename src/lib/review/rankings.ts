/**
 * Rankings of a call's applications, by raw mean and by a normalised score. Pure, shared by server
 * and UI.
 */

/**
 * Scores closer than this share a rank: sums of equal scores taken in another order can differ in
 * the last bits, and a juror's tie must not become a rank on a rounding error.
 */
export const TIE_TOLERANCE = 1e-9;

/**
 * Competition ranks ("1, 2, 2, 4"), highest score first. A null or non-finite score gets no rank
 * (null). The result is in the order of the input.
 */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
	const order = scores
		.map((score, index) => ({ score, index }))
		.filter((entry): entry is { score: number; index: number } => Number.isFinite(entry.score))
		.sort((a, b) => b.score - a.score || a.index - b.index);
	const ranks: (number | null)[] = scores.map(() => null);
	let rank = 0;
	let rankScore = Number.NaN;
	order.forEach(({ score, index }, position) => {
		// Compare with the first score of the tie group, so a chain of near-ties cannot drift.
		if (!(Math.abs(rankScore - score) <= TIE_TOLERANCE)) {
			rank = position + 1;
			rankScore = score;
		}
		ranks[index] = rank;
	});
	return ranks;
}

export interface RankingInput {
	applicationId: string;
	/** Mean of the application's complete review totals; null without any. */
	rawMean: number | null;
	/** The normalised score the call ranks by; null without any complete review. */
	normalised: number | null;
}

export interface ApplicationRanks {
	applicationId: string;
	rankRaw: number | null;
	rankNormalised: number | null;
	/** rankRaw − rankNormalised: positive when normalisation moves the application up. */
	rankChange: number | null;
}

/**
 * Ranks by raw mean and by normalised score, in the order of the input. Applications without a
 * score are unranked (null), which puts them after every ranked one.
 */
export function rankApplications(items: readonly RankingInput[]): ApplicationRanks[] {
	const raw = competitionRanks(items.map((item) => item.rawMean));
	const normalised = competitionRanks(items.map((item) => item.normalised));
	return items.map((item, index) => {
		const rankRaw = raw[index];
		const rankNormalised = normalised[index];
		return {
			applicationId: item.applicationId,
			rankRaw,
			rankNormalised,
			rankChange: rankRaw === null || rankNormalised === null ? null : rankRaw - rankNormalised
		};
	});
}
