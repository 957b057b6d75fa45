import { SaveLoop, type PendingSave } from '$lib/state/save-loop.svelte';

export interface ReviewValues {
	scores: Record<string, number | null>;
	comment: string;
	privateNote: string;
}

const key = (values: ReviewValues) =>
	JSON.stringify({
		scores: Object.fromEntries(
			Object.entries(values.scores)
				.filter(([, v]) => v !== null)
				.sort(([a], [b]) => a.localeCompare(b))
		),
		comment: values.comment,
		privateNote: values.privateNote
	});

/**
 * A juror's review as it is being scored, saved on its own by the same loop as the application
 * form (`SaveLoop`): after a pause in typing (a score is saved at once), retried when the network
 * fails, and never written over a newer version saved in another tab.
 */
export class ReviewAutosave extends SaveLoop<ReviewValues> {
	values: ReviewValues = $state({ scores: {}, comment: '', privateNote: '' });

	#lastSaved: string;

	constructor(options: { reviewId: string; version: number; values: ReviewValues }) {
		super({
			endpoint: `/api/reviews/${options.reviewId}`,
			version: options.version,
			followUpAtOnce: false
		});
		this.values = {
			scores: { ...options.values.scores },
			comment: options.values.comment,
			privateNote: options.values.privateNote
		};
		this.#lastSaved = key(options.values);
	}

	get dirty(): boolean {
		return key(this.values) !== this.#lastSaved;
	}

	/** A score was chosen: saved at once (a tap is a decision, not a keystroke). */
	setScore(criterionId: string, value: number | null) {
		this.values.scores[criterionId] = value;
		delete this.serverErrors[`scores.${criterionId}`];
		this.#changed(0);
	}

	setText(field: 'comment' | 'privateNote', value: string) {
		this.values[field] = value;
		delete this.serverErrors[field];
		this.#changed();
	}

	#changed(delay?: number) {
		this.changed(this.status !== 'saving' && this.status !== 'retrying', delay);
	}

	protected needsSave() {
		return this.dirty;
	}

	protected pending(): PendingSave<ReviewValues> | null {
		const sent = $state.snapshot(this.values) as ReviewValues;
		if (key(sent) === this.#lastSaved) {
			if (this.status === 'saving') this.status = this.savedAt ? 'saved' : 'idle';
			return null;
		}
		return { body: { version: this.version, ...sent }, sent };
	}

	protected stored(sent: ReviewValues) {
		this.#lastSaved = key(sent);
	}
}
