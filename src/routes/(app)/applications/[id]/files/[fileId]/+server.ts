import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { readApplicationFile } from '$lib/server/applications/read-file';
import { AppError } from '$lib/server/errors';
import { httpError, requireActor } from '$lib/server/http';

/** A header-safe file name: ASCII fallback plus the exact name in RFC 5987 form. */
function contentDisposition(fileName: string) {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

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
	if (file.kind === 'redirect') redirect(303, file.url);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': contentDisposition(file.fileName),
			'cache-control': 'private, no-store'
		}
	});
};
