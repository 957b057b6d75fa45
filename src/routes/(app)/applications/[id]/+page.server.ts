import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { Answers } from '$lib/calls/answers';
import { questionsOf } from '$lib/calls/form-definition';
import { localizedWithLang } from '$lib/components/apply/texts';
import { isLocale, type Locale } from '$lib/i18n/localized';
import { getLocale } from '$lib/paraglide/runtime';
import { applicationResource, findApplication, listFiles } from '$lib/server/applications/queries';
import { DraftConflict, editable, saveDraft } from '$lib/server/applications/save-draft';
import { submitApplication } from '$lib/server/applications/submit-application';
import { uploadFile } from '$lib/server/applications/upload-file';
import { withdrawApplication } from '$lib/server/applications/withdraw-application';
import { acceptsSubmissions } from '$lib/server/calls/rules';
import { config } from '$lib/server/config';
import { AppError, isAppError } from '$lib/server/errors';
import { actionFailure, guard, httpError } from '$lib/server/http';
import type { Actor } from '$lib/server/identity/actor';
import { can } from '$lib/server/identity/can';
import { deliverSoon } from '$lib/server/jobs';
import { releasedDecisionOf } from '$lib/server/review/decision-queries';
import { answersFromForm, fileField } from './answers-from-form';

/** The applicant's own application: anyone else, or a malformed id, gets "not found". */
async function applicationOf(event: RequestEvent) {
	const actor = guard(event, 'account.manage');
	const id = z.uuid().safeParse(event.params.id);
	const row = id.success ? await findApplication(id.data) : null;
	if (!row || !can(actor, 'application.edit', applicationResource(row)))
		httpError(new AppError('not_found'));
	return { actor, row };
}

export const load = (async (event) => {
	const { actor, row } = await applicationOf(event);
	const { application, call } = row;
	const [files, decision] = await Promise.all([
		listFiles(application.id),
		releasedDecisionOf(application.id)
	]);
	const locale: Locale = isLocale(getLocale()) ? (getLocale() as Locale) : 'en';
	const fallback: Locale = isLocale(call.fallbackLocale) ? call.fallbackLocale : 'en';
	return {
		application: {
			id: application.id,
			status: application.status,
			version: application.version,
			answers: application.answers,
			submittedAt: application.submittedAt?.toISOString() ?? null,
			withdrawnAt: application.withdrawnAt?.toISOString() ?? null
		},
		organisationName: row.organisation.name,
		call: {
			slug: call.slug,
			title: localizedWithLang(call.title, locale, fallback),
			form: call.form,
			fallbackLocale: fallback,
			timeZone: call.timeZone,
			closesAt: call.closesAt.toISOString(),
			editAfterSubmit: call.editAfterSubmit,
			acceptsSubmissions: acceptsSubmissions(call)
		},
		files: files.map((f) => ({
			id: f.id,
			questionId: f.questionId,
			fileName: f.fileName,
			sizeBytes: f.sizeBytes
		})),
		editable: editable(application, call),
		canWithdraw:
			application.status !== 'withdrawn' &&
			call.status !== 'in_review' &&
			call.status !== 'decided',
		email: actor.email,
		decision
	};
}) satisfies PageServerLoad;

/**
 * The answers and version a form posted: JSON from the page's script, or — without JavaScript —
 * one field per question, with any chosen files uploaded first (each upload moves the version on).
 */
async function postedAnswers(
	actor: Actor,
	row: NonNullable<Awaited<ReturnType<typeof findApplication>>>,
	data: FormData
): Promise<
	| { ok: true; version: number; answers: Answers }
	| { ok: false; status: number; errors: Record<string, string>; answers: Answers }
> {
	let version = Number(data.get('version'));
	const json = data.get('answers');
	let answers: Answers;
	if (typeof json === 'string' && json) {
		try {
			answers = z.record(z.string(), z.unknown()).parse(JSON.parse(json)) as Answers;
		} catch {
			return { ok: false, status: 400, errors: { _form: 'invalid' }, answers: {} };
		}
	} else {
		answers = answersFromForm(row.call.form, data);
	}
	if (!Number.isInteger(version))
		return { ok: false, status: 400, errors: { _form: 'invalid' }, answers };
	for (const question of questionsOf(row.call.form)) {
		const file = data.get(fileField(question.id));
		if (question.type !== 'file' || !(file instanceof File) || file.size === 0) continue;
		try {
			const uploaded = await uploadFile({
				actor,
				applicationId: row.application.id,
				questionId: question.id,
				version,
				fileName: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
			version = uploaded.version;
			answers[question.id] = uploaded.file.id;
		} catch (e) {
			if (isAppError(e) && !(e instanceof DraftConflict))
				return { ok: false, status: e.status, errors: e.fields ?? { _form: e.code }, answers };
			throw e;
		}
	}
	return { ok: true, version, answers };
}

function failure(e: unknown, answers: Answers) {
	if (e instanceof DraftConflict) return fail(409, { conflict: true, answers });
	if (isAppError(e) && e.fields) return fail(e.status, { errors: e.fields, answers });
	return actionFailure(e);
}

export const actions = {
	submit: async (event) => {
		const { actor, row } = await applicationOf(event);
		let posted: Awaited<ReturnType<typeof postedAnswers>>;
		try {
			posted = await postedAnswers(actor, row, await event.request.formData());
		} catch (e) {
			return failure(e, {});
		}
		if (!posted.ok) return fail(posted.status, { errors: posted.errors, answers: posted.answers });
		const wasSubmitted = row.application.status === 'submitted';
		try {
			const result = await submitApplication({
				actor,
				applicationId: row.application.id,
				version: posted.version,
				answers: posted.answers,
				origin: config().origin
			});
			if (result.outboxId) await deliverSoon([result.outboxId]);
		} catch (e) {
			return failure(e, posted.answers);
		}
		return { submitted: true, resubmitted: wasSubmitted };
	},

	/** "Save draft" without JavaScript (with it, answers save on their own). */
	save: async (event) => {
		const { actor, row } = await applicationOf(event);
		let posted: Awaited<ReturnType<typeof postedAnswers>>;
		try {
			posted = await postedAnswers(actor, row, await event.request.formData());
		} catch (e) {
			return failure(e, {});
		}
		if (!posted.ok) return fail(posted.status, { errors: posted.errors, answers: posted.answers });
		try {
			await saveDraft({
				actor,
				applicationId: row.application.id,
				version: posted.version,
				answers: posted.answers
			});
		} catch (e) {
			return failure(e, posted.answers);
		}
		return { saved: true };
	},

	withdraw: async (event) => {
		const { actor, row } = await applicationOf(event);
		try {
			await withdrawApplication({ actor, applicationId: row.application.id });
		} catch (e) {
			return actionFailure(e);
		}
		return { withdrawn: true };
	}
} satisfies Actions;
