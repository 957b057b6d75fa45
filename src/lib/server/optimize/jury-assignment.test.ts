import { describe, expect, it } from 'vitest';
import { assignJury, type JuryAssignmentInput } from './jury-assignment';

type Application = JuryAssignmentInput['applications'][number];
type Juror = JuryAssignmentInput['jurors'][number];

const app = (id: string, language = 'en', tags: string[] = []): Application => ({
	id,
	language,
	tags
});
const juror = (id: string, capacity: number, languages = ['en'], tags: string[] = []): Juror => ({
	id,
	languages,
	tags,
	capacity
});

function input(parts: Partial<JuryAssignmentInput>): JuryAssignmentInput {
	return { k: 1, applications: [], jurors: [], conflicts: [], removed: [], fixed: [], ...parts };
}

const pairs = (result: ReturnType<typeof assignJury>) =>
	result.status === 'optimal' ? result.pairs.map((p) => `${p.applicationId}-${p.jurorId}`) : result;

describe('assignJury', () => {
	it('weighs a pair by shared tags, ignoring case, and explains it', () => {
		const result = assignJury(
			input({
				applications: [app('a1', 'EN', ['Food', 'Circular', 'food']), app('a2', 'en', ['Textile'])],
				jurors: [juror('j1', 1, ['en'], ['food', 'CIRCULAR']), juror('j2', 1, ['En'], ['textile'])]
			})
		);
		expect(result).toEqual({
			status: 'optimal',
			objective: 21 + 11,
			pairs: [
				{
					applicationId: 'a1',
					jurorId: 'j1',
					fixed: false,
					reasons: { sharedTags: ['Food', 'Circular'], language: 'en' }
				},
				{
					applicationId: 'a2',
					jurorId: 'j2',
					fixed: false,
					reasons: { sharedTags: ['Textile'], language: 'en' }
				}
			]
		});
	});

	it('maximises the total fit, not each application’s', () => {
		// Both fit j1 best, but a2 fits nothing else: a1–j2 + a2–j1 = 11 + 21 beats 21 + 1.
		const result = assignJury(
			input({
				applications: [app('a1', 'en', ['x', 'y']), app('a2', 'en', ['y', 'z'])],
				jurors: [juror('j1', 1, ['en'], ['x', 'y', 'z']), juror('j2', 1, ['en'], ['x'])]
			})
		);
		expect(pairs(result)).toEqual(['a1-j2', 'a2-j1']);
		expect(result.status === 'optimal' && result.objective).toBe(32);
	});

	it('never pairs a conflict, a removed pair or a language the juror does not read', () => {
		const result = assignJury(
			input({
				k: 1,
				applications: [app('a1', 'en', ['x']), app('a2', 'en', ['x']), app('a3', 'sv', ['x'])],
				jurors: [
					juror('best', 3, ['en'], ['x']),
					juror('other', 3, ['en', 'sv']),
					juror('idle', 0, ['en'])
				],
				conflicts: [{ applicationId: 'a1', jurorId: 'best' }],
				removed: [{ applicationId: 'a2', jurorId: 'best' }]
			})
		);
		expect(pairs(result)).toEqual(['a1-other', 'a2-other', 'a3-other']);
	});

	it('keeps fixed pairs and marks them', () => {
		const result = assignJury(
			input({
				k: 2,
				applications: [app('a1', 'en', ['x'])],
				jurors: [juror('j1', 1, ['en'], ['x']), juror('j2', 1), juror('j3', 1)],
				fixed: [{ applicationId: 'a1', jurorId: 'j2' }]
			})
		);
		expect(result.status === 'optimal' && result.pairs.map((p) => [p.jurorId, p.fixed])).toEqual([
			['j1', false],
			['j2', true]
		]);
	});

	it('gives the same answer twice when many assignments tie', () => {
		const problem = input({
			k: 2,
			applications: Array.from({ length: 12 }, (_, i) => app(`a${i}`)),
			jurors: Array.from({ length: 5 }, (_, j) => juror(`j${j}`, 5))
		});
		const first = assignJury(problem);
		expect(assignJury(problem)).toEqual(first);
		expect(first.status === 'optimal' && first.objective).toBe(24);
	});

	it('reports fixed pairs that are forbidden, with the cause', () => {
		const result = assignJury(
			input({
				applications: [app('a1', 'sv'), app('a2'), app('a3')],
				jurors: [juror('j1', 5)],
				conflicts: [{ applicationId: 'a2', jurorId: 'j1' }],
				removed: [{ applicationId: 'a3', jurorId: 'j1' }],
				fixed: [
					{ applicationId: 'a1', jurorId: 'j1' },
					{ applicationId: 'a2', jurorId: 'j1' },
					{ applicationId: 'a3', jurorId: 'j1' }
				]
			})
		);
		expect(result.status === 'infeasible' && result.reasons.slice(0, 3)).toEqual([
			{ code: 'fixed_pair_forbidden', applicationId: 'a1', jurorId: 'j1', cause: 'language' },
			{ code: 'fixed_pair_forbidden', applicationId: 'a2', jurorId: 'j1', cause: 'conflict' },
			{ code: 'fixed_pair_forbidden', applicationId: 'a3', jurorId: 'j1', cause: 'removed' }
		]);
	});

	it('reports more fixed reviewers than an application needs', () => {
		const result = assignJury(
			input({
				k: 1,
				applications: [app('a1')],
				jurors: [juror('j1', 1), juror('j2', 1)],
				fixed: [
					{ applicationId: 'a1', jurorId: 'j1' },
					{ applicationId: 'a1', jurorId: 'j2' }
				]
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'too_many_fixed', applicationId: 'a1', fixed: 2, needed: 1 }]
		});
	});

	it('reports a juror overloaded by fixed pairs', () => {
		const result = assignJury(
			input({
				applications: [app('a1'), app('a2'), app('a3')],
				jurors: [juror('j1', 2), juror('j2', 9)],
				fixed: ['a1', 'a2', 'a3'].map((applicationId) => ({ applicationId, jurorId: 'j1' }))
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'juror_overloaded_by_fixed', jurorId: 'j1', fixed: 3, capacity: 2 }]
		});
	});

	it('reports an application with too few eligible jurors', () => {
		const result = assignJury(
			input({
				k: 3,
				applications: [app('a1'), app('a2')],
				jurors: [juror('j1', 9), juror('j2', 9), juror('j3', 9), juror('j4', 0)],
				conflicts: [{ applicationId: 'a1', jurorId: 'j3' }]
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [{ code: 'too_few_eligible', applicationId: 'a1', needed: 3, eligible: 2 }]
		});
	});

	it('reports a language without enough readers', () => {
		// 3 applications in Swedish need 9 reviews; only 2 jurors read Swedish and can take 6.
		const result = assignJury(
			input({
				k: 3,
				applications: [app('s1', 'sv'), app('s2', 'sv'), app('s3', 'sv'), app('e1', 'en')],
				jurors: [
					juror('j1', 3, ['sv', 'en']),
					juror('j2', 3, ['SV']),
					juror('j3', 3),
					juror('j4', 3),
					juror('j5', 9)
				]
			})
		);
		expect(result.status === 'infeasible' && result.reasons).toContainEqual({
			code: 'language_shortage',
			language: 'sv',
			applications: 3,
			needed: 9,
			jurorsReading: 2,
			available: 6
		});
	});

	it('counts a reader’s fixed reviews in other languages against the language', () => {
		const result = assignJury(
			input({
				k: 1,
				applications: [app('s1', 'sv'), app('s2', 'sv'), app('e1', 'en')],
				jurors: [juror('j1', 2, ['sv', 'en']), juror('j2', 5)],
				fixed: [{ applicationId: 'e1', jurorId: 'j1' }]
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [
				{
					code: 'language_shortage',
					language: 'sv',
					applications: 2,
					needed: 2,
					jurorsReading: 1,
					available: 1
				}
			]
		});
	});

	it('reports total capacity', () => {
		const result = assignJury(
			input({
				k: 2,
				applications: [app('a1'), app('a2'), app('a3')],
				jurors: [juror('j1', 2), juror('j2', 2), juror('j3', 1)]
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [
				{
					code: 'language_shortage',
					language: 'en',
					applications: 3,
					needed: 6,
					jurorsReading: 3,
					available: 5
				},
				{ code: 'total_capacity', needed: 6, available: 5 }
			]
		});
	});

	it('reports the group the minimum cut finds when no simple check does', () => {
		// a1 and a2 may only be reviewed by j1 and j2 (one place each): 4 reviews, 2 places.
		const others = ['j3', 'j4'].flatMap((jurorId) =>
			['a1', 'a2'].map((applicationId) => ({ applicationId, jurorId }))
		);
		const result = assignJury(
			input({
				k: 2,
				applications: [app('a1'), app('a2'), app('a3')],
				jurors: [juror('j1', 1), juror('j2', 1), juror('j3', 9), juror('j4', 9)],
				conflicts: others
			})
		);
		expect(result).toEqual({
			status: 'infeasible',
			reasons: [
				{
					code: 'blocked_group',
					applicationIds: ['a1', 'a2'],
					jurorIds: ['j1', 'j2'],
					needed: 4,
					available: 2
				}
			]
		});
	});

	it('lists the most specific reasons first', () => {
		const result = assignJury(
			input({
				k: 2,
				applications: [app('a1'), app('a2', 'sv')],
				jurors: [juror('j1', 1), juror('j2', 1, ['sv', 'en'])],
				fixed: [{ applicationId: 'a1', jurorId: 'j1' }],
				conflicts: [{ applicationId: 'a1', jurorId: 'j1' }]
			})
		);
		expect(result.status === 'infeasible' && result.reasons.map((r) => r.code)).toEqual([
			'fixed_pair_forbidden',
			'too_few_eligible',
			'too_few_eligible',
			'language_shortage',
			'total_capacity'
		]);
	});

	it('refuses duplicate ids and fixed pairs with unknown ids', () => {
		expect(() => assignJury(input({ applications: [app('a'), app('a')] }))).toThrow(RangeError);
		expect(() =>
			assignJury(
				input({
					applications: [app('a')],
					jurors: [juror('j', 1)],
					fixed: [{ applicationId: 'a', jurorId: 'nobody' }]
				})
			)
		).toThrow(RangeError);
	});
});
