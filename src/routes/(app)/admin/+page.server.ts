import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { createOrganisationSchema } from '$lib/schemas/identity';
import { guard } from '$lib/server/http';
import { createOrganisation } from '$lib/server/identity/create-organisation';
import { unsafeListAllOrganisations, unsafeListUsers } from '$lib/server/identity/queries';

export const load = (async (event) => {
	guard(event, 'admin.access');
	const [organisations, users] = await Promise.all([
		unsafeListAllOrganisations(),
		unsafeListUsers()
	]);
	return { organisations, users };
}) satisfies PageServerLoad;

export const actions = {
	createOrganisation: async (event) => {
		const actor = guard(event, 'admin.access');
		const parsed = parseForm(createOrganisationSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		await createOrganisation({ actor, ...parsed.data });
		return { created: parsed.data.name };
	}
} satisfies Actions;
