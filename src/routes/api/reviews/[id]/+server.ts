import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { isAppError } from '$lib/server/errors';
import { ReviewConflict } from '$lib/server/review/juror-rules';
import { saveReview } from '$lib/server/review/save-review';

const bodySchema = z.object({
	version: z.number().int().min(0),
	scores: z.record(z.string(), z.unknown()),
	comment: z.string(),
	privateNote: z.string()
});

/**
 * Autosave of a juror's review: `{ version, scores, comment, privateNote }` in, `{ version,
 * savedAt, status }` out; 409 `{ conflict, currentVersion }` when another tab saved first, 409
 * `{ errors }` when the review can no longer change, 400 `{ errors }` for refused scores or texts.
 * Only JSON is accepted, so a cross-site form cannot post here.
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
		const saved = await saveReview({ actor: locals.actor, reviewId: params.id, ...parsed.data });
		return json({
			version: saved.version,
			savedAt: saved.savedAt.toISOString(),
			status: saved.status
		});
	} catch (e) {
		if (e instanceof ReviewConflict)
			return json({ conflict: true, currentVersion: e.currentVersion }, { status: 409 });
		if (isAppError(e)) return json({ errors: e.fields ?? { _form: e.code } }, { status: e.status });
		throw e;
	}
};

export const PUT = save;
