import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, createDatabase, useDatabase } from '../../src/lib/server/db';

/** Each test file gets its own database, cloned from the migrated template in ~50 ms. */
const name = `test_${randomBytes(6).toString('hex')}`;
const admin = inject('pgAdminUrl');

// The platform's configuration as in production: a database URL, a strong secret, an origin.
process.env.DATABASE_URL = `${admin}/${name}`;
process.env.BETTER_AUTH_SECRET = randomBytes(32).toString('base64url');
process.env.ORIGIN = 'http://localhost:4999';

async function adminQuery(sql: string) {
	const client = new pg.Client({ connectionString: `${admin}/postgres` });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

beforeAll(async () => {
	await adminQuery(`CREATE DATABASE "${name}" TEMPLATE tandem_template`);
	useDatabase(createDatabase(process.env.DATABASE_URL as string, 5));
});

afterAll(async () => {
	await closeDatabase();
	await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
