import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { instantToZoned } from '$lib/i18n/zoned';
import { expertiseEcho } from '$lib/components/jury/expertise';
import {
	inviteJurorSchema,
	juryMemberIdSchema,
	juryPhaseSchema,
	jurorProfileSchema,
	jurySettingsSchema
} from '$lib/schemas/jury';
import { managerCall } from '$lib/server/calls/manager-call';
import { callResource } from '$lib/server/calls/queries';
import { config } from '$lib/server/config';
import { actionFailure } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { deliverSoon } from '$lib/server/jobs';
import { inviteJuror } from '$lib/server/review/invite-juror';
import { countUnderAssignedFor, jurySettingsOf, listPanel } from '$lib/server/review/panel-queries';
import { JURY_PHASE_TRANSITIONS } from '$lib/server/review/panel-rules';
import { removeJuror } from '$lib/server/review/remove-juror';
import { effectivePhase } from '$lib/server/review/rules';
import { transitionJuryPhase } from '$lib/server/review/transition-jury-phase';
import { updateJurorProfile } from '$lib/server/review/update-juror-profile';
import { updateJurySettings } from '$lib/server/review/update-jury-settings';

function text(form: FormData, name: string) {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, 1000) : '';
}

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'call.view');
	const [settings, members] = await Promise.all([jurySettingsOf(call.id), listPanel(call.id)]);
	const editId = event.url.searchParams.get('edit');
	return {
		canManage: can(actor, 'jury.manage', callResource(call)),
		timeZone: call.timeZone,
		settings: {
			reviewersPerApplication: settings.reviewersPerApplication,
			defaultMaxLoad: settings.defaultMaxLoad,
			blindReview: settings.blindReview,
			showScoresAfterSubmit: settings.showScoresAfterSubmit,
			reviewDeadline: settings.reviewDeadline
				? instantToZoned(settings.reviewDeadline, call.timeZone)
				: '',
			reviewDeadlineAt: settings.reviewDeadline,
			phase: settings.phase,
			effectivePhase: effectivePhase(settings),
			version: settings.version
		},
		transitions: [...JURY_PHASE_TRANSITIONS[settings.phase]],
		underAssigned: await countUnderAssignedFor(call.id, settings.reviewersPerApplication),
		members: members.map((member) => ({
			id: member.id,
			email: member.email,
			name: member.name,
			languages: member.languages,
			tags: member.tags,
			maxLoad: member.maxLoad,
			status: member.status,
			expiresAt: member.expiresAt,
			assigned: member.assigned,
			started: member.started,
			submitted: member.submitted
		})),
		editing: members.find((m) => m.id === editId && m.status !== 'removed')?.id ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	invite: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const form = await event.request.formData();
		const echo = { email: text(form, 'email'), name: text(form, 'name'), ...expertiseEcho(form) };
		const parsed = parseForm(inviteJurorSchema, form);
		if (!parsed.ok) return fail(400, { action: 'invite' as const, errors: parsed.errors, echo });
		try {
			const { outboxId, reinvited } = await inviteJuror({
				actor,
				callId: call.id,
				juror: parsed.data,
				origin: config().origin
			});
			await deliverSoon([outboxId]);
			return { action: 'invite' as const, invited: parsed.data.email, reinvited };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'invite' as const, ...failure.data, echo });
		}
	},

	profile: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const form = await event.request.formData();
		const echo = expertiseEcho(form);
		const member = parseForm(juryMemberIdSchema, form);
		const parsed = parseForm(jurorProfileSchema, form);
		if (!member.ok)
			return fail(404, { action: 'profile' as const, errors: { _form: 'not_found' } });
		if (!parsed.ok) return fail(400, { action: 'profile' as const, errors: parsed.errors, echo });
		try {
			await updateJurorProfile({
				actor,
				callId: call.id,
				memberId: member.data.memberId,
				profile: parsed.data
			});
			return { action: 'profile' as const, saved: member.data.memberId };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'profile' as const, ...failure.data, echo });
		}
	},

	remove: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(juryMemberIdSchema, await event.request.formData());
		if (!parsed.ok) return fail(404, { action: 'remove' as const, errors: { _form: 'not_found' } });
		try {
			const result = await removeJuror({ actor, callId: call.id, memberId: parsed.data.memberId });
			return { action: 'remove' as const, removed: result };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'remove' as const, ...failure.data });
		}
	},

	settings: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const form = await event.request.formData();
		const echo = Object.fromEntries(
			[
				'reviewersPerApplication',
				'defaultMaxLoad',
				'reviewDeadline',
				'blindReview',
				'showScoresAfterSubmit'
			].map((name) => [name, text(form, name)])
		);
		const parsed = parseForm(jurySettingsSchema(call.timeZone), form);
		if (!parsed.ok) return fail(400, { action: 'settings' as const, errors: parsed.errors, echo });
		try {
			await updateJurySettings({ actor, callId: call.id, settings: parsed.data });
			return { action: 'settings' as const, saved: true };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'settings' as const, ...failure.data, echo });
		}
	},

	phase: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(juryPhaseSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'phase' as const, errors: { _form: 'transition_refused' } });
		try {
			const moved = await transitionJuryPhase({ actor, callId: call.id, ...parsed.data });
			return { action: 'phase' as const, moved: moved.to };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { action: 'phase' as const, ...failure.data });
		}
	}
} satisfies Actions;
