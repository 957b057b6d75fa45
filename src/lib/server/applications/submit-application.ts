import { and, eq } from 'drizzle-orm';
import { validateAnswers } from '$lib/calls/answers';
import { evaluateEligibility } from '$lib/calls/eligibility';
import { questionsOf } from '$lib/calls/form-definition';
import { formatAnswer } from '$lib/calls/format-answer';
import { localized, isLocale, type Locale } from '$lib/i18n/localized';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application, organisation } from '../db/schema';
import { acceptsSubmissions } from '../calls/rules';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { queueEmail } from '../notify/queue-email';
import { templates } from '../notify/templates';
import { DraftConflict } from './save-draft';
import { assertFileAnswers, fileNamesOf } from './file-answers';
import { lockApplication } from './lock-application';

/**
 * Submits an application: the deadline is checked on the server in the call's window, every answer
 * against the form, eligibility is evaluated, and the submission, its audit entry and the
 * confirmation email (with a copy of the answers) are written in one transaction. Submitting the
 * same version twice is harmless.
 */
export async function submitApplication({
	actor,
	applicationId,
	version,
	answers,
	origin,
	now = new Date()
}: {
	actor: Actor;
	applicationId: string;
	version: number;
	answers: unknown;
	origin: string;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		const { application: current, call } = await lockApplication(
			tx,
			actor,
			applicationId,
			'application.edit'
		);
		if (current.status === 'submitted' && !call.editAfterSubmit) {
			// Submitting what is already submitted is harmless, even once the deadline has passed.
			if (current.version === version) return { outboxId: null, alreadySubmitted: true };
			throw new AppError('conflict', 'already_submitted', { _form: 'not_editable' });
		}
		if (!acceptsSubmissions(call, now))
			throw new AppError('conflict', 'deadline_passed', { _form: 'deadline_passed' });
		if (current.status === 'withdrawn')
			throw new AppError('conflict', 'withdrawn', { _form: 'not_editable' });
		if (current.version !== version) throw new DraftConflict(current.version);

		const checked = validateAnswers(call.form, answers, 'submit');
		if (!checked.ok) throw new AppError('invalid_input', 'answers_invalid', checked.errors);
		const files = await fileNamesOf(tx, applicationId);
		assertFileAnswers(call.form, checked.answers, files);

		const [profile] = await tx
			.select()
			.from(organisation)
			.where(eq(organisation.id, current.organisationId));
		const eligibility = evaluateEligibility(call.eligibilityRules, profile, checked.answers);
		const first = current.status === 'draft';
		const [saved] = await tx
			.update(application)
			.set({
				answers: checked.answers,
				status: 'submitted',
				submittedAt: first ? now : current.submittedAt,
				version: version + 1,
				eligibility: eligibility.verdict,
				eligibilityResults: eligibility.results,
				updatedAt: now
			})
			.where(and(eq(application.id, applicationId), eq(application.version, version)))
			.returning({ version: application.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: first ? 'application.submitted' : 'application.resubmitted',
			entityType: 'application',
			entityId: applicationId,
			organisationId: current.organisationId,
			data: { callId: call.id, eligibility: eligibility.verdict }
		});

		const locale: Locale = isLocale(current.locale) ? current.locale : 'en';
		const fallback = (isLocale(call.fallbackLocale) ? call.fallbackLocale : 'en') as Locale;
		const fileNames = Object.fromEntries(files.map((f) => [f.id, f.fileName]));
		const words = { yes: m.answer_yes({}, { locale }), no: m.answer_no({}, { locale }) };
		const copy = questionsOf(call.form).map((q) => ({
			label: localized(q.label, locale, fallback),
			value: formatAnswer(q, checked.answers[q.id], locale, words, fileNames)
		}));
		const outboxId = await queueEmail(tx, {
			to: actor.email,
			template: 'application-submitted',
			locale,
			email: templates.applicationSubmitted(locale, {
				call: localized(call.title, locale, fallback),
				organisation: profile.name,
				url: `${origin}/applications/${applicationId}`,
				answers: copy
			}),
			meta: { applicationId }
		});
		return { outboxId, version: saved.version, alreadySubmitted: false };
	});
}
