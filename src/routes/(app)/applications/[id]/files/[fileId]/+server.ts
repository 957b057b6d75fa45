import { z } from 'zod';
import type { RequestHandler } from './$types';
import { readApplicationFile } from '$lib/server/applications/read-file';
import { AppError } from '$lib/server/errors';
import { downloadResponse } from '$lib/server/files/download';
import { httpError, requireActor } from '$lib/server/http';

/** Downloads a file of an application: for its enterprise and the call's managers only. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const ids = z.object({ id: z.uuid(), fileId: z.uuid() }).safeParse(event.params);
	if (!ids.success) httpError(new AppError('not_found'));
	let file: Awaited<ReturnType<typeof readApplicationFile>>;
	try {
		file = await readApplicationFile({
			actor,
			applicationId: ids.data.id,
			fileId: ids.data.fileId
		});
	} catch (e) {
		httpError(e);
	}
	return downloadResponse(file);
};
