import { building, dev } from '$app/environment';
import { config, ConfigError } from './config';
import { closeDatabase, db, pool } from './db';
import { EmbeddedDatabaseError, startEmbeddedDatabase, type RunningDatabase } from './db/embedded';
import { migrateDatabase } from './db/migrate';
import { startJobs, stopJobs } from './jobs';
import { log } from './log';
import { seedDemo } from './seed/seed-demo';

/**
 * Kept on globalThis: the dev server reloads this module when a file changes, and a second start
 * in the same process must reuse the running database instead of colliding with it.
 */
const state = ((
	globalThis as {
		__tandemPlatform?: {
			embedded?: RunningDatabase;
			started?: Promise<void>;
			stopping?: Promise<void>;
		};
	}
).__tandemPlatform ??= {});

/** A problem the person starting the platform can fix: said in one line, without a stack trace. */
function fatal(message: string): never {
	log.fatal(message);
	console.error(`\nTandem cannot start: ${message}\n`);
	process.exit(1);
}

async function start() {
	let cfg;
	try {
		cfg = config();
	} catch (error) {
		if (error instanceof ConfigError) fatal(error.message);
		throw error;
	}

	if (cfg.embedded) {
		try {
			state.embedded = await startEmbeddedDatabase({
				...cfg.embedded,
				log: (line) => log.debug({ postgres: line })
			});
		} catch (error) {
			if (error instanceof EmbeddedDatabaseError) fatal(error.message);
			throw error;
		}
		log.info(
			{ port: cfg.embedded.port, dataDir: cfg.embedded.dataDir },
			'embedded PostgreSQL started'
		);
	}

	try {
		await migrateDatabase(pool());
	} catch (error) {
		await state.embedded?.stop();
		fatal(`the database migrations failed: ${(error as Error).message}`);
	}

	if (cfg.local && (await seedDemo(db()))) log.info('demo data seeded');
	await startJobs(cfg.databaseUrl);
	log.info({ local: cfg.local, origin: cfg.origin }, 'Tandem is ready');
}

export function shutdown(): Promise<void> {
	state.stopping ??= (async () => {
		await stopJobs().catch(() => undefined);
		await closeDatabase().catch(() => undefined);
		await state.embedded?.stop().catch(() => undefined);
		log.info('Tandem stopped');
	})();
	return state.stopping;
}

/** Starts the database (embedded in local mode), migrates, seeds and starts the job queue, once. */
export function startPlatform(): Promise<void> {
	if (building) return Promise.resolve();
	if (!state.started) {
		state.started = start();
		// adapter-node closes the HTTP server on SIGINT/SIGTERM, then emits this.
		process.once('sveltekit:shutdown' as 'exit', () => void shutdown().then(() => process.exit(0)));
		// The Vite dev server does not emit it: stop PostgreSQL on the signal itself.
		if (dev) {
			for (const signal of ['SIGINT', 'SIGTERM'] as const) {
				process.once(signal, () => void shutdown().then(() => process.exit(0)));
			}
		}
	}
	return state.started;
}
