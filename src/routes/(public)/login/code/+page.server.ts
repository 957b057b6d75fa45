import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import {
	codeSchema,
	email as emailSchema,
	safeRedirect,
	signInSchema
} from '$lib/schemas/identity';
import { auth, CODE_MINUTES } from '$lib/server/auth';
import { actionFailure } from '$lib/server/http';
import { limitSignIn } from '$lib/server/identity/limit-sign-in';

export const load = (({ url, locals }) => {
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'));
	if (locals.actor) redirect(303, redirectTo);
	const parsed = emailSchema.safeParse(url.searchParams.get('email') ?? '');
	return { email: parsed.success ? parsed.data : '', redirectTo, minutes: CODE_MINUTES };
}) satisfies PageServerLoad;

export const actions = {
	send: async ({ request, getClientAddress }) => {
		const parsed = parseForm(signInSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { step: 'send', errors: parsed.errors, values: parsed.values });
		try {
			await limitSignIn({ email: parsed.data.email, clientAddress: getClientAddress() });
		} catch (e) {
			return actionFailure(e, { email: parsed.data.email });
		}
		await auth().api.sendVerificationOTP({ body: { email: parsed.data.email, type: 'sign-in' } });
		return {
			step: 'sent' as const,
			sentTo: parsed.data.email,
			values: { email: parsed.data.email },
			errors: {} as Record<string, string>
		};
	},

	verify: async ({ request }) => {
		const form = await request.formData();
		const parsed = parseForm(codeSchema, form);
		if (!parsed.ok)
			return fail(400, {
				step: 'verify',
				errors: parsed.errors,
				values: parsed.values,
				sentTo: String(form.get('email') ?? '')
			});
		try {
			await auth().api.signInEmailOTP({
				body: { email: parsed.data.email, otp: parsed.data.code },
				headers: request.headers
			});
		} catch (e) {
			if (e instanceof APIError) {
				const tooMany = String(e.body?.code ?? '').includes('TOO_MANY');
				return fail(400, {
					step: 'verify',
					errors: { code: tooMany ? 'code_too_many' : 'code_wrong' } as Record<string, string>,
					values: { email: parsed.data.email },
					sentTo: parsed.data.email
				});
			}
			throw e;
		}
		redirect(303, safeRedirect(String(form.get('redirectTo') ?? '')));
	}
} satisfies Actions;
