import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { summariseTotals } from '$lib/review/scoring';
import { managerCall } from '$lib/server/calls/manager-call';
import { actionFailure, formFail, httpError } from '$lib/server/http';
import { deliverSoon } from '$lib/server/jobs';
import { ensureJurySettings } from '$lib/server/review/queries';
import { applicationReviews } from '$lib/server/review/results';
import { reopenReview } from '$lib/server/review/reopen-review';
import { scoringOpen } from '$lib/server/review/rules';
import { db } from '$lib/server/db';

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'jury.manage');
	const found = await applicationReviews({
		actor,
		callId: call.id,
		applicationId: event.params.application
	}).catch(httpError);
	const settings = await ensureJurySettings(db(), call.id);
	const submitted = found.reviews.filter((r) => r.status === 'submitted' && r.total !== null);
	return {
		application: { id: found.application.id, organisationName: found.application.organisationName },
		canReopen: scoringOpen(settings),
		summary: summariseTotals(submitted.map((r) => r.total as number)),
		criteria: found.criteria.map((c) => ({
			id: c.id,
			name: c.name,
			weight: c.weight,
			scaleMin: c.scaleMin,
			scaleMax: c.scaleMax
		})),
		reviews: found.reviews.map((r) => ({
			id: r.id,
			status: r.status,
			jurorName: r.jurorName || r.jurorEmail,
			jurorRemoved: r.jurorRemoved,
			scores: r.scores,
			total: r.total,
			comment: r.comment,
			privateNote: r.privateNote,
			submittedAt: r.submittedAt,
			version: r.version
		}))
	};
}) satisfies PageServerLoad;

const reopenForm = z.object({
	reviewId: z.string(),
	version: z.coerce.number().int().min(1),
	notify: z.literal('on').optional()
});

export const actions = {
	/** A manager reopens a submitted review so its juror can change it (while scoring is open). */
	reopen: async (event) => {
		const { actor } = await managerCall(event, 'jury.manage');
		const parsed = reopenForm.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return formFail(400, { errors: { _form: 'invalid' } });
		try {
			const { outboxId } = await reopenReview({
				actor,
				reviewId: parsed.data.reviewId,
				version: parsed.data.version,
				notify: parsed.data.notify === 'on',
				origin: event.url.origin
			});
			if (outboxId) await deliverSoon([outboxId]);
			return { reopened: parsed.data.reviewId };
		} catch (e) {
			return actionFailure(e);
		}
	}
} satisfies Actions;
