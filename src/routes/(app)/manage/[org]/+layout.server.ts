import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { guard, requireActor } from '$lib/server/http';
import { findOrganisationBySlug } from '$lib/server/identity/queries';

export const load = (async (event) => {
	// Signed in first: an anonymous visitor cannot probe which organisations exist.
	requireActor(event);
	const organisation = await findOrganisationBySlug(event.params.org);
	if (!organisation) error(404, { message: m.error_not_found(), code: 'not_found' });
	guard(event, 'organisation.manage', { type: 'organisation', id: organisation.id });
	return { organisation };
}) satisfies LayoutServerLoad;
