import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { resolve } from 'node:path';
import type { Database } from './index';

/** Any fixed number: instances starting together take turns migrating. */
const MIGRATION_LOCK = 7_204_611;

export function migrationsFolder(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.MIGRATIONS_DIR || 'supabase/migrations');
}

/** Applies the SQL files of supabase/migrations that the database has not seen yet. */
export async function migrateDatabase(db: Database, folder = migrationsFolder()) {
	await db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
		await migrate(tx as unknown as Database, { migrationsFolder: folder });
		await tx.execute(sql`SELECT tandem_lock_down()`);
	});
}
