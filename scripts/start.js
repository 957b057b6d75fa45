// `npm start`: serves the production build, building it first when it is missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const SOURCES = [
	'src',
	'messages',
	'static',
	'supabase/migrations',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'project.inlang/settings.json'
];

/** @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (path === 'src' && entry === 'lib') {
			// The generated Paraglide output changes on every build: skip it.
			for (const inner of readdirSync(join(path, entry))) {
				if (inner !== 'paraglide') latest = Math.max(latest, newest(join(path, entry, inner)));
			}
			continue;
		}
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

function buildIsStale() {
	const built = 'build/index.js';
	if (!existsSync(built)) return true;
	const builtAt = statSync(built).mtimeMs;
	return SOURCES.some((source) => newest(source) > builtAt);
}

/** @param {number} port @returns {Promise<boolean>} */
function portFree(port) {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, () => probe.close(() => resolve(true)));
	});
}

const port = Number(process.env.PORT || 3000);
// Applicants upload files of up to 25 MB; adapter-node's default request limit is 512 kB.
process.env.BODY_SIZE_LIMIT ??= '30M';
process.env.PORT = String(port);
if (!process.env.DATABASE_URL && !process.env.ORIGIN)
	process.env.ORIGIN = `http://localhost:${port}`;

if (buildIsStale()) {
	console.log('Building Tandem (the build is missing or older than the sources)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
}

if (!(await portFree(port))) {
	console.error(
		`\nTandem cannot start: port ${port} is already in use. Stop what runs there, or choose another port with PORT=<port> npm start.\n`
	);
	process.exit(1);
}

console.log(
	`Starting Tandem on ${process.env.ORIGIN ?? `port ${port}`}${process.env.DATABASE_URL ? '' : ' (local mode: embedded PostgreSQL in .data/, demo data)'}`
);
// A computed specifier: the type checker must not walk into the generated build.
await import(new URL('../build/index.js', import.meta.url).href);
