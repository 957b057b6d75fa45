import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { DraftConflict, saveDraft } from '$lib/server/applications/save-draft';
import { isAppError } from '$lib/server/errors';

const bodySchema = z.object({
	version: z.number().int().min(0),
	answers: z.record(z.string(), z.unknown())
});

/**
 * Autosave of an application's answers: `{ version, answers }` in, `{ version, savedAt }` out;
 * 409 `{ conflict, currentVersion }` when another tab saved first, 400 `{ errors }` for answers the
 * form refuses. Only JSON is accepted, so a cross-site form cannot post here.
 */
const save: RequestHandler = async ({ request, params, locals }) => {
	if (!locals.actor) return json({ errors: { _form: 'unauthenticated' } }, { status: 401 });
	if (!z.uuid().safeParse(params.id).success)
		return json({ errors: { _form: 'not_found' } }, { status: 404 });
	if (!request.headers.get('content-type')?.startsWith('application/json'))
		return json({ errors: { _form: 'invalid' } }, { status: 415 });
	const parsed = bodySchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ errors: { _form: 'invalid' } }, { status: 400 });
	try {
		const saved = await saveDraft({
			actor: locals.actor,
			applicationId: params.id,
			version: parsed.data.version,
			answers: parsed.data.answers
		});
		return json({ version: saved.version, savedAt: saved.savedAt.toISOString() });
	} catch (e) {
		if (e instanceof DraftConflict)
			return json({ conflict: true, currentVersion: e.currentVersion }, { status: 409 });
		if (isAppError(e)) return json({ errors: e.fields ?? { _form: e.code } }, { status: e.status });
		throw e;
	}
};

export const PUT = save;
export const POST = save;
