// Owned by the decisions work. Placeholder signature so the job registry compiles.

/** Sends every unsent decision email of a call, releases the decisions; progress in the job run. */
export async function runSendDecisions(jobRunId: string): Promise<string[]> {
	throw new Error(`decision emails are not built yet (${jobRunId})`);
}
