import { and, eq } from 'drizzle-orm';
import { validateAnswers } from '$lib/calls/answers';
import { recordAudit } from '../audit/record-audit';
import { evaluateEligibility } from '$lib/calls/eligibility';
import { db } from '../db';
import { application, organisation } from '../db/schema';
import { acceptsSubmissions } from '../calls/rules';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockApplication } from './lock-application';
import { assertFileAnswers, deleteUnansweredFiles, fileNamesOf } from './file-answers';
import { fileStore } from '../files';

export class DraftConflict extends AppError {
	constructor(readonly currentVersion: number) {
		super('conflict', 'draft_conflict');
	}
}

/** Whether an application's answers may still change: a draft, or a submission the call lets edit until the deadline. */
export function editable(
	app: { status: string },
	target: Parameters<typeof acceptsSubmissions>[0] & { editAfterSubmit: boolean },
	now = new Date()
) {
	if (!acceptsSubmissions(target, now)) return false;
	return app.status === 'draft' || (app.status === 'submitted' && target.editAfterSubmit);
}

/**
 * Autosave: stores answers only if the version the browser edited is still the latest. Another tab
 * (or person) having saved in between is a conflict, never a silent overwrite. A file answer the
 * save removes takes its file with it: the record at once, the stored object after the commit.
 */
export async function saveDraft({
	actor,
	applicationId,
	version,
	answers
}: {
	actor: Actor;
	applicationId: string;
	version: number;
	answers: unknown;
}) {
	const saved = await db().transaction(async (tx) => {
		const { application: current, call } = await lockApplication(
			tx,
			actor,
			applicationId,
			'application.edit'
		);
		if (!editable(current, call))
			throw new AppError('conflict', 'not_editable', { _form: 'not_editable' });
		if (current.version !== version) throw new DraftConflict(current.version);
		const mode = current.status === 'submitted' ? 'submit' : 'draft';
		const checked = validateAnswers(call.form, answers, mode);
		if (!checked.ok) throw new AppError('invalid_input', 'answers_invalid', checked.errors);
		const files = await fileNamesOf(tx, applicationId);
		assertFileAnswers(call.form, checked.answers, files);
		// A submission edited before the deadline is judged again on its new answers.
		let eligibility = {};
		if (current.status === 'submitted') {
			const [profile] = await tx
				.select()
				.from(organisation)
				.where(eq(organisation.id, current.organisationId));
			const verdict = evaluateEligibility(call.eligibilityRules, profile, checked.answers);
			eligibility = { eligibility: verdict.verdict, eligibilityResults: verdict.results };
		}
		const savedAt = new Date();
		const [saved] = await tx
			.update(application)
			.set({ answers: checked.answers, version: version + 1, updatedAt: savedAt, ...eligibility })
			.where(and(eq(application.id, applicationId), eq(application.version, version)))
			.returning({ version: application.version, updatedAt: application.updatedAt });
		const removed = await deleteUnansweredFiles(tx, checked.answers, files);
		for (const file of removed) {
			await recordAudit(tx, {
				actorUserId: actor.userId,
				action: 'application.file_removed',
				entityType: 'application',
				entityId: applicationId,
				organisationId: current.organisationId,
				data: { questionId: file.questionId, fileId: file.id }
			});
		}
		if (current.status === 'submitted') {
			// Editing a submission (the call allows it until the deadline) is on the record.
			await recordAudit(tx, {
				actorUserId: actor.userId,
				action: 'application.edited',
				entityType: 'application',
				entityId: applicationId,
				organisationId: current.organisationId,
				data: { version: saved.version }
			});
		}
		return {
			version: saved.version,
			savedAt: saved.updatedAt,
			removedKeys: removed.map((file) => file.storageKey)
		};
	});
	// After the commit: a failure leaves an orphaned object, never an answer without its file.
	for (const key of saved.removedKeys)
		await fileStore()
			.remove(key)
			.catch(() => undefined);
	return { version: saved.version, savedAt: saved.savedAt };
}
