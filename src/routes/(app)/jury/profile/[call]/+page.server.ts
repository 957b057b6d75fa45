import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { parseForm } from '$lib/forms/validation';
import { expertiseEcho } from '$lib/components/jury/expertise';
import { jurorProfileSchema } from '$lib/schemas/jury';
import { findCall } from '$lib/server/calls/queries';
import { UUID } from '$lib/server/errors';
import { actionFailure, requireActor } from '$lib/server/http';
import { findOwnMembership, jurySettingsOf } from '$lib/server/review/panel-queries';
import { updateJurorProfile } from '$lib/server/review/update-juror-profile';

/** The signed-in juror's own place on this call's panel; anyone else finds nothing here. */
async function ownPlace(event: RequestEvent) {
	const actor = requireActor(event);
	const callId = event.params.call;
	const [target, member] = UUID.test(callId)
		? await Promise.all([findCall(callId), findOwnMembership(callId, actor.userId)])
		: [null, null];
	if (!target || !member) error(404, { message: m.error_not_found(), code: 'not_found' });
	return { actor, call: target, member };
}

export const load = (async (event) => {
	const { call, member } = await ownPlace(event);
	const settings = await jurySettingsOf(call.id);
	return {
		call: { id: call.id, title: call.title, fallbackLocale: call.fallbackLocale },
		member: {
			id: member.id,
			languages: member.languages,
			tags: member.tags,
			maxLoad: member.maxLoad
		},
		defaultMaxLoad: settings.defaultMaxLoad,
		welcome: event.url.searchParams.has('welcome')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { actor, member } = await ownPlace(event);
		const form = await event.request.formData();
		const echo = expertiseEcho(form);
		const parsed = parseForm(jurorProfileSchema, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, echo });
		try {
			await updateJurorProfile({ actor, memberId: member.id, profile: parsed.data });
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { ...failure.data, echo });
		}
		return { saved: true };
	}
} satisfies Actions;
