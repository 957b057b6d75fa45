import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, pool } from '../../../src/lib/server/db';
import { migrateDatabase, migrationsFolder } from '../../../src/lib/server/db/migrate';
import { createUser } from '../../factories';

async function schemaState() {
	const { rows: tables } = await db().execute<{ name: string }>(sql`
		SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`);
	const { rows: applied } = await db().execute<{ hash: string }>(
		sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`
	);
	return { tables: tables.map((t) => t.name), migrations: applied.map((m) => m.hash) };
}

describe('migrateDatabase', () => {
	it('a second migration of an already migrated database changes nothing and keeps the data', async () => {
		const person = await createUser({ email: 'kept@example.org' });
		const before = await schemaState();

		await migrateDatabase(pool());

		expect(await schemaState()).toEqual(before);
		const { rows } = await db().execute<{ email: string }>(
			sql`SELECT email FROM "user" WHERE id = ${person.id}`
		);
		expect(rows).toEqual([{ email: 'kept@example.org' }]);
	});

	it('a migrated database holds every migration of supabase/migrations', async () => {
		const journal = JSON.parse(
			readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
		) as {
			entries: unknown[];
		};
		const { migrations } = await schemaState();
		expect(migrations.length).toBe(journal.entries.length);
	});

	it('migrations started together (instances starting at once) all succeed, one after another', async () => {
		const before = await schemaState();
		await Promise.all(Array.from({ length: 6 }, () => migrateDatabase(pool())));
		expect(await schemaState()).toEqual(before);
	});
});
