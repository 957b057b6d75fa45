import { interpretSaveResponse, retryDelay, saveDelay, type SaveOutcome } from './autosave-logic';

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
	/** The record can no longer change (deadline passed, withdrawn, phase closed). */
	| 'closed'
	| 'signed_out'
	/** The server refused some values (shown next to them). */
	| 'invalid'
	| 'failed';

/** States in which nothing more is saved until the page is reloaded. */
export const STOPPED: readonly SaveStatus[] = ['conflict', 'closed', 'signed_out', 'failed'];

/** One save's request body, and what the form needs back once the server has stored it. */
export interface PendingSave<Sent> {
	body: unknown;
	sent: Sent;
}

/**
 * The loop behind every autosaving form: changes go out after a pause in typing (see
 * `saveDelay`), one request at a time, as a versioned PUT; a failed network is retried with
 * backoff (and at once when it comes back); the page being hidden or left sends what is waiting;
 * a newer version saved elsewhere stops the loop as a conflict, never a silent overwrite.
 * A form says what to send (`pending`), what a stored save means for it (`stored`) and whether
 * anything is still unsaved (`needsSave`).
 */
export abstract class SaveLoop<Sent> {
	version = $state(0);
	status: SaveStatus = $state('idle');
	savedAt: Date | null = $state(null);
	/** Codes the server gave for refused values, by field. */
	serverErrors: Record<string, string> = $state({});

	protected readonly endpoint: string;
	/** Whether a change made while a save was on its way goes out at once (else after the pause). */
	protected readonly followUpAtOnce: boolean;
	#firstChangeAt = 0;
	#lastChangeAt = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#attempt = 0;
	#started = false;

	constructor(options: { endpoint: string; version: number; followUpAtOnce: boolean }) {
		this.endpoint = options.endpoint;
		this.version = options.version;
		this.followUpAtOnce = options.followUpAtOnce;
	}

	/** The next save, or null when the server has everything it may have (set the status then). */
	protected abstract pending(): PendingSave<Sent> | null;
	/** The server stored `sent` (version and time already taken). */
	protected abstract stored(sent: Sent): void;
	/** Whether there are changes the server does not have. */
	protected abstract needsSave(): boolean;
	/** Called when the loop starts in the browser, before anything is saved. */
	protected onStart(): void {}

	/** In the browser only: saves when the page is hidden or left, and when the network returns. */
	start(): () => void {
		if (this.#started) return () => undefined;
		this.#started = true;
		this.onStart();
		const online = () => {
			if (this.status === 'retrying') this.saveSoon(0);
		};
		const hidden = () => {
			if (document.visibilityState === 'hidden') void this.save({ keepalive: true });
		};
		const leaving = () => void this.save({ keepalive: true });
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

	/** Saves now whatever is waiting, and resolves once nothing is on its way. */
	async settle(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		if (this.needsSave()) await this.save();
		while (this.#inFlight) await this.#inFlight;
	}

	/** A newer version was found on the server (by a save, an upload or a submission). */
	markConflict() {
		clearTimeout(this.#timer);
		this.status = 'conflict';
	}

	/** A change: `first` starts the pause-and-maximum-wait clock; `delay` overrides the pause. */
	protected changed(first: boolean, delay?: number) {
		const now = Date.now();
		if (first) this.#firstChangeAt = now;
		this.#lastChangeAt = now;
		if (STOPPED.includes(this.status)) return;
		if (this.status === 'retrying') return; // the retry already scheduled takes the change
		this.status = 'saving';
		this.schedule(delay);
	}

	/** Starts over after the form took a newer version from the server. */
	protected restart(dirty: boolean) {
		clearTimeout(this.#timer);
		this.#attempt = 0;
		if (dirty) {
			this.#firstChangeAt = Date.now();
			this.schedule(0);
		}
	}

	protected schedule(delay?: number) {
		clearTimeout(this.#timer);
		const wait =
			delay ??
			saveDelay({
				firstChangeAt: this.#firstChangeAt,
				lastChangeAt: this.#lastChangeAt,
				now: Date.now()
			});
		this.#timer = setTimeout(() => void this.save(), wait);
	}

	protected saveSoon(delay: number) {
		this.status = 'saving';
		this.schedule(delay);
	}

	/** The status as it is now (read through a call: an await may have changed it). */
	#statusNow(): SaveStatus {
		return this.status;
	}

	protected async save(options: { keepalive?: boolean } = {}): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		if (STOPPED.includes(this.status) || !this.#started) return;
		clearTimeout(this.#timer);
		const next = this.pending();
		if (!next) return;
		this.status = this.status === 'retrying' ? 'retrying' : 'saving';
		this.#inFlight = (async () => {
			let outcome: SaveOutcome;
			try {
				const response = await fetch(this.endpoint, {
					method: 'PUT',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify(next.body),
					keepalive: options.keepalive ?? false
				});
				outcome = interpretSaveResponse(response.status, await response.json().catch(() => null));
			} catch {
				outcome = { kind: 'retry' };
			}
			this.apply(outcome, next.sent);
		})();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
		// Changes made while the request was on its way go out next.
		if (this.#statusNow() === 'saved' && this.needsSave()) {
			if (this.followUpAtOnce) this.saveSoon(0);
			else {
				this.status = 'saving';
				this.schedule();
			}
		}
	}

	/** What a server's answer means; `sent` is what was stored when it says saved. */
	protected apply(outcome: SaveOutcome, sent?: Sent) {
		switch (outcome.kind) {
			case 'saved':
				this.version = outcome.version;
				this.savedAt = outcome.savedAt;
				this.#attempt = 0;
				this.status = 'saved';
				if (sent !== undefined) this.stored(sent);
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
				this.schedule(retryDelay(this.#attempt));
				return;
			case 'failed':
				this.status = 'failed';
				return;
		}
	}
}
