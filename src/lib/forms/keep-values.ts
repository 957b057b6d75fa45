import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/** Shown and focusable: a field inside a closed locale tab or a switched-off rule is skipped. */
function reachable(element: HTMLElement): boolean {
	return !element.matches(':disabled') && element.getClientRects().length > 0;
}

/**
 * After a refused save, takes focus to the first field the server marked invalid, else to the
 * form's error message, so a keyboard or screen-reader user lands on what needs fixing instead of
 * staying on the submit button. Nothing moves when the page shows no problem. A form the page drew
 * anew while answering (one inside an `{#if}` on the result) is looked for in the page's main.
 */
export async function focusFirstProblem(form: HTMLFormElement): Promise<void> {
	await tick();
	const scope: ParentNode = form.isConnected ? form : (document.querySelector('main') ?? document);
	const invalid = [...scope.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].find(reachable);
	if (invalid) return invalid.focus();
	const message =
		scope.querySelector<HTMLElement>('[role="alert"]') ??
		document.querySelector<HTMLElement>('main [role="alert"]');
	if (!message) return;
	// A message is not focusable by itself; -1 lets a script, not the Tab key, move there.
	if (!message.hasAttribute('tabindex')) message.tabIndex = -1;
	message.focus();
}

/**
 * The enhance of a form people correct and send again: a refused save takes focus to the first
 * problem. `keepValues` leaves the typed values in place after a successful save too (SvelteKit
 * resets a form that succeeded); `busy` is told while the request is in flight. `reload` loads the
 * page a successful save redirects to anew, for a save that changes the whole page (its language).
 */
export function refusable(
	options: { keepValues?: boolean; busy?: (busy: boolean) => void; reload?: boolean } = {}
): SubmitFunction {
	return () => {
		options.busy?.(true);
		return async ({ update, result, formElement }) => {
			try {
				if (options.reload && result.type === 'redirect') {
					location.assign(result.location);
					return;
				}
				await update({ reset: !options.keepValues });
				if (result.type === 'failure') await focusFirstProblem(formElement);
			} finally {
				options.busy?.(false);
			}
		};
	};
}

/** A settings form: saved values stay in the fields; a refusal takes focus to the first problem. */
export const keepValues = refusable({ keepValues: true });
