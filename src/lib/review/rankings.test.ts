import { describe, expect, it } from 'vitest';
import { competitionRanks, rankApplications } from './rankings';

describe('competitionRanks', () => {
	it('ranks the highest score first and skips ranks after a tie', () => {
		expect(competitionRanks([80, 90, 80, 70])).toEqual([2, 1, 2, 4]);
	});
	it('gives a tie for first place rank 1 to both', () => {
		expect(competitionRanks([90, 90, 70])).toEqual([1, 1, 3]);
	});
	it('leaves null and non-finite scores unranked', () => {
		expect(competitionRanks([null, 50, Number.NaN, 60])).toEqual([null, 2, null, 1]);
	});
	it('ties scores that differ only by floating-point rounding', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(competitionRanks([0.3, 0.1 + 0.2, 0.2])).toEqual([1, 1, 3]);
	});
	it('does not tie scores one millionth apart', () => {
		expect(competitionRanks([50, 50.000001])).toEqual([2, 1]);
	});
	it('returns nothing for no scores and all nulls for no finite score', () => {
		expect([competitionRanks([]), competitionRanks([null, null])]).toEqual([[], [null, null]]);
	});
});

describe('rankApplications', () => {
	it('ranks by raw mean and by normalised score with the change between them', () => {
		expect(
			rankApplications([
				{ applicationId: 'a', rawMean: 60, normalised: 70 },
				{ applicationId: 'b', rawMean: 70, normalised: 65 },
				{ applicationId: 'c', rawMean: 60, normalised: 60 },
				{ applicationId: 'd', rawMean: 50, normalised: 60 }
			])
		).toEqual([
			{ applicationId: 'a', rankRaw: 2, rankNormalised: 1, rankChange: 1 },
			{ applicationId: 'b', rankRaw: 1, rankNormalised: 2, rankChange: -1 },
			{ applicationId: 'c', rankRaw: 2, rankNormalised: 3, rankChange: -1 },
			{ applicationId: 'd', rankRaw: 4, rankNormalised: 3, rankChange: 1 }
		]);
	});
	it('leaves an application without complete reviews unranked with no change', () => {
		expect(
			rankApplications([
				{ applicationId: 'none', rawMean: null, normalised: null },
				{ applicationId: 'a', rawMean: 40, normalised: 45 }
			])
		).toEqual([
			{ applicationId: 'none', rankRaw: null, rankNormalised: null, rankChange: null },
			{ applicationId: 'a', rankRaw: 1, rankNormalised: 1, rankChange: 0 }
		]);
	});
});
