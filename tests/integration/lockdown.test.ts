import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { createUser } from '../factories';

describe('Supabase API roles', () => {
	it('every public table has row-level security enabled', async () => {
		const { rows } = await db().execute<{ relname: string }>(sql`
			SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity`);
		expect(rows).toEqual([]);
	});

	it('anon and authenticated hold no privilege on any public table', async () => {
		const { rows } = await db().execute<{ role: string; name: string }>(sql`
			SELECT r.rolname AS role, c.relname AS name FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			CROSS JOIN pg_roles r
			WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND r.rolname IN ('anon', 'authenticated')
			AND (has_table_privilege(r.oid, c.oid, 'SELECT') OR has_table_privilege(r.oid, c.oid, 'INSERT')
				OR has_table_privilege(r.oid, c.oid, 'UPDATE') OR has_table_privilege(r.oid, c.oid, 'DELETE'))`);
		expect(rows).toEqual([]);
	});

	it('anon and authenticated can read no row of any table', async () => {
		await createUser({ email: 'visible-to-nobody@example.org' });
		const { rows: tables } = await db().execute<{ schema: string; name: string }>(sql`
			SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'v', 'm')
			AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`);
		expect(tables.length).toBeGreaterThan(10);

		for (const role of ['anon', 'authenticated']) {
			const readable: string[] = [];
			await db().transaction(async (tx) => {
				await tx.execute(sql.raw(`SET LOCAL ROLE ${role}`));
				for (const table of tables) {
					await tx.execute(sql`SAVEPOINT probe`);
					try {
						const { rows } = await tx.execute(
							sql.raw(`SELECT * FROM "${table.schema}"."${table.name}" LIMIT 1`)
						);
						if (rows.length > 0) readable.push(`${table.schema}.${table.name}`);
					} catch (error) {
						expect(
							(error as { cause?: { code?: string } }).cause?.code ??
								(error as { code?: string }).code
						).toBe('42501');
					}
					await tx.execute(sql`ROLLBACK TO SAVEPOINT probe`);
				}
			});
			expect(readable, `${role} could read rows`).toEqual([]);
		}
	});
});
