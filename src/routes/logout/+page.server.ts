import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { auth } from '$lib/server/auth';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ request }) => {
		await auth().api.signOut({ headers: request.headers });
		redirect(303, '/login?signedOut=1');
	}
} satisfies Actions;
