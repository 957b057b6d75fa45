import {
	interpretSaveResponse,
	retryDelay,
	saveDelay,
	type SaveOutcome
} from '$lib/state/autosave-logic';
import type { SaveStatus } from '$lib/state/autosave.svelte';

export interface ReviewValues {
	scores: Record<string, number | null>;
	comment: string;
	privateNote: string;
}

const STOPPED: readonly SaveStatus[] = ['conflict', 'closed', 'signed_out', 'failed'];

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
 * A juror's review as it is being scored, saved on its own: after a pause in typing (a score is
 * saved at once), retried with backoff when the network fails (and at once when it comes back),
 * and never written over a newer version saved in another tab — that is a conflict instead. Uses
 * the same timing and response rules as the application form's autosave.
 */
export class ReviewAutosave {
	values: ReviewValues = $state({ scores: {}, comment: '', privateNote: '' });
	version = $state(0);
	status: SaveStatus = $state('idle');
	savedAt: Date | null = $state(null);
	/** Codes the server gave for refused fields, by field name. */
	serverErrors: Record<string, string> = $state({});

	readonly #endpoint: string;
	#lastSaved: string;
	#firstChangeAt = 0;
	#lastChangeAt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#attempt = 0;
	#started = false;

	constructor(options: { reviewId: string; version: number; values: ReviewValues }) {
		this.#endpoint = `/api/reviews/${options.reviewId}`;
		this.version = options.version;
		this.values = {
			scores: { ...options.values.scores },
			comment: options.values.comment,
			privateNote: options.values.privateNote
		};
		this.#lastSaved = key(options.values);
	}

	/** In the browser only: saves when the page is hidden or left, and when the network returns. */
	start(): () => void {
		if (this.#started) return () => undefined;
		this.#started = true;
		const online = () => {
			if (this.status === 'retrying') this.#schedule(0);
		};
		const hidden = () => {
			if (document.visibilityState === 'hidden') void this.#save({ keepalive: true });
		};
		const leaving = () => void this.#save({ keepalive: true });
		window.addEventListener('online', online);
		document.addEventListener('visibilitychange', hidden);
		window.addEventListener('pagehide', leaving);
		return () => {
			window.removeEventListener('online', online);
			document.removeEventListener('visibilitychange', hidden);
			window.removeEventListener('pagehide', leaving);
			clearTimeout(this.#timer);
			this.#started = false;
		};
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

	/** Saves now whatever is waiting, and resolves once nothing is on its way. */
	async settle(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		if (this.dirty) await this.#save();
		while (this.#inFlight) await this.#inFlight;
	}

	markConflict() {
		clearTimeout(this.#timer);
		this.status = 'conflict';
	}

	#changed(delay?: number) {
		const now = Date.now();
		if (this.status !== 'saving' && this.status !== 'retrying') this.#firstChangeAt = now;
		this.#lastChangeAt = now;
		if (STOPPED.includes(this.status) || this.status === 'retrying') return;
		this.status = 'saving';
		this.#schedule(delay);
	}

	#schedule(delay?: number) {
		clearTimeout(this.#timer);
		const wait =
			delay ??
			saveDelay({
				firstChangeAt: this.#firstChangeAt,
				lastChangeAt: this.#lastChangeAt,
				now: Date.now()
			});
		this.#timer = setTimeout(() => void this.#save(), wait);
	}

	async #save(options: { keepalive?: boolean } = {}): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		if (STOPPED.includes(this.status) || !this.#started) return;
		clearTimeout(this.#timer);
		const sent = $state.snapshot(this.values) as ReviewValues;
		if (key(sent) === this.#lastSaved) {
			if (this.status === 'saving') this.status = this.savedAt ? 'saved' : 'idle';
			return;
		}
		this.#inFlight = (async () => {
			let outcome: SaveOutcome;
			try {
				const response = await fetch(this.#endpoint, {
					method: 'PUT',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify({ version: this.version, ...sent }),
					keepalive: options.keepalive ?? false
				});
				outcome = interpretSaveResponse(response.status, await response.json().catch(() => null));
			} catch {
				outcome = { kind: 'retry' };
			}
			this.#apply(outcome, sent);
		})();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
		// Changes made while the request was on its way go out next.
		if (this.status === 'saved' && this.dirty) {
			this.status = 'saving';
			this.#schedule();
		}
	}

	#apply(outcome: SaveOutcome, sent: ReviewValues) {
		switch (outcome.kind) {
			case 'saved':
				this.version = outcome.version;
				this.savedAt = outcome.savedAt;
				this.#lastSaved = key(sent);
				this.#attempt = 0;
				this.status = 'saved';
				return;
			case 'conflict':
				this.markConflict();
				return;
			case 'invalid':
				this.serverErrors = outcome.errors;
				this.status = 'invalid';
				return;
			case 'closed':
				this.status = 'closed';
				return;
			case 'signed_out':
				this.status = 'signed_out';
				return;
			case 'retry':
				this.#attempt += 1;
				this.status = 'retrying';
				this.#schedule(retryDelay(this.#attempt));
				return;
			case 'failed':
				this.status = 'failed';
				return;
		}
	}
}
