import { db, type Database } from './index';

/**
 * Drizzle's `prepare()` name for a query that stays an unnamed statement: node-postgres sends a
 * named statement only for a non-empty name. PostgreSQL parses an unnamed statement on every
 * run, which is what a transaction-mode pooler (Supabase's) needs: it does not carry named
 * prepared statements from one connection to the next.
 */
export const UNNAMED = '';

/**
 * A query that Drizzle builds once per database instead of on every run. Building the SQL of a
 * select costs Drizzle 0.2–0.7 ms of CPU, more than PostgreSQL needs to run the small ones; the
 * queries every signed-in page makes (session, organisation, call) are built once this way.
 * Values come in through `sql.placeholder(name)` and `.execute({ name: value })`.
 *
 *     const bySlug = reusable((db) =>
 *         db.select(…).from(t).where(eq(t.slug, sql.placeholder('slug'))).prepare(UNNAMED));
 *     const rows = await bySlug().execute({ slug });
 */
export function reusable<Query>(build: (db: Database) => Query): () => Query {
	// Per database: tests point the process at another one with `useDatabase`.
	const built = new WeakMap<Database, Query>();
	return () => {
		const current = db();
		let query = built.get(current);
		if (!query) {
			query = build(current);
			built.set(current, query);
		}
		return query;
	};
}
