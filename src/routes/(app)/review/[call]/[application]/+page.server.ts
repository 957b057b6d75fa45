import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { isAppError } from '$lib/server/errors';
import { actionFailure, guard, httpError } from '$lib/server/http';
import { confirmNoConflict } from '$lib/server/review/confirm-no-conflict';
import { declareConflict } from '$lib/server/review/declare-conflict';
import { loadJurorReview } from '$lib/server/review/juror-queries';
import { ReviewConflict } from '$lib/server/review/juror-rules';
import { saveReview } from '$lib/server/review/save-review';
import { submitReview } from '$lib/server/review/submit-review';

/** The juror's review of this application; not assigned to them (or a forged id) is "not found". */
async function reviewOf(event: RequestEvent) {
	const actor = guard(event, 'account.manage');
	try {
		return {
			actor,
			page: await loadJurorReview(actor, event.params.call, event.params.application)
		};
	} catch (e) {
		httpError(e);
	}
}

export const load = (async (event) => {
	const { page } = await reviewOf(event);
	return {
		...page,
		review: {
			...page.review,
			noConflictAt: page.review.noConflictAt?.toISOString() ?? null,
			submittedAt: page.review.submittedAt?.toISOString() ?? null
		},
		settings: {
			...page.settings,
			reviewDeadline: page.settings.reviewDeadline?.toISOString() ?? null
		}
	};
}) satisfies PageServerLoad;

/** A draft as a form posts it without JavaScript: one radio (or number) per criterion, two texts. */
function postedDraft(data: FormData) {
	const scores: Record<string, string> = {};
	for (const [key, value] of data.entries())
		if (key.startsWith('scores.') && typeof value === 'string') scores[key.slice(7)] = value;
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		version: Number(data.get('version')),
		draft: { scores, comment: text('comment'), privateNote: text('privateNote') }
	};
}

/** What a refused draft sends back: the values as posted, and a code per field. */
function draftFailure(e: unknown, draft: ReturnType<typeof postedDraft>['draft']) {
	const values = { ...draft.scores, comment: draft.comment, privateNote: draft.privateNote };
	if (e instanceof ReviewConflict) return fail(409, { conflict: true, draft });
	if (isAppError(e) && e.fields) return fail(e.status, { errors: e.fields, draft });
	return actionFailure(e, values);
}

export const actions = {
	confirm: async (event) => {
		const { actor, page } = await reviewOf(event);
		try {
			await confirmNoConflict({ actor, reviewId: page.review.id });
		} catch (e) {
			return actionFailure(e);
		}
		return { confirmed: true };
	},

	declare: async (event) => {
		const { actor, page } = await reviewOf(event);
		const reason = (await event.request.formData()).get('reason');
		try {
			await declareConflict({ actor, reviewId: page.review.id, reason });
		} catch (e) {
			return actionFailure(e, { reason: typeof reason === 'string' ? reason : '' });
		}
		redirect(303, '/review?declared=1');
	},

	/** "Save draft" without JavaScript (with it, the review saves on its own). */
	save: async (event) => {
		const { actor, page } = await reviewOf(event);
		const { version, draft } = postedDraft(await event.request.formData());
		if (!Number.isInteger(version)) return fail(400, { errors: { _form: 'invalid' }, draft });
		try {
			await saveReview({ actor, reviewId: page.review.id, version, ...draft });
		} catch (e) {
			return draftFailure(e, draft);
		}
		return { saved: true };
	},

	submit: async (event) => {
		const { actor, page } = await reviewOf(event);
		const { version, draft } = postedDraft(await event.request.formData());
		if (!Number.isInteger(version)) return fail(400, { errors: { _form: 'invalid' }, draft });
		try {
			await submitReview({ actor, reviewId: page.review.id, version, draft });
		} catch (e) {
			return draftFailure(e, draft);
		}
		return { submitted: true };
	}
} satisfies Actions;
