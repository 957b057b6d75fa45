import { describe, expect, it } from 'vitest';
import { inviteJurorSchema, jurorProfileSchema, jurySettingsSchema, parseFreeTags } from './jury';

describe('parseFreeTags', () => {
	it('parseFreeTags lower-cases, collapses spaces and drops repeats and blanks', () => {
		expect(parseFreeTags(' Circular  Economy, housing,,circular economy , ')).toEqual([
			'circular economy',
			'housing'
		]);
	});
});

describe('jurorProfileSchema', () => {
	it('jurorProfileSchema puts impact areas first in goal order, then free tags', () => {
		expect(
			jurorProfileSchema.parse({
				languages: ['sv', 'en'],
				sdgs: ['11', '3', '11'],
				freeTags: 'Care, sdg:3',
				maxLoad: ''
			})
		).toEqual({ languages: ['en', 'sv'], tags: ['sdg:3', 'sdg:11', 'care'], maxLoad: null });
	});
	it('jurorProfileSchema with one ticked box reads a single value as a list', () => {
		expect(jurorProfileSchema.parse({ languages: 'de', sdgs: '7', maxLoad: '4' })).toEqual({
			languages: ['de'],
			tags: ['sdg:7'],
			maxLoad: 4
		});
	});
	it('jurorProfileSchema refuses an unknown language, goal 18, a long tag and a negative load', () => {
		const result = jurorProfileSchema.safeParse({
			languages: ['fi'],
			sdgs: ['18'],
			freeTags: 'x'.repeat(41),
			maxLoad: '-1'
		});
		expect(
			result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])
		).toEqual([
			['languages.0', 'invalid_choice'],
			['sdgs.0', 'too_long|17'],
			['freeTags.0', 'too_long|40'],
			['maxLoad', 'number_min|0']
		]);
	});
});

describe('inviteJurorSchema', () => {
	it('inviteJurorSchema normalises the address and needs nothing else', () => {
		expect(inviteJurorSchema.parse({ email: ' Anna@Jury.SE ' })).toEqual({
			email: 'anna@jury.se',
			name: '',
			languages: [],
			tags: [],
			maxLoad: null
		});
	});
	it('inviteJurorSchema refuses a missing or malformed address', () => {
		const codes = (email: string) => {
			const result = inviteJurorSchema.safeParse({ email });
			return result.success ? null : result.error.issues[0].message;
		};
		expect([codes(''), codes('anna@')]).toEqual(['required', 'email_invalid']);
	});
});

describe('jurySettingsSchema', () => {
	const base = { reviewersPerApplication: '3', defaultMaxLoad: '20', version: '4' };
	it('jurySettingsSchema reads the deadline as wall time in the zone it is given', () => {
		const stockholm = jurySettingsSchema('Europe/Stockholm').parse({
			...base,
			reviewDeadline: '2026-07-01T12:00'
		});
		const newYork = jurySettingsSchema('America/New_York').parse({
			...base,
			reviewDeadline: '2026-07-01T12:00'
		});
		expect([stockholm.reviewDeadline, newYork.reviewDeadline]).toEqual([
			new Date('2026-07-01T10:00:00Z'),
			new Date('2026-07-01T16:00:00Z')
		]);
	});
	it('jurySettingsSchema without a deadline, with unticked boxes, is no deadline and false', () => {
		expect(jurySettingsSchema('Europe/Stockholm').parse(base)).toEqual({
			reviewersPerApplication: 3,
			defaultMaxLoad: 20,
			blindReview: false,
			showScoresAfterSubmit: false,
			reviewDeadline: null,
			version: 4
		});
	});
	it('jurySettingsSchema keeps k between 1 and 20', () => {
		const message = (k: string) => {
			const result = jurySettingsSchema('UTC').safeParse({ ...base, reviewersPerApplication: k });
			return result.success ? null : result.error.issues[0].message;
		};
		expect([message('0'), message('21'), message('2.5'), message('x')]).toEqual([
			'number_min|1',
			'number_max|20',
			'integer_required',
			'number_invalid'
		]);
	});
});
