import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '$lib/calls/form-definition';

const KINDS: Record<string, FileKind> = {
	'application/pdf': 'pdf',
	'image/png': 'png',
	'image/jpeg': 'jpeg'
};
export const CONTENT_TYPES: Record<FileKind, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpeg: 'image/jpeg'
};

/** The file's real kind, read from its bytes; the name and the browser's claim are not trusted. */
export async function detectKind(bytes: Uint8Array): Promise<FileKind | null> {
	const found = await fileTypeFromBuffer(bytes);
	return (found && KINDS[found.mime]) || null;
}
