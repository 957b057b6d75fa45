import type { RequestEvent } from '@sveltejs/kit';
import { managerCall } from '$lib/server/calls/manager-call';
import { callResource } from '$lib/server/calls/queries';
import { can } from '$lib/server/identity/can';

/**
 * The call named by [call] as the cluster named by [org] sees it (it runs the call, or leads its
 * programme and sees partners' calls without running them), after `can()`; else 404 or 403.
 */
export async function callOf(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	action: 'call.view' | 'call.manage'
) {
	const { actor, organisation, call } = await managerCall(event, action);
	return { actor, organisation, call, canManage: can(actor, 'call.manage', callResource(call)) };
}
