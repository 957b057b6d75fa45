import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { questionsOf } from '$lib/calls/form-definition';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { application, applicationFile } from '../db/schema';
import { AppError } from '../errors';
import { CONTENT_TYPES, detectKind } from '../files/detect-kind';
import { fileStore } from '../files';
import type { Actor } from '../identity/actor';
import { DraftConflict, editable } from './save-draft';
import { lockApplication } from './lock-application';

const safeName = (name: string) =>
	[...name]
		.filter((c) => c.charCodeAt(0) >= 32 && c !== '/' && c !== '\\')
		.join('')
		.trim()
		.slice(0, 200) || 'file';

/**
 * Stores a file answer. Its type is read from its bytes; it replaces the question's previous file;
 * the answer and the application's version change with it, so an open tab notices.
 */
export async function uploadFile({
	actor,
	applicationId,
	questionId,
	version,
	fileName,
	bytes
}: {
	actor: Actor;
	applicationId: string;
	questionId: string;
	version: number;
	fileName: string;
	bytes: Uint8Array;
}) {
	const kind = await detectKind(bytes);
	const key = `applications/${applicationId}/${randomUUID()}`;
	let stored = false;
	try {
		return await db()
			.transaction(async (tx) => {
				const { application: current, call } = await lockApplication(
					tx,
					actor,
					applicationId,
					'application.edit'
				);
				if (!editable(current, call))
					throw new AppError('conflict', 'not_editable', { [questionId]: 'not_editable' });
				if (current.version !== version) throw new DraftConflict(current.version);
				const question = questionsOf(call.form).find((q) => q.id === questionId);
				if (!question || question.type !== 'file')
					throw new AppError('invalid_input', 'unknown_question', {
						[questionId]: 'unknown_question'
					});
				if (bytes.byteLength === 0)
					throw new AppError('invalid_input', 'file_empty', { [questionId]: 'file_empty' });
				if (bytes.byteLength > question.maxSizeMb * 1024 * 1024) {
					throw new AppError('invalid_input', 'file_too_large', {
						[questionId]: `file_too_large|${question.maxSizeMb}`
					});
				}
				if (!kind || !question.accept.includes(kind)) {
					throw new AppError('invalid_input', 'file_type', {
						[questionId]: `file_type|${question.accept.join(', ').toUpperCase()}`
					});
				}

				const previous = await tx
					.select({ id: applicationFile.id, storageKey: applicationFile.storageKey })
					.from(applicationFile)
					.where(
						and(
							eq(applicationFile.applicationId, applicationId),
							eq(applicationFile.questionId, questionId)
						)
					);
				await fileStore().put(key, bytes, CONTENT_TYPES[kind]);
				stored = true;
				const [file] = await tx
					.insert(applicationFile)
					.values({
						applicationId,
						questionId,
						storageKey: key,
						fileName: safeName(fileName),
						contentType: CONTENT_TYPES[kind],
						sizeBytes: bytes.byteLength,
						sha256: createHash('sha256').update(bytes).digest('hex'),
						uploadedBy: actor.userId
					})
					.returning({
						id: applicationFile.id,
						fileName: applicationFile.fileName,
						sizeBytes: applicationFile.sizeBytes
					});
				if (previous.length) {
					await tx
						.delete(applicationFile)
						.where(
							and(
								eq(applicationFile.applicationId, applicationId),
								eq(applicationFile.questionId, questionId),
								eq(applicationFile.id, previous[0].id)
							)
						);
				}
				const [saved] = await tx
					.update(application)
					.set({
						answers: { ...current.answers, [questionId]: file.id },
						version: version + 1,
						updatedAt: new Date()
					})
					.where(eq(application.id, applicationId))
					.returning({ version: application.version });
				await recordAudit(tx, {
					actorUserId: actor.userId,
					action: 'application.file_uploaded',
					entityType: 'application',
					entityId: applicationId,
					organisationId: current.organisationId,
					data: { questionId, fileId: file.id, kind, bytes: bytes.byteLength }
				});
				// Old objects go only after the new state is committed (below); a failure leaves an orphan, never a hole.
				return { file, version: saved.version, replaced: previous.map((p) => p.storageKey) };
			})
			.then(async (result) => {
				for (const oldKey of result.replaced)
					await fileStore()
						.remove(oldKey)
						.catch(() => undefined);
				return { file: result.file, version: result.version };
			});
	} catch (error) {
		if (stored)
			await fileStore()
				.remove(key)
				.catch(() => undefined);
		throw error;
	}
}
