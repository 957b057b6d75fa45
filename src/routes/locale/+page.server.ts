import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/forms/validation';
import { localeSchema, safeRedirect } from '$lib/schemas/identity';
import { rememberLocale } from '$lib/server/identity/update-profile';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	/** The language switcher: works without JavaScript, remembered for signed-in people. */
	default: async ({ request, cookies, locals }) => {
		const parsed = parseForm(localeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		cookies.set(cookieName, parsed.data.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 400
		});
		if (locals.actor) await rememberLocale({ actor: locals.actor, locale: parsed.data.locale });
		redirect(303, safeRedirect(parsed.data.redirectTo, '/'));
	}
} satisfies Actions;
