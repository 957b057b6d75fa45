import type { Answers } from '$lib/calls/answers';
import { questionsOf, type FormDefinition } from '$lib/calls/form-definition';

/** Inputs are named after their question, with a prefix no other field of the form uses. */
export const answerField = (questionId: string) => `q:${questionId}`;
export const fileField = (questionId: string) => `file:${questionId}`;

/**
 * The answers of a form posted without JavaScript: one field per question (several for multiple
 * choice; a ticked box for a confirmation; the current file's id for a file question).
 */
export function answersFromForm(form: FormDefinition, data: FormData): Answers {
	const answers: Answers = {};
	for (const question of questionsOf(form)) {
		const name = answerField(question.id);
		switch (question.type) {
			case 'multiple_choice':
				answers[question.id] = data.getAll(name).map(String);
				break;
			case 'confirm':
				answers[question.id] = data.get(name) === 'on';
				break;
			default: {
				const value = data.get(name);
				answers[question.id] = typeof value === 'string' ? value : '';
			}
		}
	}
	return answers;
}
