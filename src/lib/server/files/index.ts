import { join } from 'node:path';
import { dataDir } from '../config';
import { diskStore } from './disk-store';
import type { FileStore } from './file-store';
import { supabaseStore } from './supabase-store';

let store: FileStore | undefined;

/** Supabase Storage when SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set, else the local disk. */
export function fileStore(env: NodeJS.ProcessEnv = process.env): FileStore {
	if (!store) {
		store =
			env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY
				? supabaseStore({
						url: env.SUPABASE_URL,
						serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
						bucket: env.SUPABASE_STORAGE_BUCKET || 'tandem-files'
					})
				: diskStore(env.FILES_DIR || join(dataDir(env), 'files'));
	}
	return store;
}

/** For tests: use another store. */
export function useFileStore(next: FileStore | undefined) {
	store = next;
}
