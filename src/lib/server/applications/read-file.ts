import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { applicationFile } from '../db/schema';
import { AppError, UUID } from '../errors';
import { fileStore } from '../files';
import type { Actor } from '../identity/actor';
import { can } from '../identity/can';
import { applicationResource, findApplication } from './queries';

/**
 * A file of an application, for the applicant's organisation and the call's managers only
 * (jurors read files through review/juror-queries.ts readJurorFile). Someone else, or a forged id, gets "not found".
 */
export async function readApplicationFile({
	actor,
	applicationId,
	fileId
}: {
	actor: Actor;
	applicationId: string;
	fileId: string;
}) {
	const row = await findApplication(applicationId);
	if (!row || !can(actor, 'application.view', applicationResource(row)))
		throw new AppError('not_found');
	if (!UUID.test(fileId)) throw new AppError('not_found');
	const [file] = await db()
		.select()
		.from(applicationFile)
		.where(and(eq(applicationFile.id, fileId), eq(applicationFile.applicationId, applicationId)));
	if (!file) throw new AppError('not_found');
	return storedFile(file);
}

/** A stored file's content: a short-lived signed URL where the store gives one, else its bytes. */
export async function storedFile(file: {
	storageKey: string;
	fileName: string;
	contentType: string;
}) {
	const store = fileStore();
	const signed = await store.signedUrl(file.storageKey, 60);
	if (signed) return { kind: 'redirect' as const, url: signed };
	const bytes = await store.get(file.storageKey);
	if (!bytes) throw new AppError('not_found');
	return { kind: 'bytes' as const, bytes, fileName: file.fileName, contentType: file.contentType };
}
