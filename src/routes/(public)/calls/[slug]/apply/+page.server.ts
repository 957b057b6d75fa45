import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { emptyProfileValues, profileValuesFromForm } from '$lib/components/apply/profile-values';
import { localizedWithLang } from '$lib/components/apply/texts';
import { parseForm } from '$lib/forms/validation';
import { isLocale, type Locale } from '$lib/i18n/localized';
import { getLocale } from '$lib/paraglide/runtime';
import { enterpriseProfileSchema } from '$lib/schemas/enterprise';
import { startApplication } from '$lib/server/applications/start-application';
import { findCallBySlug } from '$lib/server/calls/queries';
import { effectiveStatus } from '$lib/server/calls/rules';
import { createEnterprise } from '$lib/server/enterprises/save-enterprise-profile';
import { AppError } from '$lib/server/errors';
import { actionFailure, guard, httpError } from '$lib/server/http';
import type { Actor } from '$lib/server/identity/actor';
import { loadActor } from '$lib/server/identity/queries';

const startSchema = z.object({ organisationId: z.uuid({ error: 'organisation_unknown' }) });

const currentLocale = (): Locale => {
	const locale = getLocale();
	return isLocale(locale) ? locale : 'en';
};

/** Signed in (anyone may register an enterprise), and a call that is public. */
async function callOf(event: RequestEvent) {
	const actor = guard(event, 'account.manage');
	const call = await findCallBySlug(event.params.slug);
	if (!call || call.status === 'draft') httpError(new AppError('not_found'));
	return { actor, call };
}

const enterprisesOf = (actor: Actor) =>
	actor.memberships
		.filter((m) => m.kind === 'enterprise')
		.map((m) => ({ id: m.organisationId, name: m.name }));

export const load = (async (event) => {
	const { actor, call } = await callOf(event);
	const fallback = isLocale(call.fallbackLocale) ? call.fallbackLocale : 'en';
	return {
		call: {
			slug: call.slug,
			title: localizedWithLang(call.title, currentLocale(), fallback),
			timeZone: call.timeZone,
			opensAt: call.opensAt.toISOString(),
			closesAt: call.closesAt.toISOString(),
			status: effectiveStatus(call)
		},
		enterprises: enterprisesOf(actor),
		activeOrganisationId: actor.activeOrganisationId,
		profile: emptyProfileValues()
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Starts (or reopens the draft of) the application of one of the person's enterprises. */
	start: async (event) => {
		const { actor, call } = await callOf(event);
		const parsed = parseForm(startSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		if (!enterprisesOf(actor).some((e) => e.id === parsed.data.organisationId))
			return fail(400, { errors: { organisationId: 'organisation_unknown' } });
		let id: string;
		try {
			({ id } = await startApplication({
				actor,
				callId: call.id,
				organisationId: parsed.data.organisationId,
				locale: currentLocale()
			}));
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, `/applications/${id}`);
	},

	/** First application: registers the enterprise, then starts its application straight away. */
	create: async (event) => {
		const { actor, call } = await callOf(event);
		const form = await event.request.formData();
		const parsed = parseForm(enterpriseProfileSchema, form);
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors, profile: profileValuesFromForm(form) });
		let id: string;
		try {
			const created = await createEnterprise({ actor, profile: parsed.data });
			// The new membership is not in this request's actor yet.
			const refreshed = (await loadActor(actor.userId)) ?? actor;
			({ id } = await startApplication({
				actor: refreshed,
				callId: call.id,
				organisationId: created.id,
				locale: currentLocale()
			}));
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, `/applications/${id}`);
	}
} satisfies Actions;
