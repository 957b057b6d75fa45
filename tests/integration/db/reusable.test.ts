import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, db, pool, useDatabase } from '../../../src/lib/server/db';
import { reusable } from '../../../src/lib/server/db/reusable';
import { user } from '../../../src/lib/server/db/schema';
import { createUser } from '../../factories';

const emailOf = reusable('test_email_of', (db, name) =>
	db
		.select({ email: user.email })
		.from(user)
		.where(eq(user.id, sql.placeholder('id')))
		.prepare(name)
);

/** Runs with the process pointed at a pool of one connection to the same database. */
async function onOneConnection<T>(
	run: (connection: pg.Pool) => Promise<T>,
	namedStatements = true
): Promise<T> {
	const previous = { pool: pool(), db: db() };
	const single = createDatabase(process.env.DATABASE_URL as string, 1, { namedStatements });
	useDatabase(single);
	try {
		return await run(single.pool);
	} finally {
		useDatabase(previous);
		await single.pool.end();
	}
}

describe('reusable', () => {
	it('a reusable query runs with new values each time, on whichever database is in use', async () => {
		const [ana, bo] = [await createUser(), await createUser()];
		const before = [
			await emailOf().execute({ id: ana.id }),
			await emailOf().execute({ id: bo.id })
		];
		const after = await onOneConnection(() => emailOf().execute({ id: bo.id }));

		expect([...before, after]).toEqual([
			[{ email: ana.email }],
			[{ email: bo.email }],
			[{ email: bo.email }]
		]);
	});

	it('is parsed once per connection under its name where the connection keeps statements', async () => {
		const person = await createUser();

		const statements = await onOneConnection(async (connection) => {
			await emailOf().execute({ id: person.id });
			await emailOf().execute({ id: person.id });
			return (await connection.query('SELECT name FROM pg_prepared_statements')).rows;
		});

		expect(statements).toEqual([{ name: 'test_email_of' }]);
	});

	it('leaves no named prepared statement through a transaction pooler (namedStatements off)', async () => {
		const person = await createUser();

		const [statements, found] = await onOneConnection(async (connection) => {
			const rows = await emailOf().execute({ id: person.id });
			await emailOf().execute({ id: person.id });
			return [
				(await connection.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows,
				rows
			];
		}, false);

		expect([statements, found]).toEqual([[{ n: 0 }], [{ email: person.email }]]);
	});
});
