import { validateAnswers, type Answer, type Answers } from '$lib/calls/answers';
import { questionsOf, type FormDefinition } from '$lib/calls/form-definition';

/**
 * The decisions behind an application's autosave, kept free of timers, storage and fetch so they
 * can be tested: when to save, how long to wait before a retry, what to send, and how answers typed
 * here are reconciled with a newer version saved elsewhere.
 */

/** Quiet time after the last keystroke before saving. */
export const DEBOUNCE_MS = 800;
/** Someone who never pauses still gets a save this often. */
export const MAX_WAIT_MS = 5_000;
/** Retries never wait longer than this. */
export const MAX_RETRY_MS = 30_000;

/** Milliseconds until the next save should start (0: now). */
export function saveDelay({
	firstChangeAt,
	lastChangeAt,
	now,
	debounceMs = DEBOUNCE_MS,
	maxWaitMs = MAX_WAIT_MS
}: {
	firstChangeAt: number;
	lastChangeAt: number;
	now: number;
	debounceMs?: number;
	maxWaitMs?: number;
}): number {
	const byDebounce = lastChangeAt + debounceMs - now;
	const byMaxWait = firstChangeAt + maxWaitMs - now;
	return Math.max(0, Math.min(byDebounce, byMaxWait));
}

/**
 * Exponential backoff for the n-th failed attempt (1, 2, 4, 8 … seconds, capped), with ±20 %
 * jitter so that many tabs coming back online do not all retry in the same instant.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(MAX_RETRY_MS, 1_000 * 2 ** Math.max(0, attempt - 1));
	return Math.round(Math.min(MAX_RETRY_MS, base * (0.8 + 0.4 * random())));
}

function isEmpty(value: Answer | undefined): boolean {
	return (
		value === undefined ||
		value === '' ||
		value === false ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Two answers mean the same: empty is empty, numbers compare with their text, choices as sets. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
	if (isEmpty(a) && isEmpty(b)) return true;
	if (isEmpty(a) || isEmpty(b)) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		const sorted = [...b].sort();
		return [...a].sort().every((v, i) => v === sorted[i]);
	}
	if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
	return String(a) === String(b);
}

export function sameAnswers(a: Answers, b: Answers): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) if (!sameAnswer(a[key], b[key])) return false;
	return true;
}

/**
 * Answers as the form's inputs hold them: only the form's questions, numbers as text (an input
 * holds "12", the server stores 12).
 */
export function toFormValues(form: FormDefinition, answers: Answers): Answers {
	const values: Answers = {};
	for (const question of questionsOf(form)) {
		const value = answers[question.id];
		if (value === undefined) continue;
		values[question.id] = typeof value === 'number' ? String(value) : value;
	}
	return values;
}

/**
 * What an autosave sends. An answer that does not pass yet (a half-typed email address, a
 * required answer emptied in a submitted application) is held back and the last saved value is
 * sent in its place, so one unfinished field never stops the others from being saved.
 */
export function saveableAnswers(
	form: FormDefinition,
	answers: Answers,
	lastSaved: Answers,
	mode: 'draft' | 'submit'
): { answers: Answers; heldBack: string[] } {
	const known = toFormValues(form, answers);
	const checked = validateAnswers(form, known, mode);
	if (checked.ok) return { answers: known, heldBack: [] };
	const heldBack = Object.keys(checked.errors).filter((key) => key in known || key in lastSaved);
	const payload: Answers = { ...known };
	for (const key of heldBack) {
		if (lastSaved[key] !== undefined) payload[key] = lastSaved[key];
		else delete payload[key];
	}
	return { answers: payload, heldBack };
}

/**
 * Three-way merge: answers changed only here are kept, answers changed only there are taken, and
 * an answer changed differently in both places keeps the saved version (it is reported, so the
 * person knows which answers to look at again).
 */
export function mergeAnswers(
	base: Answers,
	local: Answers,
	remote: Answers
): { answers: Answers; conflicts: string[] } {
	const answers: Answers = {};
	const conflicts: string[] = [];
	const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(remote)]);
	for (const key of keys) {
		const [b, l, r] = [base[key], local[key], remote[key]];
		let chosen: Answer | undefined;
		if (sameAnswer(l, b) || sameAnswer(l, r)) chosen = r;
		else if (sameAnswer(r, b)) chosen = l;
		else {
			chosen = r;
			conflicts.push(key);
		}
		if (chosen !== undefined) answers[key] = chosen;
	}
	return { answers, conflicts: conflicts.sort() };
}

/** The copy of unsaved answers kept in the browser, keyed by application. */
export interface LocalCopy {
	/** The server version these answers were typed on top of. */
	version: number;
	/** The server's answers at that version (for the three-way merge). */
	base: Answers;
	answers: Answers;
	changedAt: number;
}

/**
 * Each tab keeps its own copy (`tab` is the tab's id, kept in its session storage, so a reload
 * finds it again): a tab with nothing unsaved clearing the copy, or another tab writing over it,
 * must never take away what a tab that is offline has not saved yet.
 */
export const localCopyKey = (applicationId: string, tab: string) =>
	`tandem:application-draft:${applicationId}:${tab}`;

/** Whether a storage key holds a copy of this application (any tab's, or one from before tabs). */
export function isLocalCopyKey(key: string, applicationId: string): boolean {
	const prefix = `tandem:application-draft:${applicationId}`;
	return key === prefix || key.startsWith(`${prefix}:`);
}

/**
 * The copy a tab starts from: its own (a reload), else the newest left by another tab (a tab
 * closed before the server had its answers), which this tab then takes over.
 */
export function chooseLocalCopy(
	own: LocalCopy | null,
	others: { key: string; copy: LocalCopy | null }[]
): { copy: LocalCopy; takenFrom: string | null } | null {
	if (own) return { copy: own, takenFrom: null };
	let newest: { key: string; copy: LocalCopy } | null = null;
	for (const { key, copy } of others) {
		if (copy && (!newest || copy.changedAt > newest.copy.changedAt)) newest = { key, copy };
	}
	return newest && { copy: newest.copy, takenFrom: newest.key };
}

export function parseLocalCopy(raw: string | null): LocalCopy | null {
	if (!raw) return null;
	try {
		const value = JSON.parse(raw) as Partial<LocalCopy>;
		if (
			typeof value.version !== 'number' ||
			typeof value.answers !== 'object' ||
			value.answers === null ||
			typeof value.base !== 'object' ||
			value.base === null
		)
			return null;
		return {
			version: value.version,
			base: value.base,
			answers: value.answers,
			changedAt: Number(value.changedAt) || 0
		};
	} catch {
		return null;
	}
}

export type RestoreDecision =
	{ kind: 'none'; discard: boolean } | { kind: 'restore'; answers: Answers; conflicts: string[] };

/**
 * On load: unsaved answers left in this browser (a reload, a closed tab, a lost connection) are
 * restored when they differ from the server's; if the server moved on meanwhile they are merged.
 */
export function restoreDecision(
	form: FormDefinition,
	local: LocalCopy | null,
	server: { version: number; answers: Answers }
): RestoreDecision {
	if (!local) return { kind: 'none', discard: false };
	const serverValues = toFormValues(form, server.answers);
	const localValues = toFormValues(form, local.answers);
	// A copy from a future version cannot belong to this application's history (a reset database).
	if (local.version > server.version) return { kind: 'none', discard: true };
	if (sameAnswers(localValues, serverValues)) return { kind: 'none', discard: true };
	if (local.version === server.version)
		return { kind: 'restore', answers: localValues, conflicts: [] };
	const merged = mergeAnswers(toFormValues(form, local.base), localValues, serverValues);
	if (sameAnswers(merged.answers, serverValues)) return { kind: 'none', discard: true };
	return { kind: 'restore', answers: merged.answers, conflicts: merged.conflicts };
}

export type SaveOutcome =
	| { kind: 'saved'; version: number; savedAt: Date }
	| { kind: 'conflict'; currentVersion: number | null }
	| { kind: 'invalid'; errors: Record<string, string> }
	| { kind: 'closed' }
	| { kind: 'signed_out' }
	| { kind: 'retry' }
	| { kind: 'failed' };

/** What a response of the draft endpoint means for the autosave. */
export function interpretSaveResponse(status: number, body: unknown): SaveOutcome {
	const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	if (status >= 200 && status < 300 && typeof data.version === 'number') {
		const savedAt = new Date(String(data.savedAt ?? ''));
		return {
			kind: 'saved',
			version: data.version,
			savedAt: Number.isNaN(savedAt.getTime()) ? new Date() : savedAt
		};
	}
	if (status === 409 && data.conflict === true) {
		return {
			kind: 'conflict',
			currentVersion: typeof data.currentVersion === 'number' ? data.currentVersion : null
		};
	}
	if (status === 409) return { kind: 'closed' };
	if (status === 400 && typeof data.errors === 'object' && data.errors !== null)
		return { kind: 'invalid', errors: data.errors as Record<string, string> };
	if (status === 401) return { kind: 'signed_out' };
	// Server trouble, rate limits and odd proxies are worth another try; a refusal is not.
	if (status >= 500 || status === 429 || status === 408 || status === 0) return { kind: 'retry' };
	return { kind: 'failed' };
}
