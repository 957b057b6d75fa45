import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { LIMITS } from '$lib/calls/form-definition';
import { DraftConflict } from '$lib/server/applications/save-draft';
import { uploadFile } from '$lib/server/applications/upload-file';
import { isAppError } from '$lib/server/errors';

const fieldsSchema = z.object({
	questionId: z.string().regex(/^[a-z0-9_-]{1,40}$/i),
	version: z.coerce.number().int().min(0)
});

/**
 * A file answer, uploaded as soon as it is chosen: multipart `questionId`, `version`, `file`.
 * Answers `{ file, version }`; the same conflict and error shapes as the draft endpoint.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	if (!locals.actor) return json({ errors: { _form: 'unauthenticated' } }, { status: 401 });
	if (!z.uuid().safeParse(params.id).success)
		return json({ errors: { _form: 'not_found' } }, { status: 404 });
	// Refuse the obviously oversized before reading it into memory; the question's own limit follows.
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > (LIMITS.fileMaxMb + 1) * 1024 * 1024)
		return json({ errors: { _form: `file_too_large|${LIMITS.fileMaxMb}` } }, { status: 413 });
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ errors: { _form: 'file_invalid' } }, { status: 400 });
	}
	const fields = fieldsSchema.safeParse({
		questionId: form.get('questionId'),
		version: form.get('version')
	});
	const file = form.get('file');
	if (!fields.success || !(file instanceof File))
		return json({ errors: { _form: 'file_invalid' } }, { status: 400 });
	try {
		const uploaded = await uploadFile({
			actor: locals.actor,
			applicationId: params.id,
			questionId: fields.data.questionId,
			version: fields.data.version,
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		return json(uploaded);
	} catch (e) {
		if (e instanceof DraftConflict)
			return json({ conflict: true, currentVersion: e.currentVersion }, { status: 409 });
		if (isAppError(e)) return json({ errors: e.fields ?? { _form: e.code } }, { status: e.status });
		throw e;
	}
};
