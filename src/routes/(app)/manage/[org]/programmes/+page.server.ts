import type { PageServerLoad } from './$types';
import { listProgrammesOfOrganisation } from '$lib/server/programmes/queries';
import { clusterOf } from './access.server';

export const load = (async (event) => {
	const { organisation } = await clusterOf(event);
	const programmes = await listProgrammesOfOrganisation(organisation.id);
	return {
		programmes: programmes.map((p) => ({
			id: p.id,
			slug: p.slug,
			name: p.name,
			summary: p.summary,
			fallbackLocale: p.fallbackLocale,
			funder: p.funder,
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			budgetMinor: p.budgetMinor,
			currency: p.currency,
			leadName: p.leadName,
			lead: p.organisationId === organisation.id
		}))
	};
}) satisfies PageServerLoad;
