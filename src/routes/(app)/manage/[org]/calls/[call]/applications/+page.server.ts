import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/forms/validation';
import { isLocale } from '$lib/i18n/localized';
import { listApplicationsTable, tableQuerySchema } from '$lib/server/applications/queries';
import { requestExport } from '$lib/server/applications/request-export';
import { sendBulkEmail } from '$lib/server/applications/send-bulk-email';
import { managerCall } from '$lib/server/calls/manager-call';
import { can } from '$lib/server/identity/can';
import { callResource } from '$lib/server/calls/queries';
import { actionFailure } from '$lib/server/http';
import { enqueue } from '$lib/server/jobs';

const filtersFrom = (url: URL) => {
	const {
		page: _page,
		pageSize: _size,
		sort: _sort,
		dir: _dir,
		count: _count,
		...filters
	} = tableQuerySchema.parse(Object.fromEntries(url.searchParams));
	return filters;
};

const bulkEmailSchema = z.object({
	subject: z.string().trim().min(1).max(200),
	body: z.string().trim().min(1).max(10_000)
});

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'call.view');
	const query = tableQuerySchema.parse(Object.fromEntries(event.url.searchParams));
	const { rows, total, more, countries } = await listApplicationsTable(call.id, query);
	return {
		query,
		table: { rows, total, more },
		countries,
		timeZone: call.timeZone,
		canManage: can(actor, 'call.manage', callResource(call))
	};
}) satisfies PageServerLoad;

export const actions = {
	export: async (event) => {
		const { actor, call } = await managerCall(event, 'call.view');
		const form = await event.request.formData();
		const format = form.get('format') === 'csv' ? 'csv' : 'xlsx';
		const locale = getLocale();
		const { jobRunId } = await requestExport({
			actor,
			callId: call.id,
			format,
			filters: filtersFrom(event.url),
			locale: isLocale(locale) ? locale : 'en'
		});
		await enqueue('export-applications', { jobRunId });
		return { jobRunId, jobKind: 'export' as const };
	},

	bulkEmail: async (event) => {
		const { actor, call } = await managerCall(event, 'call.manage');
		const parsed = parseForm(bulkEmailSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { bulkErrors: parsed.errors, bulkValues: parsed.values });
		try {
			const { jobRunId, recipients } = await sendBulkEmail({
				actor,
				callId: call.id,
				filters: filtersFrom(event.url),
				...parsed.data
			});
			await enqueue('bulk-email', { jobRunId });
			return { jobRunId, jobKind: 'bulk' as const, recipients };
		} catch (e) {
			return actionFailure(e, parsed.data);
		}
	}
} satisfies Actions;
