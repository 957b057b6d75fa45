import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { config } from '../config';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: domain functions accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

let current: { pool: pg.Pool; db: Database } | undefined;
/** The databases whose connections keep named prepared statements (see `statementName`). */
const keepsStatements = new WeakSet<Database>();

export function createDatabase(
	url: string,
	max = 10,
	{ namedStatements = true }: { namedStatements?: boolean } = {}
): { pool: pg.Pool; db: Database } {
	const created = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
	// An idle client losing its connection must not crash the process.
	created.on('error', () => {});
	const database = drizzle(created, { schema });
	if (namedStatements) keepsStatements.add(database);
	return { pool: created, db: database };
}

/**
 * The name to `prepare()` a hot query under: PostgreSQL then parses and plans it once per
 * connection, not on every run (on a small machine ~1–4 ms of its CPU per query). Empty — an
 * unnamed statement, parsed each time — where the connection cannot keep it (a transaction pooler).
 */
export function statementName(database: Database, name: string): string {
	return keepsStatements.has(database) ? name : '';
}

function connection() {
	// The pool connects lazily, so creating it never needs a live server.
	if (!current) {
		const { databaseUrl, namedStatements } = config();
		current = createDatabase(databaseUrl, 10, { namedStatements });
	}
	return current;
}

/** The process-wide database. */
export function db(): Database {
	return connection().db;
}

/** The pool behind `db()`, for libraries that take a pg pool. */
export function pool(): pg.Pool {
	return connection().pool;
}

/** For tests: run this process's domain functions against another database. */
export function useDatabase(next: { pool: pg.Pool; db: Database }) {
	current = next;
}

export async function closeDatabase() {
	const closing = current;
	current = undefined;
	await closing?.pool.end();
}

export { schema };
