// Owned by the assignment work (jury panel + solver). Placeholder signatures so other parts compile.

/**
 * After a juror declared a conflict: find the application a replacement reviewer, keeping every
 * other review where it is. Never throws for an infeasible instance: the outcome is recorded in
 * `jury_settings.last_run` for the managers to see.
 */
export async function reassignAfterConflict(callId: string): Promise<void> {
	throw new Error(`reassignment is not built yet (call ${callId})`);
}
