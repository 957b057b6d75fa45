import { StorageClient } from '@supabase/storage-js';
import { assertSafeKey, type FileStore } from './file-store';

/** Supabase Storage (supabase-js's storage client), with the service role key (server only) on a private bucket. */
export function supabaseStore(options: {
	url: string;
	serviceRoleKey: string;
	bucket: string;
}): FileStore {
	// The Storage client of supabase-js, used on its own: supabase-js's createClient also sets up
	// Realtime, which needs a native WebSocket (Node 22) and is not used here.
	const key = options.serviceRoleKey;
	const client = new StorageClient(`${options.url.replace(/\/+$/, '')}/storage/v1`, {
		apikey: key,
		Authorization: `Bearer ${key}`
	});
	const bucket = () => client.from(options.bucket);
	return {
		kind: 'supabase',
		async put(key, data, contentType) {
			assertSafeKey(key);
			const { error } = await bucket().upload(key, data, { contentType, upsert: false });
			if (error) throw new Error(`Supabase Storage refused ${key}: ${error.message}`);
		},
		async get(key) {
			assertSafeKey(key);
			const { data, error } = await bucket().download(key);
			if (error) {
				if (/not found|404/i.test(error.message) || (error as { status?: number }).status === 404)
					return null;
				throw new Error(`Supabase Storage could not read ${key}: ${error.message}`);
			}
			return new Uint8Array(await data.arrayBuffer());
		},
		async remove(key) {
			assertSafeKey(key);
			const { error } = await bucket().remove([key]);
			if (error) throw new Error(`Supabase Storage could not remove ${key}: ${error.message}`);
		},
		async signedUrl(key, seconds) {
			assertSafeKey(key);
			const { data, error } = await bucket().createSignedUrl(key, seconds, { download: true });
			if (error) throw new Error(`Supabase Storage could not sign ${key}: ${error.message}`);
			return data.signedUrl;
		}
	};
}
