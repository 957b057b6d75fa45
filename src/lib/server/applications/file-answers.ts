import { eq } from 'drizzle-orm';
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
			fileName: applicationFile.fileName
		})
		.from(applicationFile)
		.where(eq(applicationFile.applicationId, applicationId));
	return files;
}
