import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { guard } from '../http';
import { findOrganisationBySlug } from '../identity/queries';
import type { Action } from '../identity/can';
import { callResource, findCall } from './queries';

/**
 * For pages under /manage/[org]/calls/[call]: the call, if [org] runs it or leads its programme,
 * and the actor after `can()`. Anything else is a 404 (a forged id reveals nothing).
 */
export async function managerCall(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	action: Action = 'call.view'
) {
	const params = event.params as { org?: string; call?: string };
	const [organisation, target] = await Promise.all([
		findOrganisationBySlug(params.org ?? ''),
		/^[0-9a-f-]{36}$/i.test(params.call ?? '')
			? findCall(params.call as string)
			: Promise.resolve(null)
	]);
	if (
		!organisation ||
		!target ||
		(target.organisationId !== organisation.id &&
			target.programmeOrganisationId !== organisation.id)
	) {
		error(404, { message: m.error_not_found(), code: 'not_found' });
	}
	const actor = guard(event, action, callResource(target));
	return { actor, organisation, call: target };
}
