import { describe, expect, it } from 'vitest';
import { formatAnswer } from './format-answer';
import type { Question } from './form-definition';

const words = { yes: 'Ja', no: 'Nej' };
const label = { en: 'Label' };

const single: Question = {
	id: 'stage',
	type: 'single_choice',
	label,
	required: true,
	options: [
		{ id: 'idea', label: { en: 'Idea', sv: 'Idé' } },
		{ id: 'pilot', label: { en: 'Pilot' } }
	]
};
const multiple: Question = {
	id: 'support',
	type: 'multiple_choice',
	label,
	required: false,
	options: [
		{ id: 'money', label: { en: 'Money', sv: 'Pengar' } },
		{ id: 'advice', label: { en: 'Advice', sv: 'Råd' } }
	]
};

describe('formatAnswer', () => {
	it('a single choice shows its label in the reader language', () => {
		expect(formatAnswer(single, 'idea', 'sv', words)).toBe('Idé');
	});
	it('a single choice without a label in that language falls back to English', () => {
		expect(formatAnswer(single, 'pilot', 'sv', words)).toBe('Pilot');
	});
	it('a single choice of an option since removed shows its id', () => {
		expect(formatAnswer(single, 'gone', 'en', words)).toBe('gone');
	});
	it('a multiple choice shows its labels separated by semicolons', () => {
		expect(formatAnswer(multiple, ['advice', 'money'], 'sv', words)).toBe('Råd; Pengar');
	});
	it('a confirmation shows yes or no in the given words', () => {
		const confirm: Question = { id: 'c', type: 'confirm', label, required: true };
		expect([
			formatAnswer(confirm, true, 'sv', words),
			formatAnswer(confirm, false, 'sv', words)
		]).toEqual(['Ja', 'Nej']);
	});
	it('a file shows its name, or its id when the name is unknown', () => {
		const file: Question = {
			id: 'f',
			type: 'file',
			label,
			required: true,
			accept: ['pdf'],
			maxSizeMb: 5
		};
		expect([
			formatAnswer(file, 'id-1', 'en', words, { 'id-1': 'budget.pdf' }),
			formatAnswer(file, 'id-2', 'en', words, { 'id-1': 'budget.pdf' })
		]).toEqual(['budget.pdf', 'id-2']);
	});
	it('a text shows as written', () => {
		const text: Question = { id: 't', type: 'short_text', label, required: true, maxLength: 50 };
		expect(formatAnswer(text, 'Vi odlar', 'en', words)).toBe('Vi odlar');
	});
	it('a number is written the reader’s way', () => {
		const number: Question = { id: 'n', type: 'number', label, required: true, integer: false };
		expect([
			formatAnswer(number, 12.5, 'en', words),
			formatAnswer(number, 12.5, 'de', words),
			formatAnswer(number, 1250, 'sv', words)
		]).toEqual(['12.5', '12,5', '1\u00a0250']);
	});
	it('a date is spelled out in the reader’s language, the same day in every time zone', () => {
		const date: Question = { id: 'd', type: 'date', label, required: true };
		expect([
			formatAnswer(date, '2026-09-01', 'en', words),
			formatAnswer(date, '2026-09-01', 'de', words),
			formatAnswer(date, '2026-09-01', 'sv', words)
		]).toEqual(['1 September 2026', '1. September 2026', '1 september 2026']);
	});
	it('no answer and an empty answer show nothing', () => {
		expect([
			formatAnswer(single, undefined, 'en', words),
			formatAnswer(single, '', 'en', words)
		]).toEqual(['', '']);
	});
});
