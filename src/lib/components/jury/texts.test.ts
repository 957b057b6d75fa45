import { describe, expect, it } from 'vitest';
import { infeasibleReason, juryError, tagLabel } from './texts';

const names = {
	applications: { a1: 'Kvarterskraft', a2: 'Matbanken', a3: 'Bike Kitchen' },
	jurors: { j1: 'Anna Svensson' }
};

describe('infeasibleReason', () => {
	it('infeasibleReason names the language, the applications in it and what its readers can take', () => {
		expect(
			infeasibleReason(
				{
					code: 'language_shortage',
					language: 'sv',
					applications: 3,
					needed: 9,
					jurorsReading: 2,
					available: 6
				},
				'en',
				names
			)
		).toBe(
			'Applications in Swedish: 3. They need 9 reviews, but the jurors who read Swedish (2) can take only 6.'
		);
	});
	it('infeasibleReason lists the applications of a blocked group by name', () => {
		expect(
			infeasibleReason(
				{
					code: 'blocked_group',
					applicationIds: ['a1', 'a2'],
					jurorIds: ['j1'],
					needed: 4,
					available: 3
				},
				'en',
				names
			)
		).toBe(
			'A group of applications (2) needs 4 reviews, but the jurors who could review them can take only 3: Kvarterskraft, Matbanken.'
		);
	});
	it('infeasibleReason says why a pinned or started pair cannot stand', () => {
		expect(
			infeasibleReason(
				{ code: 'fixed_pair_forbidden', applicationId: 'a3', jurorId: 'j1', cause: 'language' },
				'en',
				names
			)
		).toBe(
			'Anna Svensson is pinned to Bike Kitchen or has started it, but does not read its language.'
		);
	});
});

describe('juryError', () => {
	it("juryError translates the panel's own codes and falls back to the shared ones", () => {
		expect([juryError('under_assigned|4'), juryError('required'), juryError(undefined)]).toEqual([
			'Applications still lacking reviewers: 4. Run the assignment, or tick “Open scoring anyway”.',
			'Please fill this in.',
			undefined
		]);
	});
});

describe('tagLabel', () => {
	it('tagLabel shows impact areas as SDG numbers and free tags as typed', () => {
		expect([tagLabel('sdg:7'), tagLabel('circular economy')]).toEqual([
			'SDG 7',
			'circular economy'
		]);
	});
});
