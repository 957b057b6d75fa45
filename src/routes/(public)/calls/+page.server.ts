import type { PageServerLoad } from './$types';
import { listPublicCalls } from '$lib/server/calls/queries';
import { effectiveStatus } from '$lib/server/calls/rules';

export const load = (async () => {
	const now = new Date();
	const calls = await listPublicCalls();
	return {
		calls: calls.map((c) => ({
			id: c.id,
			slug: c.slug,
			title: c.title,
			summary: c.summary,
			fallbackLocale: c.fallbackLocale,
			timeZone: c.timeZone,
			opensAt: c.opensAt.toISOString(),
			closesAt: c.closesAt.toISOString(),
			status: effectiveStatus(c, now),
			programmeName: c.programmeName,
			organisationName: c.organisationName
		}))
	};
}) satisfies PageServerLoad;
