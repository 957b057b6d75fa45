import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { parseForm } from '$lib/forms/validation';
import { applicationResource, findApplication, listFiles } from '$lib/server/applications/queries';
import { screenApplication } from '$lib/server/applications/screen-application';
import { managerCall } from '$lib/server/calls/manager-call';
import { actionFailure } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { callResource } from '$lib/server/calls/queries';

const screeningSchema = z.object({
	decision: z.enum(['eligible', 'not_eligible']),
	reason: z.string().trim().max(2000).default('')
});

async function loadApplication(
	event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0],
	action: 'call.view' | 'call.manage'
) {
	const { actor, call } = await managerCall(event, action);
	const id = event.params.application ?? '';
	const row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplication(id) : null;
	// Only applications of this call, never a draft, and only through `can()`.
	if (
		!row ||
		row.call.id !== call.id ||
		row.application.status === 'draft' ||
		!can(actor, 'application.view', applicationResource(row))
	) {
		error(404, { message: m.error_not_found(), code: 'not_found' });
	}
	return { actor, call, row };
}

export const load = (async (event) => {
	const { actor, call, row } = await loadApplication(event, 'call.view');
	const files = await listFiles(row.application.id);
	return {
		application: {
			id: row.application.id,
			status: row.application.status,
			answers: row.application.answers,
			submittedAt: row.application.submittedAt,
			eligibility: row.application.eligibility,
			eligibilityResults: row.application.eligibilityResults,
			screening: row.application.screening,
			screeningReason: row.application.screeningReason
		},
		organisation: row.organisation,
		form: call.form,
		fallbackLocale: call.fallbackLocale,
		timeZone: call.timeZone,
		files,
		canManage: can(actor, 'call.manage', callResource(call))
	};
}) satisfies PageServerLoad;

export const actions = {
	screen: async (event) => {
		const { actor, row } = await loadApplication(event, 'call.manage');
		const parsed = parseForm(screeningSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		try {
			await screenApplication({
				actor,
				applicationId: row.application.id,
				decision: parsed.data.decision,
				reason: parsed.data.reason
			});
		} catch (e) {
			return actionFailure(e, { reason: parsed.data.reason });
		}
		return { screened: parsed.data.decision };
	}
} satisfies Actions;
