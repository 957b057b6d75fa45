import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { resolve } from 'node:path';
import type pg from 'pg';

/** Any fixed number: instances starting together take turns migrating. */
const MIGRATION_LOCK = 7_204_611;

export function migrationsFolder(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.MIGRATIONS_DIR || 'supabase/migrations');
}

/**
 * Applies the SQL files of supabase/migrations that the database has not seen yet, then locks the
 * public schema down again. Instances starting together take turns: the lock is held by one
 * connection for the whole of it (Drizzle's migrator commits a transaction of its own, so a lock
 * taken in a surrounding transaction would be let go before `tandem_lock_down()`).
 */
export async function migrateDatabase(pool: pg.Pool, folder = migrationsFolder()) {
	const client = await pool.connect();
	let healthy = true;
	try {
		const session = drizzle(client);
		await session.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
		try {
			await migrate(session, { migrationsFolder: folder });
			await session.execute(sql`SELECT tandem_lock_down()`);
		} finally {
			await session.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
		}
	} catch (error) {
		// The connection may be in any state now: it is closed rather than handed back.
		healthy = false;
		throw error;
	} finally {
		client.release(!healthy);
	}
}
