import { SvelteSet } from 'svelte/reactivity';
import {
	addQuestion,
	addSection,
	canMoveQuestion,
	cleanForm,
	ensureIds,
	keyIssues,
	moveQuestionBy,
	moveQuestionTo,
	moveSectionBy,
	moveSectionTo,
	newId,
	newSection,
	questionOfType,
	removeQuestion,
	removeSection,
	replaceQuestion,
	takenIds,
	withTextSlots,
	type QuestionPosition
} from '$lib/calls/form-builder-ops';
import {
	formDefinitionSchema,
	type FormDefinition,
	type Question,
	type QuestionType
} from '$lib/calls/form-definition';
import type { Locale } from '$lib/i18n/localized';

/**
 * The form builder's state: the form being edited, the language its texts are edited in, which
 * questions are open, and what to announce to screen readers. The steps themselves are the pure
 * functions of $lib/calls/form-builder-ops.
 */
export class FormBuilder {
	form = $state<FormDefinition>({ sections: [] });
	/** The form as last saved, to tell whether there are unsaved changes. */
	saved = $state('');
	version = $state(0);
	locale = $state<Locale>('en');
	/** False for someone who may look at the form but not change it (a programme's lead). */
	editable = $state(true);
	expanded = new SvelteSet<string>();
	/** Errors are shown once the manager has tried to save, then kept up to date as they type. */
	attempted = $state(false);
	/** Errors the server returned (keyed like the client's own), until the next save. */
	serverErrors = $state<Record<string, string>>({});
	/** Read out by the page's live region after a move, an addition or a removal. */
	announcement = $state('');
	/** What is being dragged, and where it would land. */
	dragging = $state<{ kind: 'question' | 'section'; id: string } | null>(null);
	dropQuestion = $state<QuestionPosition | null>(null);
	dropSection = $state<number | null>(null);

	constructor(form: FormDefinition, version: number, locale: Locale, editable = true) {
		this.form = withTextSlots(ensureIds(form));
		this.saved = JSON.stringify(cleanForm(this.form));
		this.version = version;
		this.locale = locale;
		this.editable = editable;
		// Someone who only looks sees every question's settings at once (they cannot open them).
		if (!editable)
			for (const q of this.form.sections.flatMap((s) => s.questions)) this.expanded.add(q.id);
	}

	/** What is posted: the form without empty translations or cleared number fields. */
	payload = $derived(cleanForm(this.form));
	json = $derived(JSON.stringify(this.payload));
	dirty = $derived(this.json !== this.saved);

	errors = $derived.by((): Record<string, string> => {
		if (!this.attempted) return this.serverErrors;
		const result = formDefinitionSchema.safeParse(this.payload);
		const own = result.success ? {} : keyIssues(this.payload, result.error.issues);
		return { ...this.serverErrors, ...own };
	});

	questionCount = $derived(this.form.sections.reduce((n, s) => n + s.questions.length, 0));

	announce(message: string) {
		// Clearing first makes a repeated message (two moves in a row) heard again.
		this.announcement = '';
		queueMicrotask(() => (this.announcement = message));
	}

	/** Back to the form as last saved. */
	discard() {
		this.form = withTextSlots(JSON.parse(this.saved) as FormDefinition);
		this.serverErrors = {};
		this.attempted = false;
	}

	markSaved(version: number) {
		this.saved = this.json;
		this.version = version;
		this.serverErrors = {};
		this.attempted = false;
	}

	private freshId(prefix: 'q' | 's' | 'o') {
		return newId(prefix, takenIds(this.form));
	}

	findQuestion(id: string): Question | undefined {
		for (const section of this.form.sections) {
			const question = section.questions.find((q) => q.id === id);
			if (question) return question;
		}
	}

	addSection() {
		const section = newSection(takenIds(this.form));
		this.form = addSection(this.form, section);
		return section.id;
	}

	removeSection(id: string) {
		this.form = removeSection(this.form, id);
	}

	addQuestion(sectionId: string, type: QuestionType) {
		const taken = takenIds(this.form);
		const id = newId('q', taken);
		taken.add(id);
		this.form = addQuestion(this.form, sectionId, questionOfType(type, id, taken));
		this.expanded.add(id);
		return id;
	}

	removeQuestion(id: string) {
		this.form = removeQuestion(this.form, id);
		this.expanded.delete(id);
	}

	changeType(question: Question, type: QuestionType) {
		if (question.type === type) return;
		this.form = replaceQuestion(
			this.form,
			questionOfType(type, question.id, takenIds(this.form), question)
		);
	}

	addOption(question: Question) {
		if (!('options' in question)) return;
		const id = this.freshId('o');
		question.options.push({ id, label: {} });
		return id;
	}

	removeOption(question: Question, optionId: string) {
		if (!('options' in question)) return;
		const index = question.options.findIndex((o) => o.id === optionId);
		if (index >= 0) question.options.splice(index, 1);
	}

	moveOption(question: Question, optionId: string, direction: -1 | 1) {
		if (!('options' in question)) return;
		const from = question.options.findIndex((o) => o.id === optionId);
		const to = from + direction;
		if (from < 0 || to < 0 || to >= question.options.length) return;
		const [option] = question.options.splice(from, 1);
		question.options.splice(to, 0, option);
	}

	canMoveQuestion(id: string, direction: -1 | 1) {
		return canMoveQuestion(this.form, id, direction);
	}

	moveQuestionBy(id: string, direction: -1 | 1) {
		this.form = moveQuestionBy(this.form, id, direction);
	}

	moveQuestionTo(id: string, target: QuestionPosition) {
		this.form = moveQuestionTo(this.form, id, target);
	}

	moveSectionBy(id: string, direction: -1 | 1) {
		this.form = moveSectionBy(this.form, id, direction);
	}

	moveSectionTo(id: string, index: number) {
		this.form = moveSectionTo(this.form, id, index);
	}

	toggle(id: string, open = !this.expanded.has(id)) {
		if (open) this.expanded.add(id);
		else this.expanded.delete(id);
	}

	endDrag() {
		this.dragging = null;
		this.dropQuestion = null;
		this.dropSection = null;
	}

	/** Opens every question that has an error, so the manager sees it. */
	expandErrors() {
		for (const key of Object.keys(this.errors)) {
			const [kind, id] = key.split(':');
			if (kind === 'q' || kind === 'o') this.expanded.add(id);
		}
	}
}
