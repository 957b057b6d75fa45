import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { call, jurySettings, programme } from '../db/schema';
import { callResource } from '../calls/queries';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { ensureJurySettings } from './queries';

/**
 * Reads a call and its jury settings inside a transaction, with the settings row locked: every
 * change to a call's jury (settings, panel, assignment) queues behind it, so two managers — or a
 * manager and a reassignment after a conflict — never write over each other. With an actor, checks
 * they run the call's jury; with a version, that the settings they edited are still current.
 */
export async function lockJury(
	tx: Executor,
	actor: Actor | null,
	callId: string,
	version?: number
) {
	if (!UUID.test(callId)) throw new AppError('not_found');
	const [row] = await tx
		.select({
			id: call.id,
			organisationId: call.organisationId,
			programmeId: call.programmeId,
			title: call.title,
			fallbackLocale: call.fallbackLocale,
			timeZone: call.timeZone,
			programmeOrganisationId: programme.organisationId
		})
		.from(call)
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.where(eq(call.id, callId));
	if (!row) throw new AppError('not_found');
	if (actor) authorize(actor, 'jury.manage', callResource(row));
	await ensureJurySettings(tx, callId);
	const [settings] = await tx
		.select()
		.from(jurySettings)
		.where(eq(jurySettings.callId, callId))
		.for('update');
	if (version !== undefined && version !== settings.version)
		throw new AppError('conflict', 'stale_version', { _form: 'stale_version' });
	return { call: row, settings };
}
