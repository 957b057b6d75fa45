import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/forms/validation';
import { callSettingsSchema, createCallSchema } from '$lib/calls/schemas';
import { isLocale } from '$lib/i18n/localized';
import { instantToZoned } from '$lib/i18n/zoned';
import { createCall } from '$lib/server/calls/create-call';
import { listProgrammesForCalls, programmeResource } from '$lib/server/calls/queries';
import { actionFailure, guard } from '$lib/server/http';
import { clusterOf } from '../../programmes/access.server';

const DAY = 24 * 60 * 60 * 1000;

export const load = (async (event) => {
	const { organisation } = await clusterOf(event);
	const programmes = await listProgrammesForCalls(organisation.id);
	const now = Date.now();
	const day = (offset: number) =>
		instantToZoned(new Date(now + offset * DAY), organisation.timeZone).slice(0, 10);
	const locale = getLocale();
	return {
		programmes: programmes.map((p) => ({
			id: p.id,
			name: p.name,
			fallbackLocale: p.fallbackLocale,
			lead: p.organisationId === organisation.id
		})),
		defaults: {
			programmeId: event.url.searchParams.get('programme') ?? programmes[0]?.id ?? '',
			fallbackLocale: isLocale(locale) ? locale : 'en',
			timeZone: organisation.timeZone,
			opensAt: `${day(1)}T09:00`,
			closesAt: `${day(31)}T17:00`,
			maxApplicationsPerEnterprise: '1'
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { organisation, actor } = await clusterOf(event);
		const data = await event.request.formData();
		const settings = parseForm(callSettingsSchema, data);
		const target = parseForm(createCallSchema, data);
		if (!settings.ok || !target.ok) {
			return fail(400, {
				errors: { ...(settings.ok ? {} : settings.errors), ...(target.ok ? {} : target.errors) },
				values: echo(data)
			});
		}
		const programme = await programmeResource(target.data.programmeId);
		if (!programme)
			return fail(400, { errors: { programmeId: 'invalid_choice' }, values: echo(data) });
		guard(event, 'call.create', programme);
		let id: string;
		try {
			({ id } = await createCall({
				actor,
				programmeId: programme.id,
				organisationId: organisation.id,
				settings: settings.data
			}));
		} catch (e) {
			return actionFailure(e, echo(data));
		}
		redirect(303, `/manage/${organisation.slug}/calls/${id}/form?created=1`);
	}
} satisfies Actions;

function echo(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data)
		if (typeof value === 'string') values[key] = value.slice(0, 20_000);
	return values;
}
