import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { guard, requireActor } from '$lib/server/http';
import { organisationOf } from '$lib/server/identity/organisation-of';

export const load = (async (event) => {
	// Signed in first: an anonymous visitor cannot probe which organisations exist.
	requireActor(event);
	const organisation = await organisationOf(event);
	if (!organisation) error(404, { message: m.error_not_found(), code: 'not_found' });
	guard(event, 'organisation.manage', { type: 'organisation', id: organisation.id });
	return { organisation };
}) satisfies LayoutServerLoad;
