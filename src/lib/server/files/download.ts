import { redirect } from '@sveltejs/kit';
import type { storedFile } from '../applications/read-file';

/** A header-safe file name: ASCII fallback plus the exact name in RFC 5987 form. */
function contentDisposition(fileName: string) {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The download of a file whose reader was checked: a redirect to its signed URL, or its bytes. */
export function downloadResponse(file: Awaited<ReturnType<typeof storedFile>>): Response {
	if (file.kind === 'redirect') redirect(303, file.url);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': contentDisposition(file.fileName),
			'cache-control': 'private, no-store'
		}
	});
}
