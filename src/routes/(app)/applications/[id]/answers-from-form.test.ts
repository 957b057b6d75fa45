import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '$lib/calls/form-definition';
import { answersFromForm } from './answers-from-form';

const form: FormDefinition = {
	sections: [
		{
			id: 's',
			title: { en: 'S' },
			questions: [
				{ id: 'title', type: 'short_text', maxLength: 50, required: true, label: { en: 'T' } },
				{
					id: 'needs',
					type: 'multiple_choice',
					required: false,
					label: { en: 'N' },
					options: [
						{ id: 'a', label: { en: 'A' } },
						{ id: 'b', label: { en: 'B' } }
					]
				},
				{ id: 'ok', type: 'confirm', required: true, label: { en: 'OK' } },
				{
					id: 'deck',
					type: 'file',
					accept: ['pdf'],
					maxSizeMb: 5,
					required: false,
					label: { en: 'D' }
				}
			]
		}
	]
};

describe('answersFromForm', () => {
	it('answersFromForm reads one field per question', () => {
		const data = new FormData();
		data.set('q:title', 'Idea');
		data.append('q:needs', 'a');
		data.append('q:needs', 'b');
		data.set('q:ok', 'on');
		data.set('q:deck', '6f1c1c8e-3c4b-4a8e-9d55-0c3f1d8f2a10');
		data.set('version', '3');
		expect(answersFromForm(form, data)).toEqual({
			title: 'Idea',
			needs: ['a', 'b'],
			ok: true,
			deck: '6f1c1c8e-3c4b-4a8e-9d55-0c3f1d8f2a10'
		});
	});

	it('answersFromForm reads missing fields as empty answers', () => {
		expect(answersFromForm(form, new FormData())).toEqual({
			title: '',
			needs: [],
			ok: false,
			deck: ''
		});
	});
});
