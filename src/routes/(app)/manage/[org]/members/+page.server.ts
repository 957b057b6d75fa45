import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/forms/validation';
import { isLocale } from '$lib/i18n/localized';
import { inviteMemberSchema } from '$lib/schemas/identity';
import { config } from '$lib/server/config';
import { AppError } from '$lib/server/errors';
import { actionFailure, guard, httpError, requireActor } from '$lib/server/http';
import { inviteMember } from '$lib/server/identity/invite-member';
import { organisationOf as findOrganisation } from '$lib/server/identity/organisation-of';
import { listMembers, listOpenInvitations } from '$lib/server/identity/queries';
import { revokeInvitation } from '$lib/server/identity/revoke-invitation';
import { deliverSoon } from '$lib/server/jobs';

const revokeSchema = z.object({ invitationId: z.uuid() });

async function organisationOf(
	event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]
) {
	requireActor(event);
	const organisation = await findOrganisation(event);
	if (!organisation) httpError(new AppError('not_found'));
	const actor = guard(event, 'organisation.manage', { type: 'organisation', id: organisation.id });
	return { organisation, actor };
}

export const load = (async (event) => {
	const { organisation } = await organisationOf(event);
	const [members, invitations] = await Promise.all([
		listMembers(organisation.id),
		listOpenInvitations(organisation.id)
	]);
	return { members, invitations };
}) satisfies PageServerLoad;

export const actions = {
	invite: async (event) => {
		const { organisation, actor } = await organisationOf(event);
		const parsed = parseForm(inviteMemberSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const locale = getLocale();
		try {
			const { outboxId } = await inviteMember({
				actor,
				organisationId: organisation.id,
				email: parsed.data.email,
				role: parsed.data.role,
				origin: config().origin,
				locale: isLocale(locale) ? locale : 'en'
			});
			await deliverSoon([outboxId]);
		} catch (e) {
			return actionFailure(e, { email: parsed.data.email });
		}
		return { invited: parsed.data.email };
	},

	revoke: async (event) => {
		const { organisation, actor } = await organisationOf(event);
		const parsed = parseForm(revokeSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		try {
			await revokeInvitation({
				actor,
				organisationId: organisation.id,
				invitationId: parsed.data.invitationId
			});
		} catch (e) {
			return actionFailure(e);
		}
		return { revoked: true };
	}
} satisfies Actions;
