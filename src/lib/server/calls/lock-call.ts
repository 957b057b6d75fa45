import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { call, programme } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { callResource } from './queries';

/**
 * Reads a call inside a transaction with a row lock, checks the actor manages it and, when given,
 * that the version they edited is still current (two managers editing at once get a conflict).
 */
export async function lockCallForManager(
	tx: Executor,
	actor: Actor,
	callId: string,
	version?: number
) {
	const [row] = await tx
		.select({ call, programmeOrganisationId: programme.organisationId })
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(eq(call.id, callId))
		.for('update', { of: call });
	if (!row) throw new AppError('not_found');
	authorize(
		actor,
		'call.manage',
		callResource({ ...row.call, programmeOrganisationId: row.programmeOrganisationId })
	);
	if (version !== undefined && version !== row.call.version)
		throw new AppError('conflict', 'stale_version');
	return row.call;
}
