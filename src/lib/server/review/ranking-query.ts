import { sql, type SQL } from 'drizzle-orm';
import { DISAGREEMENT_THRESHOLDS } from '$lib/review/scoring';
import { db, type Executor } from '../db';
import rankingSql from './ranking.sql?raw';

export interface RankingRow {
	applicationId: string;
	n: number;
	mean: number;
	/** Juror-z-normalised mean on the 0–100 scale (see ranking.sql). */
	normalised: number;
	rankRaw: number;
	rankNormalised: number;
	/** High disagreement (SD or range over the thresholds, with two reviews or more). */
	flagged: boolean;
}

/** The SQL file (without its comment lines) with $1, $2… as drizzle parameters. */
function bind(text: string, params: unknown[]): SQL {
	const code = text.replace(/^\s*--.*$/gm, '');
	const parts = code.split(/\$(\d+)/);
	const chunks: SQL[] = [];
	parts.forEach((part, index) => {
		chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`);
	});
	return sql.join(chunks);
}

/**
 * A call's ranking computed in PostgreSQL in one statement: per application with a submitted review
 * its n, mean, juror-z-normalised mean, both ranks and the disagreement flag, ordered
 * by raw rank. Applications without a complete review are not in it. The caller scopes and
 * authorises the call (this reads any call it is given).
 */
export async function rankingQuery(callId: string, ex: Executor = db()): Promise<RankingRow[]> {
	const result = await ex.execute(
		bind(rankingSql, [callId, DISAGREEMENT_THRESHOLDS.sd, DISAGREEMENT_THRESHOLDS.range])
	);
	return (result.rows as unknown as RankingRow[]).map((row) => ({
		...row,
		mean: Number(row.mean),
		normalised: Number(row.normalised)
	}));
}
