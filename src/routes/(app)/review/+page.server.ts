import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';
import { listJurorReviews } from '$lib/server/review/juror-queries';

export const load = (async (event) => {
	const actor = guard(event, 'space.juror');
	const calls = await listJurorReviews(actor);
	return {
		calls: calls.map((c) => ({
			...c,
			reviewDeadline: c.reviewDeadline?.toISOString() ?? null,
			reviews: c.reviews.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }))
		})),
		declared: event.url.searchParams.has('declared')
	};
}) satisfies PageServerLoad;
