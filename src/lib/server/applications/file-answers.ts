import { eq, inArray } from 'drizzle-orm';
import { questionsOf } from '$lib/calls/form-definition';
import type { Executor } from '../db';
import { applicationFile } from '../db/schema';
import { AppError } from '../errors';

/** Every file answer must name a file uploaded to this application for that question. */
export function assertFileAnswers(
	form: Parameters<typeof questionsOf>[0],
	answers: Record<string, unknown>,
	files: { id: string; questionId: string }[]
) {
	const errors: Record<string, string> = {};
	for (const question of questionsOf(form)) {
		const value = answers[question.id];
		const uploaded = files.some((f) => f.id === value && f.questionId === question.id);
		if (question.type === 'file' && value !== undefined && !uploaded)
			errors[question.id] = 'file_invalid';
	}
	if (Object.keys(errors).length) throw new AppError('invalid_input', 'answers_invalid', errors);
}

export async function fileNamesOf(tx: Executor, applicationId: string) {
	const files = await tx
		.select({
			id: applicationFile.id,
			questionId: applicationFile.questionId,
			fileName: applicationFile.fileName,
			storageKey: applicationFile.storageKey
		})
		.from(applicationFile)
		.where(eq(applicationFile.applicationId, applicationId));
	return files;
}

/**
 * The files no answer names any more (a file answer removed, or cleared by a save), deleted from
 * the application; their stored objects are for the caller to remove once the change is committed.
 */
export async function deleteUnansweredFiles(
	tx: Executor,
	answers: Record<string, unknown>,
	files: { id: string; questionId: string; storageKey: string }[]
) {
	const unanswered = files.filter((file) => answers[file.questionId] !== file.id);
	if (unanswered.length) {
		await tx.delete(applicationFile).where(
			inArray(
				applicationFile.id,
				unanswered.map((file) => file.id)
			)
		);
	}
	return unanswered;
}
