import type { RequestEvent } from '@sveltejs/kit';

/**
 * The layouts and the page of one GET request share a lookup (the organisation in the URL, the
 * call) instead of each repeating it; `can()` is still asked by every load. Only GET and HEAD
 * requests get a memo (see hooks.server.ts): after a form action changed something, the loads
 * that follow in the same request must read afresh. Nothing outlives the request.
 */
export function perRequest<T>(
	event: Pick<RequestEvent, 'locals'>,
	key: string,
	load: () => Promise<T>
): Promise<T> {
	const memo = event.locals.memo;
	if (!memo) return load();
	let found = memo.get(key) as Promise<T> | undefined;
	if (!found) {
		found = load();
		memo.set(key, found);
	}
	return found;
}
