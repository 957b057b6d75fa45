import type { Answer, Answers } from '$lib/calls/answers';
import type { FormDefinition } from '$lib/calls/form-definition';
import {
	chooseLocalCopy,
	interpretSaveResponse,
	isLocalCopyKey,
	localCopyKey,
	mergeAnswers,
	parseLocalCopy,
	restoreDecision,
	sameAnswers,
	saveableAnswers,
	toFormValues
} from './autosave-logic';
import { SaveLoop, STOPPED, type PendingSave } from './save-loop.svelte';

export type { SaveStatus } from './save-loop.svelte';

export interface UploadedFile {
	id: string;
	fileName: string;
	sizeBytes: number;
}

export type UploadResult = { ok: true; file: UploadedFile } | { ok: false; error: string };

/** What one save of the answers sent: the form's values, the payload and the answers held back. */
interface SentAnswers {
	snapshot: Answers;
	payload: Answers;
	heldBack: string[];
}

/**
 * An application's answers as they are being typed, saved on their own: after a pause in typing,
 * retried with backoff when the network fails (and at once when it comes back), copied into this
 * browser's storage until the server has them, and never written over a newer version saved in
 * another tab — that is reported as a conflict instead.
 */
export class Autosave extends SaveLoop<SentAnswers> {
	answers: Answers = $state({});
	/** Answers not saved yet because they do not pass (they are saved once corrected). */
	heldBack: string[] = $state([]);
	/** Set after answers left in this browser were restored; the questions both sides changed. */
	restored: { conflicts: string[] } | null = $state(null);
	/** Questions changed both here and elsewhere when the latest version was reloaded. */
	mergeConflicts: string[] = $state([]);

	mode: 'draft' | 'submit';
	readonly #applicationId: string;
	readonly #form: FormDefinition;
	readonly #uploadEndpoint: string;
	readonly #copyKey: string;
	#lastSaved: Answers;
	#dirty = false;

	constructor(options: {
		applicationId: string;
		form: FormDefinition;
		version: number;
		answers: Answers;
		mode: 'draft' | 'submit';
		/** Answers shown instead of the saved ones (a form sent back with errors). */
		initial?: Answers;
	}) {
		super({
			endpoint: `/api/applications/${options.applicationId}/draft`,
			version: options.version,
			followUpAtOnce: true
		});
		this.#applicationId = options.applicationId;
		this.#form = options.form;
		this.#uploadEndpoint = `/api/applications/${options.applicationId}/files`;
		this.#copyKey = localCopyKey(options.applicationId, tabId());
		this.mode = options.mode;
		this.#lastSaved = toFormValues(options.form, options.answers);
		this.answers = options.initial
			? toFormValues(options.form, options.initial)
			: { ...this.#lastSaved };
		this.#dirty = !sameAnswers(this.answers, this.#lastSaved);
	}

	/** Restores what this browser kept when the loop starts. */
	protected override onStart() {
		this.#restoreLocalCopy();
		if (this.#dirty) this.restart(true);
	}

	/** One answer changed. */
	set(questionId: string, value: Answer) {
		this.answers[questionId] = value;
		if (questionId in this.serverErrors) delete this.serverErrors[questionId];
		const first = !this.#dirty;
		this.#dirty = true;
		this.#writeLocalCopy();
		this.changed(first);
	}

	/** Forgets the answers this tab kept in the browser: the server has them. */
	clearLocalCopy() {
		removeStored(this.#copyKey);
	}

	/**
	 * A newer version from the server (after a submission, or "Reload the latest version"): answers
	 * changed here on other questions are kept; where both sides changed one, the saved one wins.
	 */
	adopt(server: { version: number; answers: Answers; mode: 'draft' | 'submit' }) {
		this.mode = server.mode;
		if (server.version <= this.version && this.status !== 'conflict') return;
		const remote = toFormValues(this.#form, server.answers);
		const local = $state.snapshot(this.answers) as Answers;
		const merged = mergeAnswers(this.#lastSaved, local, remote);
		this.version = server.version;
		this.#lastSaved = remote;
		this.answers = merged.answers;
		this.mergeConflicts = this.status === 'conflict' ? merged.conflicts : [];
		this.serverErrors = {};
		this.heldBack = [];
		this.#dirty = !sameAnswers(merged.answers, remote);
		this.status = this.#dirty ? 'saving' : this.savedAt ? 'saved' : 'idle';
		if (this.#dirty) this.#writeLocalCopy();
		else this.clearLocalCopy();
		this.restart(this.#dirty);
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
			if (!this.needsSave()) this.#dirty = false;
			this.#writeLocalCopy();
			return { ok: true, file: uploaded };
		}
		const outcome = interpretSaveResponse(response.status, data);
		if (outcome.kind === 'conflict' || outcome.kind === 'signed_out') {
			this.apply(outcome);
			return { ok: false, error: outcome.kind };
		}
		const errors = (data?.errors ?? {}) as Record<string, string>;
		return { ok: false, error: errors[questionId] ?? errors._form ?? 'file_invalid' };
	}

	protected needsSave() {
		return this.#dirty && !sameAnswers(this.answers, this.#lastSaved);
	}

	protected pending(): PendingSave<SentAnswers> | null {
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
			return null;
		}
		return {
			body: { version: this.version, answers: payload },
			sent: { snapshot, payload, heldBack }
		};
	}

	protected stored({ snapshot, payload, heldBack }: SentAnswers) {
		this.#lastSaved = payload;
		this.heldBack = heldBack;
		const current = $state.snapshot(this.answers) as Answers;
		const typedMeanwhile = !sameAnswers(current, snapshot);
		this.#dirty = typedMeanwhile || heldBack.length > 0;
		if (this.#dirty) this.#writeLocalCopy();
		else this.clearLocalCopy();
	}

	#writeLocalCopy() {
		if (typeof localStorage === 'undefined') return;
		try {
			localStorage.setItem(
				this.#copyKey,
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
		let own: string | null;
		const others: { key: string; copy: ReturnType<typeof parseLocalCopy> }[] = [];
		try {
			own = localStorage.getItem(this.#copyKey);
			for (let i = 0; i < localStorage.length; i++) {
				const key = localStorage.key(i);
				if (key && key !== this.#copyKey && isLocalCopyKey(key, this.#applicationId)) {
					others.push({ key, copy: parseLocalCopy(localStorage.getItem(key)) });
				}
			}
		} catch {
			return;
		}
		const chosen = chooseLocalCopy(parseLocalCopy(own), others);
		const decision = restoreDecision(this.#form, chosen?.copy ?? null, {
			version: this.version,
			answers: this.#lastSaved
		});
		// Another tab's copy is this tab's now (or it adds nothing): one tab keeps it from here on.
		if (chosen?.takenFrom) removeStored(chosen.takenFrom);
		if (decision.kind === 'none') {
			if (decision.discard) this.clearLocalCopy();
			return;
		}
		this.answers = decision.answers;
		this.restored = { conflicts: decision.conflicts };
		this.#dirty = true;
		this.status = 'saving';
		this.#writeLocalCopy();
	}
}

function removeStored(key: string) {
	try {
		localStorage.removeItem(key);
	} catch {
		// Storage may be unavailable (private mode, quota); nothing to clear then.
	}
}

/** This tab's id: kept in its session storage, so it survives a reload but not a new tab. */
function tabId(): string {
	const key = 'tandem:tab';
	try {
		let id = sessionStorage.getItem(key);
		if (!id) {
			id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
			sessionStorage.setItem(key, id);
		}
		return id;
	} catch {
		return 'tab';
	}
}
