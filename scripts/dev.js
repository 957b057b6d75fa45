// `npm run dev`: the Vite dev server, with the origin Better Auth needs for its links.
import { spawn } from 'node:child_process';

const port = process.env.PORT || '5173';
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, PORT: port };
if (!env.DATABASE_URL && !env.ORIGIN) env.ORIGIN = `http://localhost:${port}`;

const child = spawn('npx', ['vite', 'dev', '--port', port, '--strictPort'], {
	stdio: 'inherit',
	env
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
