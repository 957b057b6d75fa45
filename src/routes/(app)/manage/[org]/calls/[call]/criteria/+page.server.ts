import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { criteriaSchema } from '$lib/calls/schemas';
import { criteriaIssueKeys } from '$lib/components/calls/criteria-editing';
import { listCriteria } from '$lib/server/calls/queries';
import { saveCriteria } from '$lib/server/calls/save-criteria';
import { actionFailure } from '$lib/server/http';
import { callOf } from '../../access.server';

const postSchema = z.object({
	criteria: z.string().min(2).max(500_000),
	version: z.coerce.number().int().min(0)
});

export const load = (async (event) => {
	const { call } = await callOf(event, 'call.view');
	const criteria = await listCriteria(call.id);
	return {
		criteria: criteria.map((c) => ({
			name: c.name,
			rubric: c.rubric,
			weight: c.weight,
			scaleMin: c.scaleMin,
			scaleMax: c.scaleMax,
			anchors: c.anchors
		})),
		frozen: call.status === 'in_review' || call.status === 'decided'
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { actor, call } = await callOf(event, 'call.manage');
		const post = postSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!post.success) return fail(400, { errors: { criteria: 'invalid' } });
		let raw: unknown;
		try {
			raw = JSON.parse(post.data.criteria);
		} catch {
			return fail(400, { errors: { criteria: 'invalid' } });
		}
		const parsed = criteriaSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { errors: criteriaIssueKeys(parsed.error.issues) });
		try {
			const { version } = await saveCriteria({
				actor,
				callId: call.id,
				version: post.data.version,
				criteria: parsed.data
			});
			return { saved: true, version };
		} catch (e) {
			return actionFailure(e);
		}
	}
} satisfies Actions;
