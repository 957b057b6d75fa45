import { describe, expect, it } from 'vitest';
import { expertiseEcho, expertiseValues } from './expertise';

describe('expertiseValues', () => {
	it('expertiseValues splits impact areas from free tags and shows the load as text', () => {
		expect(
			expertiseValues({
				languages: ['sv'],
				tags: ['sdg:7', 'care', 'sdg:11', 'housing'],
				maxLoad: 0
			})
		).toEqual({ languages: ['sv'], sdgs: [7, 11], freeTags: 'care, housing', maxLoad: '0' });
	});
});

describe('expertiseEcho', () => {
	it('expertiseEcho keeps every ticked box of a refused form', () => {
		const form = new FormData();
		form.append('languages', 'en');
		form.append('languages', 'de');
		form.append('sdgs', '3');
		form.append('sdgs', '12');
		form.append('freeTags', 'energy');
		form.append('maxLoad', 'x');
		expect(expertiseEcho(form)).toEqual({
			languages: ['en', 'de'],
			sdgs: [3, 12],
			freeTags: 'energy',
			maxLoad: 'x'
		});
	});
});
