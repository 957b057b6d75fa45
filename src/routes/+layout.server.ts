import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import { can } from '$lib/server/identity/can';

export const load = (async ({ locals }) => {
	const actor = locals.actor;
	return {
		locale: getLocale(),
		localMode: config().local,
		person: actor
			? {
					name: actor.name || actor.email,
					email: actor.email,
					activeOrganisationId: actor.activeOrganisationId,
					organisations: actor.memberships.map((m) => ({
						id: m.organisationId,
						name: m.name,
						slug: m.slug
					})),
					nav: {
						applicant: can(actor, 'space.applicant'),
						juror: can(actor, 'space.juror'),
						coach: can(actor, 'space.coach'),
						provider: can(actor, 'space.provider'),
						manage: can(actor, 'space.manage'),
						admin: can(actor, 'admin.access')
					}
				}
			: null
	};
}) satisfies LayoutServerLoad;
