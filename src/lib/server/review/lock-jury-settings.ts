import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { jurySettings } from '../db/schema';
import { AppError } from '../errors';
import { ensureJurySettings, type JurySettingsRow } from './queries';

/**
 * A call's jury settings under a row lock (created with the defaults if missing), when `version`
 * is still the current one: two managers editing at once get a conflict, never a silent overwrite.
 */
export async function lockJurySettings(
	tx: Executor,
	callId: string,
	version: number
): Promise<JurySettingsRow> {
	await ensureJurySettings(tx, callId);
	const [current] = await tx
		.select()
		.from(jurySettings)
		.where(eq(jurySettings.callId, callId))
		.for('update');
	if (current.version !== version) throw new AppError('conflict', 'stale_version');
	return current;
}
