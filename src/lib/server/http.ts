import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/forms/validation';
import { isAppError, type AppErrorCode } from './errors';
import type { Actor } from './identity/actor';
import { can, type Action, type Resource } from './identity/can';

function errorMessage(code: AppErrorCode): string {
	switch (code) {
		case 'forbidden':
		case 'invitation_wrong_email':
			return m.error_forbidden();
		case 'not_found':
			return m.error_not_found();
		case 'unauthenticated':
			return m.error_unauthenticated();
		case 'conflict':
			return m.error_conflict();
		case 'rate_limited':
			return m.login_rate_limited();
		default:
			return m.error_unexpected();
	}
}

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	if (!event.locals.actor) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	return event.locals.actor;
}

/** Every load starts here: signed in, and allowed by `can()`; otherwise 303 to sign-in or 403. */
export function guard(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	action: Action,
	resource?: Resource
): Actor {
	const actor = requireActor(event);
	if (!can(actor, action, resource))
		error(403, { message: m.error_forbidden(), code: 'forbidden' });
	return actor;
}

/** Maps a domain error to an HTTP error page. */
export function httpError(e: unknown): never {
	if (isAppError(e)) error(e.status, { message: errorMessage(e.code), code: e.code });
	throw e;
}

/** What every failed form action returns: one code per field, the values to show again. */
export interface FormFailure {
	errors: FieldErrors;
	values?: Record<string, string>;
	formError?: string;
}

export function formFail(status: number, failure: FormFailure) {
	return fail(status, failure);
}

/** Maps a domain error in a form action to `fail()` with field errors the form can show. */
export function actionFailure(e: unknown, values: Record<string, string> = {}) {
	if (isAppError(e)) {
		return formFail(e.status, {
			errors: e.fields ?? { _form: e.code },
			formError: e.fields ? undefined : errorMessage(e.code),
			values
		});
	}
	throw e;
}
