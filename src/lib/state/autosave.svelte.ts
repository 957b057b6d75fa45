import type { Answer, Answers } from '$lib/calls/answers';
import type { FormDefinition } from '$lib/calls/form-definition';
import {
	interpretSaveResponse,
	localCopyKey,
	mergeAnswers,
	parseLocalCopy,
	restoreDecision,
	retryDelay,
	sameAnswers,
	saveableAnswers,
	saveDelay,
	toFormValues,
	type SaveOutcome
} from './autosave-logic';

export type SaveStatus =
	/** Nothing typed since the page loaded. */
	| 'idle'
	/** Changes waiting for the pause in typing, or on their way. */
	| 'saving'
	| 'saved'
	/** The network or the server failed; a retry is scheduled. */
	| 'retrying'
	/** Someone saved a newer version elsewhere: nothing is saved until the person reloads it. */
	| 'conflict'
	/** The application can no longer change (deadline passed, withdrawn). */
	| 'closed'
	| 'signed_out'
	/** The server refused some answers (shown next to them). */
	| 'invalid'
	| 'failed';

export interface UploadedFile {
	id: string;
	fileName: string;
	sizeBytes: number;
}

export type UploadResult = { ok: true; file: UploadedFile } | { ok: false; error: string };

const STOPPED: readonly SaveStatus[] = ['conflict', 'closed', 'signed_out', 'failed'];

/**
 * An application's answers as they are being typed, saved on their own: after a pause in typing,
 * retried with backoff when the network fails (and at once when it comes back), copied into this
 * browser's storage until the server has them, and never written over a newer version saved in
 * another tab — that is reported as a conflict instead.
 */
export class Autosave {
	answers: Answers = $state({});
	version = $state(0);
	status: SaveStatus = $state('idle');
	savedAt: Date | null = $state(null);
	/** Answers not saved yet because they do not pass (they are saved once corrected). */
	heldBack: string[] = $state([]);
	/** Codes the server gave for answers it refused, by question id. */
	serverErrors: Record<string, string> = $state({});
	/** Set after answers left in this browser were restored; the questions both sides changed. */
	restored: { conflicts: string[] } | null = $state(null);
	/** Questions changed both here and elsewhere when the latest version was reloaded. */
	mergeConflicts: string[] = $state([]);

	mode: 'draft' | 'submit';
	readonly #applicationId: string;
	readonly #form: FormDefinition;
	readonly #endpoint: string;
	readonly #uploadEndpoint: string;
	#lastSaved: Answers;
	#dirty = false;
	#firstChangeAt = 0;
	#lastChangeAt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#attempt = 0;
	#started = false;

	constructor(options: {
		applicationId: string;
		form: FormDefinition;
		version: number;
		answers: Answers;
		mode: 'draft' | 'submit';
		/** Answers shown instead of the saved ones (a form sent back with errors). */
		initial?: Answers;
	}) {
		this.#applicationId = options.applicationId;
		this.#form = options.form;
		this.#endpoint = `/api/applications/${options.applicationId}/draft`;
		this.#uploadEndpoint = `/api/applications/${options.applicationId}/files`;
		this.mode = options.mode;
		this.version = options.version;
		this.#lastSaved = toFormValues(options.form, options.answers);
		this.answers = options.initial
			? toFormValues(options.form, options.initial)
			: { ...this.#lastSaved };
		this.#dirty = !sameAnswers(this.answers, this.#lastSaved);
	}

	/** In the browser only: restores what this browser kept, and listens for the network. */
	start(): () => void {
		if (this.#started) return () => undefined;
		this.#started = true;
		this.#restoreLocalCopy();
		if (this.#dirty) this.#schedule(0);
		const online = () => {
			if (this.status === 'retrying') this.#saveSoon(0);
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

	/** One answer changed. */
	set(questionId: string, value: Answer) {
		this.answers[questionId] = value;
		if (questionId in this.serverErrors) delete this.serverErrors[questionId];
		const now = Date.now();
		if (!this.#dirty) this.#firstChangeAt = now;
		this.#lastChangeAt = now;
		this.#dirty = true;
		this.#writeLocalCopy();
		if (STOPPED.includes(this.status)) return;
		if (this.status === 'retrying') return; // the retry already scheduled takes the new answers
		this.status = 'saving';
		this.#schedule();
	}

	/** Saves now whatever is waiting, and resolves once nothing is on its way. */
	async settle(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		if (this.#needsSave()) await this.#save();
		while (this.#inFlight) await this.#inFlight;
	}

	/** A submission found a newer version on the server: the same as an autosave conflict. */
	markConflict() {
		clearTimeout(this.#timer);
		this.status = 'conflict';
	}

	/** Forgets the answers kept in this browser: the server has them (after a submission). */
	clearLocalCopy() {
		try {
			localStorage.removeItem(localCopyKey(this.#applicationId));
		} catch {
			// Storage may be unavailable (private mode, quota); nothing to clear then.
		}
	}

	/**
	 * A newer version from the server (after a submission, or "Reload the latest version"): answers
	 * changed here on other questions are kept; where both sides changed one, the saved one wins.
	 */
	adopt(server: { version: number; answers: Answers; mode: 'draft' | 'submit' }) {
		this.mode = server.mode;
		if (server.version <= this.version && this.status !== 'conflict') return;
		clearTimeout(this.#timer);
		const remote = toFormValues(this.#form, server.answers);
		const local = $state.snapshot(this.answers) as Answers;
		const merged = mergeAnswers(this.#lastSaved, local, remote);
		this.version = server.version;
		this.#lastSaved = remote;
		this.answers = merged.answers;
		this.mergeConflicts = this.status === 'conflict' ? merged.conflicts : [];
		this.serverErrors = {};
		this.heldBack = [];
		this.#attempt = 0;
		this.#dirty = !sameAnswers(merged.answers, remote);
		this.status = this.#dirty ? 'saving' : this.savedAt ? 'saved' : 'idle';
		if (this.#dirty) {
			this.#firstChangeAt = Date.now();
			this.#writeLocalCopy();
			this.#schedule(0);
		} else {
			this.clearLocalCopy();
		}
	}

	/** Uploads a file answer at once; it changes the application's version like a save. */
	async upload(questionId: string, file: File): Promise<UploadResult> {
		await this.settle();
		if (STOPPED.includes(this.status)) return { ok: false, error: 'not_editable' };
		const body = new FormData();
		body.set('questionId', questionId);
		body.set('version', String(this.version));
		body.set('file', file);
		let response: Response;
		try {
			response = await fetch(this.#uploadEndpoint, { method: 'POST', body });
		} catch {
			return { ok: false, error: 'network' };
		}
		const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
		if (response.ok && data && typeof data.version === 'number') {
			const uploaded = data.file as UploadedFile;
			this.version = data.version;
			this.#lastSaved = { ...this.#lastSaved, [questionId]: uploaded.id };
			this.answers[questionId] = uploaded.id;
			delete this.serverErrors[questionId];
			if (!this.#needsSave()) this.#dirty = false;
			this.#writeLocalCopy();
			return { ok: true, file: uploaded };
		}
		const outcome = interpretSaveResponse(response.status, data);
		if (outcome.kind === 'conflict' || outcome.kind === 'signed_out') {
			this.#apply(outcome, {}, {}, []);
			return { ok: false, error: outcome.kind };
		}
		const errors = (data?.errors ?? {}) as Record<string, string>;
		return { ok: false, error: errors[questionId] ?? errors._form ?? 'file_invalid' };
	}

	/** The status as it is now (read through a call: an await may have changed it). */
	#statusNow(): SaveStatus {
		return this.status;
	}

	#needsSave() {
		return this.#dirty && !sameAnswers(this.answers, this.#lastSaved);
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

	#saveSoon(delay: number) {
		this.status = 'saving';
		this.#schedule(delay);
	}

	async #save(options: { keepalive?: boolean } = {}): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		if (STOPPED.includes(this.status) || !this.#started) return;
		clearTimeout(this.#timer);
		const snapshot = $state.snapshot(this.answers) as Answers;
		const { answers: payload, heldBack } = saveableAnswers(
			this.#form,
			snapshot,
			this.#lastSaved,
			this.mode
		);
		if (sameAnswers(payload, this.#lastSaved)) {
			// Nothing the server does not have (or only answers that must be corrected first).
			this.heldBack = heldBack;
			this.#dirty = heldBack.length > 0;
			if (this.status === 'saving' || this.status === 'retrying')
				this.status = this.savedAt ? 'saved' : 'idle';
			if (!this.#dirty) this.clearLocalCopy();
			return;
		}
		this.status = this.status === 'retrying' ? 'retrying' : 'saving';
		this.#inFlight = (async () => {
			let outcome: SaveOutcome;
			try {
				const response = await fetch(this.#endpoint, {
					method: 'PUT',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify({ version: this.version, answers: payload }),
					keepalive: options.keepalive ?? false
				});
				outcome = interpretSaveResponse(response.status, await response.json().catch(() => null));
			} catch {
				outcome = { kind: 'retry' };
			}
			this.#apply(outcome, snapshot, payload, heldBack);
		})();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
		// Answers typed while the request was on its way go out next.
		if (this.#statusNow() === 'saved' && this.#needsSave()) this.#saveSoon(0);
	}

	#apply(outcome: SaveOutcome, sent: Answers, payload: Answers, heldBack: string[]) {
		switch (outcome.kind) {
			case 'saved': {
				this.version = outcome.version;
				this.savedAt = outcome.savedAt;
				this.#lastSaved = payload;
				this.heldBack = heldBack;
				this.#attempt = 0;
				this.status = 'saved';
				const current = $state.snapshot(this.answers) as Answers;
				const typedMeanwhile = !sameAnswers(current, sent);
				this.#dirty = typedMeanwhile || heldBack.length > 0;
				if (this.#dirty) this.#writeLocalCopy();
				else this.clearLocalCopy();
				return;
			}
			case 'conflict':
				clearTimeout(this.#timer);
				this.status = 'conflict';
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

	#writeLocalCopy() {
		if (typeof localStorage === 'undefined') return;
		try {
			localStorage.setItem(
				localCopyKey(this.#applicationId),
				JSON.stringify({
					version: this.version,
					base: this.#lastSaved,
					answers: $state.snapshot(this.answers),
					changedAt: Date.now()
				})
			);
		} catch {
			// A full or disabled storage only loses the offline copy; saving goes on.
		}
	}

	#restoreLocalCopy() {
		let raw: string | null;
		try {
			raw = localStorage.getItem(localCopyKey(this.#applicationId));
		} catch {
			return;
		}
		const decision = restoreDecision(this.#form, parseLocalCopy(raw), {
			version: this.version,
			answers: this.#lastSaved
		});
		if (decision.kind === 'none') {
			if (decision.discard) this.clearLocalCopy();
			return;
		}
		this.answers = decision.answers;
		this.restored = { conflicts: decision.conflicts };
		this.#dirty = true;
		this.#firstChangeAt = Date.now();
		this.status = 'saving';
		this.#writeLocalCopy();
	}
}
