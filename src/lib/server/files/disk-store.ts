import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSafeKey, type FileStore } from './file-store';

export function diskStore(root: string): FileStore {
	const path = (key: string) => {
		assertSafeKey(key);
		return join(root, key);
	};
	return {
		kind: 'disk',
		async put(key, data) {
			const target = path(key);
			await mkdir(dirname(target), { recursive: true });
			await writeFile(target, data, { flag: 'wx', mode: 0o600 });
		},
		async get(key) {
			try {
				return new Uint8Array(await readFile(path(key)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async remove(key) {
			await rm(path(key), { force: true });
		},
		async signedUrl() {
			// Files on disk are served through the app, which checks permission on every download.
			return null;
		}
	};
}
