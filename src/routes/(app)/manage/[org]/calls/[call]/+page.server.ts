import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { callSettingsSchema } from '$lib/calls/schemas';
import { LOCALES } from '$lib/i18n/localized';
import { instantToZoned } from '$lib/i18n/zoned';
import { CALL_TRANSITIONS, type CallStatus } from '$lib/server/calls/rules';
import { transitionCall } from '$lib/server/calls/transition-call';
import { updateCallSettings } from '$lib/server/calls/update-call-settings';
import { actionFailure } from '$lib/server/http';
import { callOf } from '../access.server';

const transitionSchema = z.object({
	to: z.enum(Object.keys(CALL_TRANSITIONS) as [CallStatus, ...CallStatus[]])
});

function echo(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data)
		if (typeof value === 'string') values[key] = value.slice(0, 20_000);
	return values;
}

export const load = (async (event) => {
	const { call } = await callOf(event, 'call.view');
	const values: Record<string, string> = {
		fallbackLocale: call.fallbackLocale,
		timeZone: call.timeZone,
		opensAt: instantToZoned(call.opensAt, call.timeZone),
		closesAt: instantToZoned(call.closesAt, call.timeZone),
		editAfterSubmit: call.editAfterSubmit ? 'on' : '',
		maxApplicationsPerEnterprise: String(call.maxApplicationsPerEnterprise)
	};
	for (const locale of LOCALES) {
		values[`title_${locale}`] = call.title[locale] ?? '';
		values[`summary_${locale}`] = call.summary[locale] ?? '';
		values[`description_${locale}`] = call.description[locale] ?? '';
		values[`eligibility_${locale}`] = call.eligibilityText[locale] ?? '';
	}
	return {
		values,
		transitions: [...CALL_TRANSITIONS[call.status]],
		publicPath: `/calls/${call.slug}`,
		origin: event.url.origin
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { actor, call } = await callOf(event, 'call.manage');
		const data = await event.request.formData();
		const parsed = parseForm(callSettingsSchema, data);
		if (!parsed.ok)
			return fail(400, { action: 'save' as const, errors: parsed.errors, values: echo(data) });
		try {
			await updateCallSettings({ actor, callId: call.id, settings: parsed.data });
		} catch (e) {
			const failure = actionFailure(e, echo(data));
			return fail(failure.status, { action: 'save' as const, ...failure.data });
		}
		return { action: 'save' as const, saved: true };
	},

	transition: async (event) => {
		const { actor, call } = await callOf(event, 'call.manage');
		const parsed = parseForm(transitionSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'transition' as const, errors: { status: 'invalid' } });
		try {
			await transitionCall({ actor, callId: call.id, to: parsed.data.to });
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'transition' as const, ...failure.data });
		}
		return { action: 'transition' as const, transitioned: parsed.data.to };
	}
} satisfies Actions;
