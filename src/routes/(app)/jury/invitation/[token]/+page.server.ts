import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionFailure, guard } from '$lib/server/http';
import {
	acceptJuryInvitation,
	findJuryInvitation
} from '$lib/server/review/accept-jury-invitation';

export const load = (async ({ params, locals }) => {
	// The token is the permission to see whom the invitation is for; accepting needs the person.
	const invitation = await findJuryInvitation(params.token);
	const signedInAs = locals.actor?.email ?? null;
	if (!invitation?.usable) return { invitation: null, signedInAs };
	return {
		invitation: {
			email: invitation.email,
			accepted: invitation.acceptedAt !== null,
			callId: invitation.callId,
			callTitle: invitation.callTitle,
			fallbackLocale: invitation.fallbackLocale,
			programmeName: invitation.programmeName
		},
		signedInAs
	};
}) satisfies PageServerLoad;

export const actions = {
	accept: async (event) => {
		const actor = guard(event, 'account.manage');
		let callId: string;
		try {
			({ callId } = await acceptJuryInvitation({ actor, token: event.params.token }));
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, `/jury/profile/${callId}?welcome=1`);
	}
} satisfies Actions;
