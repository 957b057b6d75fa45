import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { safeRedirect, signInSchema } from '$lib/schemas/identity';
import { auth } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { actionFailure, formFail } from '$lib/server/http';
import { limitSignIn } from '$lib/server/identity/limit-sign-in';
import { DEMO_USERS, type DemoRole } from '$lib/server/seed/demo-users';

export const load = (({ locals, url }) => {
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'));
	if (locals.actor) redirect(303, redirectTo);
	return {
		redirectTo,
		signedOut: url.searchParams.has('signedOut'),
		// Only in local mode do the demo people exist at all.
		demoRoles: config().local ? DEMO_USERS.map((u) => u.role) : []
	};
}) satisfies PageServerLoad;

export const actions = {
	link: async ({ request, getClientAddress, url }) => {
		const parsed = parseForm(signInSchema, await request.formData());
		if (!parsed.ok) return formFail(400, { errors: parsed.errors, values: parsed.values });
		const { email, redirectTo } = parsed.data;
		try {
			await limitSignIn({ email, clientAddress: getClientAddress() });
		} catch (e) {
			return actionFailure(e, { email });
		}
		const target = safeRedirect(redirectTo);
		await auth().api.signInMagicLink({
			body: {
				email,
				callbackURL: target,
				newUserCallbackURL: target,
				errorCallbackURL: `/login/link-error?email=${encodeURIComponent(email)}`
			},
			headers: request.headers
		});
		redirect(
			303,
			`/login/check-email?email=${encodeURIComponent(email)}&redirectTo=${encodeURIComponent(target)}${url.searchParams.has('code') ? '&code=1' : ''}`
		);
	},

	demo: async ({ request }) => {
		if (!config().local) return formFail(404, { errors: { _form: 'not_found' } });
		const form = await request.formData();
		const role = String(form.get('role') ?? '') as DemoRole;
		const person = DEMO_USERS.find((u) => u.role === role);
		if (!person) return formFail(400, { errors: { role: 'invalid_choice' } });
		await auth().api.demoSignIn({ body: { email: person.email }, headers: request.headers });
		redirect(303, safeRedirect(String(form.get('redirectTo') ?? ''), '/app'));
	}
} satisfies Actions;
