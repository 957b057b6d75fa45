import type { RequestEvent } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { guard, httpError } from '$lib/server/http';
import { organisationOf } from '$lib/server/identity/organisation-of';

type Event = Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>> };

/**
 * The cluster named by [org], managed by the signed-in person. Programmes and calls are run by
 * clusters only; for enterprises and providers these pages do not exist.
 */
export async function clusterOf(event: Event) {
	const organisation = await organisationOf(event);
	if (!organisation || organisation.kind !== 'cluster') httpError(new AppError('not_found'));
	const actor = guard(event, 'organisation.manage', { type: 'organisation', id: organisation.id });
	return { organisation, actor };
}
