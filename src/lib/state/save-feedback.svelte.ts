import { untrack } from 'svelte';
import type { SaveStatus } from './autosave.svelte';

const PROBLEMS = ['conflict', 'retrying', 'signed_out', 'failed', 'closed', 'invalid'] as const;
export type SaveProblem = (typeof PROBLEMS)[number];

/** The autosave status that needs the person's attention (shown in a bar that stays in view), or null. */
export function saveProblem(status: SaveStatus): SaveProblem | null {
	return PROBLEMS.find((s) => s === status) ?? null;
}

/**
 * What a polite live region says about an autosave: screen readers hear about saving only when
 * it goes wrong and when it recovers, not at every pause in typing. Create it while a component
 * initialises (it runs an effect).
 */
export class SaveAnnouncer {
	text = $state('');
	#announcedFailure = false;

	constructor(status: () => SaveStatus, statusText: () => string) {
		$effect(() => {
			const current = status();
			untrack(() => {
				if (current === 'retrying' && !this.#announcedFailure) {
					this.#announcedFailure = true;
					this.text = statusText();
				} else if (current === 'saved' && this.#announcedFailure) {
					this.#announcedFailure = false;
					this.text = statusText();
				} else if (current === 'signed_out' || current === 'failed' || current === 'closed') {
					this.text = statusText();
				}
			});
		});
	}
}

/** The words of one form's save status, in the reader's language. */
export interface SaveWords {
	saving: string;
	saved: (time: string) => string;
	idle: string;
	retrying: string;
	signedOut: string;
	invalid: string;
	failed: string;
	closed: string;
	conflict: string;
}

/** The status line of an autosave ("Saved at 14:05", "Not saved — retrying"…). */
export function saveStatusText(
	autosave: { status: SaveStatus; savedAt: Date | null },
	words: SaveWords,
	/** Whether the page's scripts run (before that the page promises no autosave). */
	running: boolean,
	time: (date: Date) => string
): string {
	switch (autosave.status) {
		case 'saving':
			return words.saving;
		case 'saved':
			return autosave.savedAt ? words.saved(time(autosave.savedAt)) : words.idle;
		case 'retrying':
			return words.retrying;
		case 'signed_out':
			return words.signedOut;
		case 'invalid':
			return words.invalid;
		case 'failed':
			return words.failed;
		case 'closed':
			return words.closed;
		case 'conflict':
			return words.conflict;
		default:
			return running ? words.idle : '';
	}
}
