import { db, statementName, type Database } from './index';

/**
 * A query that Drizzle builds once per database instead of on every run. Building the SQL of a
 * select costs Drizzle 0.2–0.7 ms of CPU, more than PostgreSQL needs to run the small ones; the
 * queries every signed-in page makes (session, organisation, call) are built once this way, and
 * prepared on the database under `name` where its connections keep named statements
 * (`statementName`). Values come in through `sql.placeholder(name)` and `.execute({ name: value })`.
 *
 *     const bySlug = reusable('organisation_by_slug', (db, name) =>
 *         db.select(…).from(t).where(eq(t.slug, sql.placeholder('slug'))).prepare(name));
 *     const rows = await bySlug().execute({ slug });
 */
export function reusable<Query>(
	name: string,
	build: (db: Database, statement: string) => Query
): () => Query {
	// Per database: tests point the process at another one with `useDatabase`.
	const built = new WeakMap<Database, Query>();
	return () => {
		const current = db();
		let query = built.get(current);
		if (!query) {
			query = build(current, statementName(current, name));
			built.set(current, query);
		}
		return query;
	};
}
