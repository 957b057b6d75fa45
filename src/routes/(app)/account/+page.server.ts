import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/forms/validation';
import { organisationIdSchema, profileSchema, safeRedirect } from '$lib/schemas/identity';
import { actionFailure, guard } from '$lib/server/http';
import { switchOrganisation } from '$lib/server/identity/switch-organisation';
import { updateProfile } from '$lib/server/identity/update-profile';

export const load = (async (event) => {
	// Your own account: being signed in is the permission.
	const actor = guard(event, 'account.manage');
	return {
		profile: { name: actor.name, email: actor.email, locale: actor.locale ?? '' },
		organisations: actor.memberships.map((m) => ({
			id: m.organisationId,
			name: m.name,
			kind: m.kind,
			role: m.role,
			active: m.organisationId === actor.activeOrganisationId
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	profile: async (event) => {
		const actor = guard(event, 'account.manage');
		const parsed = parseForm(profileSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const locale = parsed.data.locale || null;
		await updateProfile({ actor, name: parsed.data.name, locale });
		if (locale)
			event.cookies.set(cookieName, locale, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				maxAge: 60 * 60 * 24 * 400
			});
		else event.cookies.delete(cookieName, { path: '/' });
		redirect(303, '/account?saved=1');
	},

	switchOrganisation: async (event) => {
		const actor = guard(event, 'account.manage');
		const form = await event.request.formData();
		const parsed = parseForm(organisationIdSchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		try {
			await switchOrganisation({ actor, organisationId: parsed.data.organisationId });
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, safeRedirect(String(form.get('redirectTo') ?? ''), '/account'));
	}
} satisfies Actions;
