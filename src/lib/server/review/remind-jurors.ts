// Owned by the jury progress work. Placeholder signature so the job registry compiles.

/** Sends each juror with pending reviews one reminder; progress in the job run. */
export async function runJuryReminders(jobRunId: string): Promise<string[]> {
	throw new Error(`jury reminders are not built yet (${jobRunId})`);
}
