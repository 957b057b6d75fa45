import { describe, expect, it } from 'vitest';
import {
	decisionEmailText,
	fillSubject,
	fillTemplate,
	unknownPlaceholders,
	usedPlaceholders,
	type TemplateValues
} from './fill-template';

const values: TemplateValues = {
	organisation: 'Kvarterskraft',
	call: 'Innovation support 2026',
	programme: 'SocialTech4EU',
	feedback: 'Well done.',
	juryComments: '',
	link: 'https://tandem.example/applications/1'
};

describe('fillTemplate', () => {
	it('fillTemplate puts each known placeholder’s value in place, as often as it appears', () => {
		expect(
			fillTemplate('Dear {organisation}, {call} ({call}) — {programme}. {feedback} {link}', values)
		).toBe(
			'Dear Kvarterskraft, Innovation support 2026 (Innovation support 2026) — SocialTech4EU. Well done. https://tandem.example/applications/1'
		);
	});

	it('fillTemplate never reads a value again, so written text cannot pull in other values', () => {
		expect(
			fillTemplate('{feedback} / {organisation}', {
				...values,
				feedback: 'You wrote {organisation} and {link} and $& and $1',
				organisation: '{call}'
			})
		).toBe('You wrote {organisation} and {link} and $& and $1 / {call}');
	});

	it('fillTemplate leaves unknown names and unbalanced braces as written', () => {
		expect(fillTemplate('{organsation} {x y} {call', values)).toBe('{organsation} {x y} {call');
	});

	it('fillTemplate of an empty value leaves nothing behind', () => {
		expect(fillTemplate('A{juryComments}B', values)).toBe('AB');
	});
});

describe('fillSubject', () => {
	it('fillSubject keeps the subject on one line whatever the values hold', () => {
		expect(
			fillSubject('{organisation}: decision', {
				...values,
				organisation: 'Line one\n\nLine two\r\n'
			})
		).toBe('Line one Line two : decision');
	});
});

describe('unknownPlaceholders', () => {
	it('unknownPlaceholders lists each unknown name once, in order', () => {
		expect(unknownPlaceholders('{organisation} {name} {call} {name} {Feedback}')).toEqual([
			'name',
			'Feedback'
		]);
	});

	it('unknownPlaceholders of a template with known names only is empty', () => {
		expect(
			unknownPlaceholders('{organisation}{call}{programme}{feedback}{juryComments}{link}')
		).toEqual([]);
	});
});

describe('usedPlaceholders', () => {
	it('usedPlaceholders names the known placeholders a template uses', () => {
		expect([...usedPlaceholders('{feedback} and {call} and {nope}')].sort()).toEqual([
			'call',
			'feedback'
		]);
	});
});

describe('decisionEmailText', () => {
	it('decisionEmailText splits the filled body into paragraphs and drops empty ones', () => {
		expect(
			decisionEmailText(
				{
					subject: 'About {call}',
					body: 'Dear {organisation},\n\n{feedback}\n\n{juryComments}\n\nBye'
				},
				values
			)
		).toEqual({
			subject: 'About Innovation support 2026',
			paragraphs: ['Dear Kvarterskraft,', 'Well done.', 'Bye']
		});
	});

	it('decisionEmailText adds the feedback and the jury comments after a body that does not place them', () => {
		expect(
			decisionEmailText(
				{ subject: 's', body: 'Dear {organisation}.' },
				{ ...values, juryComments: 'Comments from the jury:\n\n– Good.' }
			).paragraphs
		).toEqual(['Dear Kvarterskraft.', 'Well done.', 'Comments from the jury:', '– Good.']);
	});
});
