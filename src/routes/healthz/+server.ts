import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';

/** For load balancers and uptime checks: is the database answering? */
export const GET: RequestHandler = async () => {
	const started = performance.now();
	try {
		await db().execute(sql`SELECT 1`);
		return json(
			{ status: 'ok', database: 'ok', databaseMs: Math.round(performance.now() - started) },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'error', database: 'unreachable' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
