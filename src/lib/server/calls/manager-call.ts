import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { guard } from '../http';
import { organisationOf } from '../identity/organisation-of';
import { perRequest } from '../request-memo';
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
	const id = (event.params as { call?: string }).call ?? '';
	const [organisation, target] = await Promise.all([
		organisationOf(event),
		/^[0-9a-f-]{36}$/i.test(id) ? perRequest(event, `call ${id}`, () => findCall(id)) : null
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
