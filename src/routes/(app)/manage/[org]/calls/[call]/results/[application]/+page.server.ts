import type { PageServerLoad } from './$types';
import { summariseTotals } from '$lib/review/scoring';
import { managerCall } from '$lib/server/calls/manager-call';
import { httpError } from '$lib/server/http';
import { applicationReviews } from '$lib/server/review/results';

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'jury.manage');
	const found = await applicationReviews({
		actor,
		callId: call.id,
		applicationId: event.params.application
	}).catch(httpError);
	const submitted = found.reviews.filter((r) => r.status === 'submitted' && r.total !== null);
	return {
		application: { id: found.application.id, organisationName: found.application.organisationName },
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
			submittedAt: r.submittedAt
		}))
	};
}) satisfies PageServerLoad;
