import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionFailure, guard } from '$lib/server/http';
import { acceptInvitation, findInvitation } from '$lib/server/identity/accept-invitation';

export const load = (async ({ params, locals }) => {
	// Public: the token is the permission to see whom the invitation is for.
	const invitation = await findInvitation(params.token);
	if (!invitation || !invitation.usable)
		return { invitation: null, signedInAs: locals.actor?.email ?? null };
	return {
		invitation: {
			email: invitation.email,
			role: invitation.role,
			organisationName: invitation.organisationName
		},
		signedInAs: locals.actor?.email ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	accept: async (event) => {
		const actor = guard(event, 'account.manage');
		let result;
		try {
			result = await acceptInvitation({ actor, token: event.params.token });
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, result.role === 'manager' ? `/manage/${result.organisationSlug}` : '/app');
	}
} satisfies Actions;
