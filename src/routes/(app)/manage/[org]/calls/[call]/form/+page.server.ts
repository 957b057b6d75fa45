import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { keyIssues } from '$lib/calls/form-builder-ops';
import { formDefinitionSchema } from '$lib/calls/form-definition';
import { FormChangeRefused, saveCallForm } from '$lib/server/calls/save-call-form';
import { actionFailure } from '$lib/server/http';
import { callOf } from '../../access.server';

/** A form of 200 questions with three languages of help stays well below this. */
const MAX_JSON = 2_000_000;

const postSchema = z.object({
	form: z.string().min(2).max(MAX_JSON),
	version: z.coerce.number().int().min(0)
});

export const load = (async (event) => {
	const { call } = await callOf(event, 'call.view');
	return { form: call.form, created: event.url.searchParams.has('created') };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { actor, call } = await callOf(event, 'call.manage');
		const post = postSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!post.success) return fail(400, { errors: { form: 'invalid' } });
		let raw: unknown;
		try {
			raw = JSON.parse(post.data.form);
		} catch {
			return fail(400, { errors: { form: 'invalid' } });
		}
		const parsed = formDefinitionSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { errors: keyIssues(raw, parsed.error.issues) });
		try {
			const { version } = await saveCallForm({
				actor,
				callId: call.id,
				version: post.data.version,
				form: parsed.data
			});
			return { saved: true, version };
		} catch (e) {
			if (e instanceof FormChangeRefused) return fail(409, { problems: e.problems });
			return actionFailure(e);
		}
	}
} satisfies Actions;
