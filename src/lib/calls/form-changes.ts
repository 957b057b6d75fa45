import { questionsOf, type FormDefinition, type Question } from './form-definition';

export type FormChangeProblem = {
	questionId: string;
	problem:
		| 'question_removed'
		| 'type_changed'
		| 'made_required'
		| 'required_added'
		| 'limit_tightened'
		| 'option_removed';
};

function tightened(before: Question, after: Question): boolean {
	if (before.type !== after.type) return false;
	switch (before.type) {
		case 'short_text':
		case 'long_text':
			return after.type === before.type && after.maxLength < before.maxLength;
		case 'number': {
			if (after.type !== 'number') return false;
			const minUp = after.min !== undefined && (before.min === undefined || after.min > before.min);
			const maxDown =
				after.max !== undefined && (before.max === undefined || after.max < before.max);
			return minUp || maxDown || (after.integer && !before.integer);
		}
		case 'multiple_choice':
			return (
				after.type === 'multiple_choice' &&
				after.maxSelected !== undefined &&
				(before.maxSelected === undefined || after.maxSelected < before.maxSelected)
			);
		case 'file':
			return (
				after.type === 'file' &&
				(after.maxSizeMb < before.maxSizeMb ||
					before.accept.some((kind) => !after.accept.includes(kind)))
			);
		default:
			return false;
	}
}

/**
 * What a form change would break once applications may exist. Texts, order, new optional
 * questions, new options and looser limits are safe; anything that could invalidate an answer
 * already given is listed.
 */
export function formChangeProblems(
	before: FormDefinition,
	after: FormDefinition
): FormChangeProblem[] {
	const problems: FormChangeProblem[] = [];
	const next = new Map(questionsOf(after).map((q) => [q.id, q]));
	const previous = new Map(questionsOf(before).map((q) => [q.id, q]));
	for (const [id, old] of previous) {
		const now = next.get(id);
		if (!now) {
			problems.push({ questionId: id, problem: 'question_removed' });
			continue;
		}
		if (now.type !== old.type) {
			problems.push({ questionId: id, problem: 'type_changed' });
			continue;
		}
		if (now.required && !old.required) problems.push({ questionId: id, problem: 'made_required' });
		if (tightened(old, now)) problems.push({ questionId: id, problem: 'limit_tightened' });
		if ('options' in old && 'options' in now) {
			const kept = new Set(now.options.map((o) => o.id));
			if (old.options.some((o) => !kept.has(o.id)))
				problems.push({ questionId: id, problem: 'option_removed' });
		}
	}
	for (const [id, question] of next) {
		if (!previous.has(id) && question.required)
			problems.push({ questionId: id, problem: 'required_added' });
	}
	return problems;
}
