import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	cookieName,
	defineCustomServerStrategy,
	extractLocaleFromRequestAsync,
	getServerAsyncLocalStorage,
	getTextDirection,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { isLocale } from '$lib/i18n/localized';
import { auth } from '$lib/server/auth';
import { loadRequestActor } from '$lib/server/identity/request-actor';
import { log } from '$lib/server/log';
import { startPlatform } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startPlatform();
};

/** The signed-in person's own language setting comes first (then cookie, browser, English). */
const sessionLocales = new WeakMap<Request, string>();
defineCustomServerStrategy('custom-session', {
	getLocale: (request) => (request ? sessionLocales.get(request) : undefined)
});

const handleRequest: Handle = async ({ event, resolve }) => {
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	event.locals.requestId = requestId;
	event.locals.log = log.child({ requestId });
	event.locals.actor = null;
	// Lookups shared by the loads of one request; none after a form action (see request-memo.ts).
	event.locals.memo =
		event.request.method === 'GET' || event.request.method === 'HEAD' ? new Map() : undefined;
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', requestId);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set(
		'permissions-policy',
		'camera=(), microphone=(), geolocation=(), payment=()'
	);
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	}
	if (event.url.pathname !== '/healthz') {
		event.locals.log.info(
			{
				method: event.request.method,
				path: event.url.pathname,
				status: response.status,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
	}
	return response;
};

const handleSession: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/auth') && event.url.pathname !== '/healthz') {
		const current = await loadRequestActor(
			(name) => event.cookies.get(name),
			event.request.headers
		);
		if (current) {
			event.locals.session = current.session;
			event.locals.actor = current.actor;
			if (current.actor.locale) sessionLocales.set(event.request, current.actor.locale);
		}
	}
	return resolve(event);
};

/**
 * The request's language for the message functions, as Paraglide's middleware finds it, without
 * what that middleware adds for URL-based languages, which Tandem does not use: a copy of every
 * request and a redirect check cost ~0.2 ms a request.
 */
function localeStorage() {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage;
}

const PAGE_LANGUAGE = /%paraglide\.(?:lang|dir)%/g;

const handleParaglide: Handle = async ({ event, resolve }) => {
	const locale = await extractLocaleFromRequestAsync(event.request);
	// Keep the browser's runtime on the language the server chose, so hydration agrees.
	if (event.cookies.get(cookieName) !== locale) {
		event.cookies.set(cookieName, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 400
		});
	}
	return localeStorage().run({ locale, origin: event.url.origin }, () =>
		resolve(event, {
			// One pass over the page (each `replace` copies it): `<html lang dir>` in app.html.
			transformPageChunk: ({ html }) =>
				html.replace(PAGE_LANGUAGE, (placeholder) =>
					placeholder === '%paraglide.lang%' ? locale : getTextDirection(locale)
				)
		})
	);
};

const handleAuthRoutes: Handle = ({ event, resolve }) =>
	// Better Auth's own check builds two URLs; most requests are not for it.
	event.url.pathname.startsWith('/api/auth')
		? svelteKitHandler({ event, resolve, auth: auth(), building })
		: resolve(event);

export const handle: Handle = sequence(
	handleRequest,
	handleSession,
	handleParaglide,
	handleAuthRoutes
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId;
	if (status >= 500) {
		(event.locals.log ?? log).error({ err: error, path: event.url.pathname }, 'unhandled error');
	}
	const locale = event.cookies.get(cookieName);
	const options = isLocale(locale) ? { locale } : undefined;
	return {
		message:
			status === 404
				? m.error_not_found({}, options)
				: status >= 500
					? m.error_unexpected({}, options)
					: message,
		requestId
	};
};
