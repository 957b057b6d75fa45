import { describe, expect, it } from 'vitest';
import type { Answers } from '$lib/calls/answers';
import type { FormDefinition } from '$lib/calls/form-definition';
import { DEMO_CALL_FORM } from '../seed/demo-call';
import { blindAnswers, redactText, REDACTED, type EnterpriseProfile } from './blind-answers';

const profile: EnterpriseProfile = {
	name: 'Kvarterskraft ekonomisk förening',
	organisationNumber: '769612-3456',
	country: 'SE',
	legalForm: 'cooperative',
	foundedYear: 2019,
	employees: 7,
	website: 'https://kvarterskraft.example',
	impactAreas: [8, 11],
	team: [
		{ name: 'Amira Haddad', role: 'Chair' },
		{ name: 'Johan Ek', role: 'Kitchen lead' }
	],
	memberNames: ['Amira Haddad', 'Sofia Lind']
};

const answers: Answers = {
	title: 'Kvarterskraft kitchens',
	challenge:
		'Amira Haddad and Sofia started Kvarterskraft in 2019. Write to info@kvarterskraft.se, call +46 70 123 45 67 or see www.kvarterskraft.se — Johan runs the kitchen on 01.02.2025.',
	people_reached: 1200,
	stage: 'pilot',
	support: ['coaching', 'design'],
	start: '2026-03-01',
	website: 'https://kvarterskraft.example',
	contact_email: 'amira@kvarterskraft.example',
	pitch_deck: '0b9f2a43-9d1e-4d5e-9a59-0b2c1d7e8f10',
	terms: true
};

describe('blindAnswers', () => {
	it('blindAnswers in blind review drops the organisation name, number, website and team', () => {
		const { profile: shown } = blindAnswers(DEMO_CALL_FORM, answers, profile, true);
		expect(shown).toEqual({
			name: null,
			organisationNumber: null,
			website: null,
			team: null,
			teamSize: 2,
			country: 'SE',
			legalForm: 'cooperative',
			foundedYear: 2019,
			employees: 7,
			impactAreas: [8, 11]
		});
	});

	it('blindAnswers in blind review withholds email, link and file questions with their answers', () => {
		const blinded = blindAnswers(DEMO_CALL_FORM, answers, profile, true);
		expect(blinded.withheld).toEqual(['website', 'contact_email', 'pitch_deck']);
		expect(blinded.form.sections.map((s) => s.questions.map((q) => q.id))).toEqual([
			['title', 'challenge', 'people_reached', 'stage', 'support', 'start'],
			['terms']
		]);
		expect(Object.keys(blinded.answers).sort()).toEqual(
			['challenge', 'people_reached', 'stage', 'support', 'start', 'terms', 'title'].sort()
		);
		expect(JSON.stringify(blinded)).not.toContain('0b9f2a43');
		expect(JSON.stringify(blinded)).not.toContain('@');
	});

	it('blindAnswers in blind review blanks names, addresses, links and phone numbers out of texts', () => {
		const blinded = blindAnswers(DEMO_CALL_FORM, answers, profile, true);
		expect(blinded.answers.title).toBe(`${REDACTED} kitchens`);
		expect(blinded.answers.challenge).toBe(
			`${REDACTED} and ${REDACTED} started ${REDACTED} in 2019. Write to ${REDACTED}, call ${REDACTED} or see ${REDACTED} — ${REDACTED} runs the kitchen on 01.02.2025.`
		);
		const text = JSON.stringify(blinded);
		for (const identifying of ['Kvarterskraft', 'Amira', 'Haddad', 'Sofia', 'Johan', '769612'])
			expect(text).not.toContain(identifying);
	});

	it('blindAnswers in blind review keeps numbers, choices, dates and confirmations as sent', () => {
		const blinded = blindAnswers(DEMO_CALL_FORM, answers, profile, true);
		expect(blinded.answers).toMatchObject({
			people_reached: 1200,
			stage: 'pilot',
			support: ['coaching', 'design'],
			start: '2026-03-01',
			terms: true
		});
	});

	it('blindAnswers in blind review drops a section whose questions are all withheld', () => {
		const form: FormDefinition = {
			sections: [
				{
					id: 'docs',
					title: { en: 'Documents' },
					questions: [
						{
							id: 'cv',
							type: 'file',
							label: { en: 'CV of the founder' },
							required: true,
							accept: ['pdf'],
							maxSizeMb: 5
						}
					]
				}
			]
		};
		expect(blindAnswers(form, { cv: 'x' }, profile, true)).toMatchObject({
			form: { sections: [] },
			answers: {},
			withheld: ['cv']
		});
	});

	it('blindAnswers without blind review shows the application as sent, with name, website and team', () => {
		const open = blindAnswers(DEMO_CALL_FORM, answers, profile, false);
		expect(open.form).toBe(DEMO_CALL_FORM);
		expect(open.answers).toEqual(answers);
		expect(open.withheld).toEqual([]);
		expect(open.profile).toEqual({
			name: 'Kvarterskraft ekonomisk förening',
			organisationNumber: '769612-3456',
			website: 'https://kvarterskraft.example',
			team: [
				{ name: 'Amira Haddad', role: 'Chair' },
				{ name: 'Johan Ek', role: 'Kitchen lead' }
			],
			teamSize: 2,
			country: 'SE',
			legalForm: 'cooperative',
			foundedYear: 2019,
			employees: 7,
			impactAreas: [8, 11]
		});
		// Member accounts are never shown, blind or not.
		expect(JSON.stringify(open.profile)).not.toContain('Sofia');
	});
});

describe('redactText', () => {
	it('redactText leaves ordinary words, numbers and dates alone', () => {
		expect(
			redactText('We reached 12 000 people in 2024 (e.g. 1.5 kg per meal, 0.5 FTE).', ['Kraft'])
		).toBe('We reached 12 000 people in 2024 (e.g. 1.5 kg per meal, 0.5 FTE).');
	});
	it('redactText matches names whole and case-insensitively, not inside other words', () => {
		expect(redactText('PONTE and ponteggio', ['Ponte'])).toBe(`${REDACTED} and ponteggio`);
	});
	it('redactText blanks a bare domain and a German phone number', () => {
		expect(redactText('Siehe gruenhof.de/team oder 030 1234 5678.', [])).toBe(
			`Siehe ${REDACTED} oder ${REDACTED}.`
		);
	});
});
