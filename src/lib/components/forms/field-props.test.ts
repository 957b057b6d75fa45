import { describe, expect, it } from 'vitest';
import { splitLabelling } from './field-props';

describe('splitLabelling', () => {
	it('gives the Field its id and texts, and the control everything else', () => {
		expect(
			splitLabelling({
				id: 'name',
				label: 'Name',
				hint: 'As registered',
				error: 'required',
				name: 'name',
				required: true,
				autocomplete: 'organization'
			})
		).toEqual({
			labelling: { id: 'name', label: 'Name', hint: 'As registered', error: 'required' },
			attributes: { name: 'name', required: true, autocomplete: 'organization' }
		});
	});

	it('leaves out what was not given', () => {
		expect(splitLabelling({ id: 'x', label: 'X', message: 'Too late' })).toEqual({
			labelling: { id: 'x', label: 'X', message: 'Too late' },
			attributes: {}
		});
	});
});
