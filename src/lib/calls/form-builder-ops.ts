import {
	LIMITS,
	type FormDefinition,
	type Question,
	type QuestionType,
	type Section
} from './form-definition';
import { LOCALES, type LocalizedText } from '$lib/i18n/localized';

/**
 * Pure steps of the form builder: each takes a form and returns a new one, so the rune state in
 * $lib/state/form-builder.svelte.ts stays a thin shell and these are tested without a browser.
 */

type Random = () => number;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short id (`q_k3v9za`) not yet used in the form; answers are keyed by it, so it never changes. */
export function newId(
	prefix: 'q' | 's' | 'o',
	taken: ReadonlySet<string>,
	random: Random = Math.random
) {
	for (;;) {
		let id = `${prefix}_`;
		for (let i = 0; i < 6; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
		if (!taken.has(id)) return id;
	}
}

/** Every id in the form: sections, questions and options share one namespace here for safety. */
export function takenIds(form: FormDefinition): Set<string> {
	const ids = new Set<string>();
	for (const section of form.sections) {
		ids.add(section.id);
		for (const question of section.questions) {
			ids.add(question.id);
			if ('options' in question) for (const option of question.options) ids.add(option.id);
		}
	}
	return ids;
}

/** A copy of the list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
	const next = [...list];
	if (from < 0 || from >= list.length) return next;
	const target = Math.max(0, Math.min(list.length - 1, to));
	const [item] = next.splice(from, 1);
	next.splice(target, 0, item);
	return next;
}

export const DEFAULT_LONG_TEXT_MAX = 3000;
export const DEFAULT_FILE_MAX_MB = 10;

function twoOptions(taken: Set<string>, random: Random) {
	const first = newId('o', taken, random);
	taken.add(first);
	const second = newId('o', taken, random);
	taken.add(second);
	return [
		{ id: first, label: {} },
		{ id: second, label: {} }
	];
}

/**
 * A question of the given type that keeps the label, help and required flag of `from` (when the
 * manager changes a question's type) and sensible defaults for the type's own settings.
 */
export function questionOfType(
	type: QuestionType,
	id: string,
	taken: Set<string>,
	from?: Question,
	random: Random = Math.random
): Question {
	const base = {
		id,
		label: from?.label ?? {},
		help: from?.help ?? {},
		required: from?.required ?? false
	};
	const keptOptions = from && 'options' in from ? from.options : undefined;
	switch (type) {
		case 'short_text':
			return { ...base, type, maxLength: LIMITS.shortTextMax };
		case 'long_text':
			return { ...base, type, maxLength: DEFAULT_LONG_TEXT_MAX };
		case 'number':
			return { ...base, type, integer: false };
		case 'single_choice':
			return { ...base, type, options: keptOptions ?? twoOptions(taken, random) };
		case 'multiple_choice':
			return { ...base, type, options: keptOptions ?? twoOptions(taken, random) };
		case 'file':
			return { ...base, type, accept: ['pdf'], maxSizeMb: DEFAULT_FILE_MAX_MB };
		case 'date':
		case 'url':
		case 'email':
		case 'confirm':
			return { ...base, type };
	}
}

export function newSection(taken: ReadonlySet<string>, random: Random = Math.random): Section {
	return { id: newId('s', taken, random), title: {}, description: {}, questions: [] };
}

export type QuestionPosition = { section: number; index: number };

export function locateQuestion(form: FormDefinition, id: string): QuestionPosition | null {
	for (let section = 0; section < form.sections.length; section++) {
		const index = form.sections[section].questions.findIndex((q) => q.id === id);
		if (index >= 0) return { section, index };
	}
	return null;
}

function withSection(form: FormDefinition, index: number, section: Section): FormDefinition {
	return { ...form, sections: form.sections.map((s, i) => (i === index ? section : s)) };
}

export function addSection(form: FormDefinition, section: Section): FormDefinition {
	return { ...form, sections: [...form.sections, section] };
}

export function removeSection(form: FormDefinition, sectionId: string): FormDefinition {
	return { ...form, sections: form.sections.filter((s) => s.id !== sectionId) };
}

export function addQuestion(
	form: FormDefinition,
	sectionId: string,
	question: Question
): FormDefinition {
	const index = form.sections.findIndex((s) => s.id === sectionId);
	if (index < 0) return form;
	const section = form.sections[index];
	return withSection(form, index, { ...section, questions: [...section.questions, question] });
}

export function removeQuestion(form: FormDefinition, questionId: string): FormDefinition {
	return {
		...form,
		sections: form.sections.map((s) =>
			s.questions.some((q) => q.id === questionId)
				? { ...s, questions: s.questions.filter((q) => q.id !== questionId) }
				: s
		)
	};
}

export function replaceQuestion(form: FormDefinition, question: Question): FormDefinition {
	return {
		...form,
		sections: form.sections.map((s) =>
			s.questions.some((q) => q.id === question.id)
				? { ...s, questions: s.questions.map((q) => (q.id === question.id ? question : q)) }
				: s
		)
	};
}

/**
 * Moves a question one step up or down. At the edge of its section it crosses into the end of the
 * previous section (or the start of the next), so a keyboard user can reach every place a drag can.
 */
export function moveQuestionBy(
	form: FormDefinition,
	questionId: string,
	direction: -1 | 1
): FormDefinition {
	const at = locateQuestion(form, questionId);
	if (!at) return form;
	const section = form.sections[at.section];
	const target = at.index + direction;
	if (target >= 0 && target < section.questions.length) {
		return withSection(form, at.section, {
			...section,
			questions: moveItem(section.questions, at.index, target)
		});
	}
	const neighbour = at.section + direction;
	if (neighbour < 0 || neighbour >= form.sections.length) return form;
	return moveQuestionTo(form, questionId, {
		section: neighbour,
		index: direction === -1 ? form.sections[neighbour].questions.length : 0
	});
}

/** Whether the question can move one step in that direction (for disabling the buttons). */
export function canMoveQuestion(form: FormDefinition, questionId: string, direction: -1 | 1) {
	const at = locateQuestion(form, questionId);
	if (!at) return false;
	const last = form.sections.length - 1;
	if (direction === -1) return at.index > 0 || at.section > 0;
	return at.index < form.sections[at.section].questions.length - 1 || at.section < last;
}

/**
 * Moves a question to an index of a section; the index counts the target section's questions
 * before the move (as a drop target shows them), so dropping "before item 3" means index 3.
 */
export function moveQuestionTo(
	form: FormDefinition,
	questionId: string,
	target: QuestionPosition
): FormDefinition {
	const at = locateQuestion(form, questionId);
	if (!at || target.section < 0 || target.section >= form.sections.length) return form;
	if (at.section === target.section) {
		const section = form.sections[at.section];
		// Removing the question first shifts later positions up by one.
		const index = target.index > at.index ? target.index - 1 : target.index;
		return withSection(form, at.section, {
			...section,
			questions: moveItem(section.questions, at.index, index)
		});
	}
	const question = form.sections[at.section].questions[at.index];
	return {
		...form,
		sections: form.sections.map((s, i) => {
			if (i === at.section)
				return { ...s, questions: s.questions.filter((q) => q.id !== questionId) };
			if (i === target.section) {
				const questions = [...s.questions];
				questions.splice(Math.max(0, Math.min(questions.length, target.index)), 0, question);
				return { ...s, questions };
			}
			return s;
		})
	};
}

export function moveSectionBy(form: FormDefinition, sectionId: string, direction: -1 | 1) {
	const index = form.sections.findIndex((s) => s.id === sectionId);
	if (index < 0) return form;
	return { ...form, sections: moveItem(form.sections, index, index + direction) };
}

/** Like moveQuestionTo: `index` counts the sections before the move. */
export function moveSectionTo(form: FormDefinition, sectionId: string, index: number) {
	const from = form.sections.findIndex((s) => s.id === sectionId);
	if (from < 0) return form;
	return {
		...form,
		sections: moveItem(form.sections, from, index > from ? index - 1 : index)
	};
}

/**
 * Gives every section, question and option a valid, unique id. Ids that are already fine are
 * kept — answers refer to them; only missing, malformed or repeated ones are replaced.
 */
export function ensureIds(form: FormDefinition, random: Random = Math.random): FormDefinition {
	const valid = /^[a-z0-9_-]{1,40}$/i;
	const seen = new Set<string>();
	const all = takenIds(form);
	const fix = (prefix: 'q' | 's' | 'o', id: string | undefined) => {
		if (id && valid.test(id) && !seen.has(id)) {
			seen.add(id);
			return id;
		}
		const fresh = newId(prefix, new Set([...all, ...seen]), random);
		seen.add(fresh);
		return fresh;
	};
	return {
		...form,
		sections: form.sections.map((section) => ({
			...section,
			id: fix('s', section.id),
			questions: section.questions.map((question) => {
				const id = fix('q', question.id);
				if (!('options' in question)) return { ...question, id };
				return {
					...question,
					id,
					options: question.options.map((option) => ({ ...option, id: fix('o', option.id) }))
				};
			})
		}))
	};
}

/** Every text object present (empty help and descriptions included), so editors can bind to them. */
export function withTextSlots(form: FormDefinition): FormDefinition {
	return {
		...form,
		sections: form.sections.map((section) => ({
			...section,
			title: { ...section.title },
			description: { ...section.description },
			questions: section.questions.map((question) => ({
				...question,
				label: { ...question.label },
				help: { ...question.help },
				...('options' in question
					? { options: question.options.map((o) => ({ ...o, label: { ...o.label } })) }
					: {})
			}))
		}))
	};
}

function cleanText(text: LocalizedText | undefined): LocalizedText {
	const clean: LocalizedText = {};
	for (const locale of LOCALES) {
		const value = text?.[locale]?.trim();
		if (value) clean[locale] = value;
	}
	return clean;
}

function cleanNumber(value: number | undefined): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The form as it is sent: empty translations dropped, cleared number fields left out (so the
 * schema says "required" rather than "invalid"), and settings of other types removed.
 */
export function cleanForm(form: FormDefinition): FormDefinition {
	return {
		sections: form.sections.map((section) => ({
			id: section.id,
			title: cleanText(section.title),
			description: cleanText(section.description),
			questions: section.questions.map((q): Question => {
				const base = {
					id: q.id,
					label: cleanText(q.label),
					help: cleanText(q.help),
					required: Boolean(q.required)
				};
				switch (q.type) {
					case 'short_text':
					case 'long_text':
						return { ...base, type: q.type, maxLength: cleanNumber(q.maxLength) as number };
					case 'number': {
						const min = cleanNumber(q.min);
						const max = cleanNumber(q.max);
						return {
							...base,
							type: q.type,
							...(min === undefined ? {} : { min }),
							...(max === undefined ? {} : { max }),
							integer: Boolean(q.integer)
						};
					}
					case 'single_choice':
						return {
							...base,
							type: q.type,
							options: q.options.map((o) => ({ id: o.id, label: cleanText(o.label) }))
						};
					case 'multiple_choice': {
						const maxSelected = cleanNumber(q.maxSelected);
						return {
							...base,
							type: q.type,
							options: q.options.map((o) => ({ id: o.id, label: cleanText(o.label) })),
							...(maxSelected === undefined ? {} : { maxSelected })
						};
					}
					case 'file':
						return {
							...base,
							type: q.type,
							accept: [...q.accept],
							maxSizeMb: cleanNumber(q.maxSizeMb) as number
						};
					default:
						return { ...base, type: q.type };
				}
			})
		}))
	};
}

/**
 * Where a validation issue belongs, named by ids rather than positions so that errors stay on
 * their question while the manager reorders: `s:<section>:title`, `q:<question>:maxLength`,
 * `o:<question>:<option>:label`; anything else is `form`.
 */
export function issueKey(form: unknown, path: readonly PropertyKey[]): string {
	const [root, si, part, qi, ...rest] = path;
	const sections = (form as { sections?: unknown } | null)?.sections;
	if (root !== 'sections' || typeof si !== 'number' || !Array.isArray(sections)) return 'form';
	const section = sections[si] as Partial<Section> | undefined;
	if (!section || typeof section.id !== 'string') return 'form';
	if (part !== 'questions') return `s:${section.id}:${String(part ?? 'title')}`;
	const questions = Array.isArray(section.questions) ? section.questions : [];
	const question =
		typeof qi === 'number' ? (questions[qi] as Partial<Question> | undefined) : undefined;
	if (!question || typeof question.id !== 'string') return `s:${section.id}:questions`;
	const [field, oi, ...optionRest] = rest;
	const options = 'options' in question && Array.isArray(question.options) ? question.options : [];
	if (field === 'options' && typeof oi === 'number') {
		const option = options[oi] as { id?: unknown } | undefined;
		if (option && typeof option.id === 'string')
			return `o:${question.id}:${option.id}:${String(optionRest[0] ?? 'label')}`;
	}
	return `q:${question.id}:${String(field ?? 'label')}`;
}

/** Issues of a failed parse as `key → code`, the first code per key. */
export function keyIssues(
	form: unknown,
	issues: readonly { path: readonly PropertyKey[]; message: string }[]
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) errors[issueKey(form, issue.path)] ??= issue.message;
	return errors;
}
