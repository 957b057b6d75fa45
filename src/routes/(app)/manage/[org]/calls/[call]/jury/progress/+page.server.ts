import type { Actions, PageServerLoad } from './$types';
import { managerCall } from '$lib/server/calls/manager-call';
import { callResource } from '$lib/server/calls/queries';
import { config } from '$lib/server/config';
import { actionFailure } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { enqueue } from '$lib/server/jobs';
import { listPanel } from '$lib/server/review/panel-queries';
import { requestJuryReminders } from '$lib/server/review/request-jury-reminders';

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'call.view');
	const members = await listPanel(call.id);
	const jurors = members
		.filter((member) => member.status === 'accepted' || member.assigned > 0)
		.map((member) => ({
			id: member.id,
			name: member.name || member.email,
			removed: member.status === 'removed',
			submitted: member.submitted,
			started: member.started,
			notStarted: member.assigned - member.started - member.submitted,
			lastRemindedAt: member.lastRemindedAt
		}));
	const total = jurors.reduce((sum, j) => sum + j.submitted + j.started + j.notStarted, 0);
	const submitted = jurors.reduce((sum, j) => sum + j.submitted, 0);
	return {
		canManage: can(actor, 'jury.manage', callResource(call)),
		jurors,
		totals: { total, submitted },
		pendingJurors: jurors.filter((j) => !j.removed && j.started + j.notStarted > 0).length,
		timeZone: call.timeZone
	};
}) satisfies PageServerLoad;

export const actions = {
	remind: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		try {
			const { jobRunId, recipients } = await requestJuryReminders({
				actor,
				callId: call.id,
				origin: config().origin
			});
			await enqueue('jury-reminders', { jobRunId });
			return { jobRunId, recipients };
		} catch (e) {
			return actionFailure(e);
		}
	}
} satisfies Actions;
