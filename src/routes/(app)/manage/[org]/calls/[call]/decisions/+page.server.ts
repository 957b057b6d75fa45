import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { isLocale, localized, LOCALES, type Locale } from '$lib/i18n/localized';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import {
	decideSchema,
	orderSchema,
	OUTCOMES,
	quotasSchema,
	templateSchema
} from '$lib/schemas/decisions';
import { managerCall } from '$lib/server/calls/manager-call';
import { actionFailure, httpError } from '$lib/server/http';
import { enqueue } from '$lib/server/jobs';
import { decide } from '$lib/server/review/decide';
import { decisionTemplate, juryCommentsText } from '$lib/server/review/decision-email';
import { loadDecisions } from '$lib/server/review/decision-queries';
import { requestDecisionEmails } from '$lib/server/review/request-decision-emails';
import { suggestDecisions } from '$lib/server/review/suggest-decisions';
import { updateDecisionQuotas } from '$lib/server/review/update-decision-quotas';
import { updateDecisionTemplates } from '$lib/server/review/update-decision-templates';

const PAGE_SIZE = 50;

const querySchema = z.object({
	order: orderSchema.catch('normalised'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
	template: z.enum(OUTCOMES).catch('accept'),
	lang: z.enum(LOCALES).optional().catch(undefined)
});

export const load = (async (event) => {
	const { actor, call } = await managerCall(event, 'jury.manage');
	const query = querySchema.parse(Object.fromEntries(event.url.searchParams));
	const locale: Locale = isLocale(getLocale()) ? (getLocale() as Locale) : 'en';
	const lang = query.lang ?? locale;
	const { settings, rows, counts } = await loadDecisions({
		actor,
		callId: call.id,
		order: query.order
	}).catch(httpError);
	const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
	const page = Math.min(query.page, pages);
	const fallback: Locale = isLocale(call.fallbackLocale) ? call.fallbackLocale : 'en';
	const stored = settings.decisionTemplates[query.template];
	return {
		query: { ...query, page, lang },
		pages,
		total: rows.length,
		rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		counts,
		settings: {
			acceptQuota: settings.acceptQuota,
			waitlistQuota: settings.waitlistQuota,
			version: settings.version
		},
		callStatus: call.status,
		template: {
			outcome: query.template,
			lang,
			subject: stored?.subject?.[lang] ?? '',
			body: stored?.body?.[lang] ?? '',
			defaults: decisionTemplate({}, query.template, lang),
			// Sample values for the preview, in the template's language.
			sample: {
				organisation: m.decisions_preview_organisation({}, { locale: lang }),
				call: localized(call.title, lang, fallback),
				programme: localized(call.programmeName, lang, fallback),
				feedback: m.decisions_preview_feedback({}, { locale: lang }),
				juryComments: juryCommentsText([m.decisions_preview_comment({}, { locale: lang })], lang),
				link: `${event.url.origin}/applications/…`
			}
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	decide: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(decideSchema, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, {
				action: 'decide' as const,
				applicationId: parsed.values.applicationId ?? '',
				errors: parsed.errors,
				values: parsed.values
			});
		}
		try {
			const result = await decide({ actor, callId: call.id, ...parsed.data });
			return { action: 'decide' as const, applicationId: parsed.data.applicationId, saved: result };
		} catch (e) {
			const failure = actionFailure(e, {
				outcome: parsed.data.outcome ?? '',
				feedback: parsed.data.feedback
			});
			return fail(failure.status, {
				...failure.data,
				action: 'decide' as const,
				applicationId: parsed.data.applicationId
			});
		}
	},

	quotas: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(quotasSchema, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, { action: 'quotas' as const, errors: parsed.errors, values: parsed.values });
		}
		try {
			await updateDecisionQuotas({ actor, callId: call.id, ...parsed.data });
			return { action: 'quotas' as const, saved: true };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { ...failure.data, action: 'quotas' as const });
		}
	},

	suggest: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const order = orderSchema.safeParse((await event.request.formData()).get('order'));
		try {
			const counts = await suggestDecisions({
				actor,
				callId: call.id,
				order: order.success ? order.data : 'normalised'
			});
			return { action: 'suggest' as const, counts };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { ...failure.data, action: 'suggest' as const });
		}
	},

	template: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		const parsed = parseForm(templateSchema, await event.request.formData());
		if (!parsed.ok) {
			return fail(400, {
				action: 'template' as const,
				errors: parsed.errors,
				values: parsed.values
			});
		}
		const { reset, ...input } = parsed.data;
		// The standard text saved unchanged stays "standard": it follows the platform's wording.
		const standard = decisionTemplate({}, input.outcome, input.locale);
		const own = (text: string, fallback: string) =>
			reset || text.trim() === fallback.trim() ? '' : text;
		try {
			await updateDecisionTemplates({
				actor,
				callId: call.id,
				...input,
				subject: own(input.subject, standard.subject),
				body: own(input.body.replace(/\r\n/g, '\n'), standard.body)
			});
			return { action: 'template' as const, saved: true };
		} catch (e) {
			const failure = actionFailure(e, { subject: input.subject, body: input.body });
			return fail(failure.status, { ...failure.data, action: 'template' as const });
		}
	},

	send: async (event) => {
		const { actor, call } = await managerCall(event, 'jury.manage');
		try {
			const { jobRunId, decisions } = await requestDecisionEmails({ actor, callId: call.id });
			await enqueue('send-decisions', { jobRunId });
			return { action: 'send' as const, jobRunId, decisions };
		} catch (e) {
			const failure = actionFailure(e);
			return fail(failure.status, { ...failure.data, action: 'send' as const });
		}
	}
} satisfies Actions;
