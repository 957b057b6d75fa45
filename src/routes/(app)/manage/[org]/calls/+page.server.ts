import type { PageServerLoad } from './$types';
import { listCallsForOrganisation, listProgrammesForCalls } from '$lib/server/calls/queries';
import { clusterOf } from '../programmes/access.server';

export const load = (async (event) => {
	const { organisation } = await clusterOf(event);
	const [calls, programmes] = await Promise.all([
		listCallsForOrganisation(organisation.id),
		listProgrammesForCalls(organisation.id)
	]);
	const programmeLocale = new Map(programmes.map((p) => [p.id, p.fallbackLocale]));
	return {
		calls: calls.map((c) => ({
			id: c.id,
			title: c.title,
			fallbackLocale: c.fallbackLocale,
			timeZone: c.timeZone,
			opensAt: c.opensAt,
			closesAt: c.closesAt,
			status: c.status,
			programmeName: c.programmeName,
			programmeFallbackLocale: programmeLocale.get(c.programmeId) ?? c.fallbackLocale,
			organisationName: c.organisationName,
			ours: c.organisationId === organisation.id,
			applications: c.applications
		})),
		canCreate: programmes.length > 0
	};
}) satisfies PageServerLoad;
