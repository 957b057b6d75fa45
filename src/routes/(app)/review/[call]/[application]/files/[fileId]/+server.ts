import type { RequestHandler } from './$types';
import { downloadResponse } from '$lib/server/files/download';
import { httpError, requireActor } from '$lib/server/http';
import { readJurorFile } from '$lib/server/review/juror-queries';

/** A file of an application, for its juror: only without blind review, after the conflict check. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	let file: Awaited<ReturnType<typeof readJurorFile>>;
	try {
		file = await readJurorFile(
			actor,
			event.params.call,
			event.params.application,
			event.params.fileId
		);
	} catch (e) {
		httpError(e);
	}
	return downloadResponse(file);
};
