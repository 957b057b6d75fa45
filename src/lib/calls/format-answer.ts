import { formatDay, formatNumber } from '$lib/i18n/format';
import { localized, type Locale } from '$lib/i18n/localized';
import type { Answer } from './answers';
import type { Question } from './form-definition';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An answer as a reader sees it, in their language: option labels instead of ids, yes/no, file
 * names, dates and numbers written the reader's way. Used by the confirmation email, the answer
 * pages and the exports (which keep dates and numbers as data: see export-applications).
 */
export function formatAnswer(
	question: Question,
	answer: Answer | undefined,
	locale: Locale,
	words: { yes: string; no: string },
	fileNames: Record<string, string> = {}
): string {
	if (answer === undefined || answer === '') return '';
	switch (question.type) {
		case 'single_choice':
			return (
				localized(question.options.find((o) => o.id === answer)?.label, locale) || String(answer)
			);
		case 'multiple_choice':
			return (Array.isArray(answer) ? answer : [answer])
				.map(
					(id) => localized(question.options.find((o) => o.id === id)?.label, locale) || String(id)
				)
				.join('; ');
		case 'confirm':
			return answer === true ? words.yes : words.no;
		case 'file':
			return fileNames[String(answer)] ?? String(answer);
		case 'date':
			return typeof answer === 'string' && ISO_DAY.test(answer)
				? formatDay(answer, locale)
				: String(answer);
		case 'number':
			return typeof answer === 'number' ? formatNumber(answer, locale) : String(answer);
		default:
			return String(answer);
	}
}
