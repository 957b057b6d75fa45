import type { PageServerLoad } from './$types';
import { guard } from '$lib/server/http';

export const load = (async (event) => {
	const actor = guard(event, 'space.manage');
	return {
		organisations: actor.memberships
			.filter((m) => m.role === 'manager')
			.map((m) => ({ slug: m.slug, name: m.name, kind: m.kind }))
	};
}) satisfies PageServerLoad;
