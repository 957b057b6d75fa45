import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { application, call, programme } from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, type Action } from '../identity/can';

/** Reads an application and its call under a row lock, after `can()` says the actor may. */
export async function lockApplication(
	tx: Executor,
	actor: Actor,
	applicationId: string,
	action: Action
) {
	if (!UUID.test(applicationId)) throw new AppError('not_found');
	const [row] = await tx
		.select({ application, call, programmeOrganisationId: programme.organisationId })
		.from(application)
		.innerJoin(call, eq(call.id, application.callId))
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(eq(application.id, applicationId))
		.for('update', { of: application });
	// A forged id and someone else's application look the same: not found.
	if (!row) throw new AppError('not_found');
	try {
		authorize(actor, action, {
			type: 'application',
			organisationId: row.application.organisationId,
			call: {
				organisationId: row.call.organisationId,
				programmeOrganisationId: row.programmeOrganisationId,
				programmeId: row.call.programmeId
			}
		});
	} catch {
		throw new AppError('not_found');
	}
	return row;
}
