import { describe, expect, it } from 'vitest';
import {
	ALPHA_THRESHOLDS,
	alphaFromUnits,
	alphaReading,
	krippendorffAlpha,
	type MeasurementLevel
} from './krippendorff';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: observers A–D
 * (rows) × units 1–12 (columns), missing values as _. Unit 12 has a single value and is dropped.
 */
const paperExample = [
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
];

/** Wikipedia, "Krippendorff's alpha", a computational example: coders A–C × 15 units. */
const wikipediaExample = [
	[_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
	[1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
	[_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4]
];

const levels: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function value(data: (number | null)[][], level: MeasurementLevel): number | null {
	return krippendorffAlpha(data, level).value;
}

describe('krippendorffAlpha', () => {
	it('matches the published values of Krippendorff (2011) at all four levels', () => {
		expect(value(paperExample, 'nominal')).toBeCloseTo(0.743, 3);
		expect(value(paperExample, 'ordinal')).toBeCloseTo(0.815, 3);
		expect(value(paperExample, 'interval')).toBeCloseTo(0.849, 3);
		expect(value(paperExample, 'ratio')).toBeCloseTo(0.797, 3);
	});
	it('counts the pairable values and units of the paper example without the lone unit 12', () => {
		expect(krippendorffAlpha(paperExample, 'interval')).toEqual({
			level: 'interval',
			pairableValues: 40,
			units: 11,
			value: expect.any(Number)
		});
	});
	it('matches the Wikipedia example for nominal and interval data', () => {
		expect(value(wikipediaExample, 'nominal')).toBeCloseTo(0.691, 3);
		expect(value(wikipediaExample, 'interval')).toBeCloseTo(0.811, 3);
	});
	// Units (1, 1) and (2, 3): n = 4, and only the pair (2, 3) disagrees.
	const twoUnits = [
		[1, 2],
		[1, 3]
	];
	it('nominal equals the hand-computed 1 − 3·2/(16 − 6) = 0.4 on two units', () => {
		expect(value(twoUnits, 'nominal')).toBeCloseTo(0.4, 12);
	});
	it('ordinal equals the hand-computed 1 − 3·2/36 = 5/6 on two units', () => {
		// n_1 = 2, n_2 = 1, n_3 = 1: δ(1,2) = 1.5, δ(1,3) = 2.5, δ(2,3) = 1.
		expect(value(twoUnits, 'ordinal')).toBeCloseTo(5 / 6, 12);
	});
	it('interval equals the hand-computed 1 − 3·2/22 = 8/11 on two units', () => {
		// Σ n_c n_k (c − k)² = 2·4·Σ (v − 7/4)² = 8 · 2.75 = 22.
		expect(value(twoUnits, 'interval')).toBeCloseTo(8 / 11, 12);
	});
	it('ratio equals the hand-computed 1 − 3·0.08/(686/450) = 289/343 on two units', () => {
		// δ²(2,3) = 1/25, δ²(1,2) = 1/9, δ²(1,3) = 1/4; Σ n_c n_k δ² = 2(2/9 + 2/4 + 1/25).
		expect(value(twoUnits, 'ratio')).toBeCloseTo(289 / 343, 12);
	});
	it('is exactly 1 at every level when all coders agree', () => {
		const agreed = [
			[0.1, 0.2, 0.7, _],
			[0.1, 0.2, 0.7, 0.3],
			[0.1, _, 0.7, 0.3]
		];
		expect(levels.map((level) => value(agreed, level))).toEqual([1, 1, 1, 1]);
	});
	it('is 1 for ratio data that agree on zero', () => {
		expect(
			value(
				[
					[0, 1, 2],
					[0, 1, 2]
				],
				'ratio'
			)
		).toBe(1);
	});
	it('is null with no_variation when every pairable value is the same', () => {
		// The 2 stands alone in its unit, so it varies nothing that can be paired.
		const same = [
			[4, 4, _, 2],
			[4, 4, 4, _]
		];
		expect(levels.map((level) => krippendorffAlpha(same, level))).toEqual(
			levels.map((level) => ({
				level,
				pairableValues: 4,
				units: 2,
				value: null,
				reason: 'no_variation'
			}))
		);
	});
	it('is null with insufficient_data when no unit has two values', () => {
		const apart = [
			[1, _, 3],
			[_, 2, _]
		];
		expect(krippendorffAlpha(apart, 'interval')).toEqual({
			level: 'interval',
			pairableValues: 0,
			units: 0,
			value: null,
			reason: 'insufficient_data'
		});
	});
	it('is null with insufficient_data for a single coder or no data', () => {
		const insufficient = {
			level: 'nominal',
			pairableValues: 0,
			units: 0,
			value: null,
			reason: 'insufficient_data'
		};
		expect([krippendorffAlpha([[1, 2, 3]], 'nominal'), krippendorffAlpha([], 'nominal')]).toEqual([
			insufficient,
			insufficient
		]);
	});
	it('does not change when a unit with one value is added', () => {
		const withLoneValue = paperExample.map((row, coder) => [...row, coder === 0 ? 9 : _]);
		expect(levels.map((level) => value(withLoneValue, level))).toEqual(
			levels.map((level) => value(paperExample, level))
		);
	});
	it('is negative when coders disagree systematically', () => {
		// Units (1, 2) and (2, 1): observed 2·2 = 4, expected 16 − 8 = 8, α = 1 − 3·4/8.
		expect(
			value(
				[
					[1, 2],
					[2, 1]
				],
				'nominal'
			)
		).toBeCloseTo(-0.5, 12);
	});
	it('throws a RangeError for a non-finite value, even in a unit that is not pairable', () => {
		expect(() => krippendorffAlpha([[1, Number.NaN]], 'interval')).toThrow(RangeError);
		expect(() => krippendorffAlpha([[1], [Number.POSITIVE_INFINITY]], 'nominal')).toThrow(
			RangeError
		);
	});
	it('throws a RangeError for negative ratio data', () => {
		expect(() =>
			krippendorffAlpha(
				[
					[-1, 2],
					[1, 2]
				],
				'ratio'
			)
		).toThrow(RangeError);
	});
});

describe('alphaFromUnits', () => {
	it('equals krippendorffAlpha on the same data given by unit', () => {
		const units = paperExample[0].map((_value, unit) =>
			paperExample.map((row) => row[unit]).filter((entry) => entry !== null)
		);
		expect(levels.map((level) => alphaFromUnits(units, level))).toEqual(
			levels.map((level) => krippendorffAlpha(paperExample, level))
		);
	});
});

describe('alphaReading', () => {
	it('reads alpha by the thresholds .800 and .667', () => {
		expect([
			alphaReading(1),
			alphaReading(0.8),
			alphaReading(0.7999),
			alphaReading(0.667),
			alphaReading(0.6669),
			alphaReading(0),
			alphaReading(-0.5),
			alphaReading(null)
		]).toEqual([
			'reliable',
			'reliable',
			'tentative',
			'tentative',
			'unreliable',
			'unreliable',
			'unreliable',
			'insufficient_data'
		]);
	});
	it('exports the thresholds it reads by', () => {
		expect(ALPHA_THRESHOLDS).toEqual({ reliable: 0.8, tentative: 0.667 });
	});
});
