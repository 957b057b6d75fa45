import { and, eq } from 'drizzle-orm';
import { Resend } from 'resend';
import { config } from '../config';
import { db } from '../db';
import { outbox } from '../db/schema';
import { log } from '../log';

let client: Resend | undefined;
function resend(apiKey: string) {
	client ??= new Resend(apiKey);
	return client;
}

/**
 * Sends one outbox email through Resend, or, with no RESEND_API_KEY, marks it stored (readable at
 * /dev/mailbox in local mode). Safe to run twice: only a pending row is sent, and Resend gets the
 * outbox id as idempotency key.
 */
export async function deliverEmail(id: string): Promise<'sent' | 'stored' | 'skipped'> {
	const { resendApiKey, emailFrom } = config();
	const outcome = await db().transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(outbox)
			.where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
			.for('update', { skipLocked: true });
		if (!row) return 'skipped' as const;
		if (!resendApiKey) {
			await tx.update(outbox).set({ status: 'stored' }).where(eq(outbox.id, id));
			return 'stored' as const;
		}
		const { data, error } = await resend(resendApiKey).emails.send(
			{ from: emailFrom, to: row.toAddress, subject: row.subject, text: row.text, html: row.html },
			{ idempotencyKey: `outbox-${row.id}` }
		);
		if (error) {
			// Recorded and committed, then reported: the job retries, the sweep picks it up again.
			await tx
				.update(outbox)
				.set({ attempts: row.attempts + 1, lastError: error.message })
				.where(eq(outbox.id, id));
			return { failed: error.message };
		}
		await tx
			.update(outbox)
			.set({
				status: 'sent',
				sentAt: new Date(),
				providerId: data?.id ?? null,
				attempts: row.attempts + 1
			})
			.where(eq(outbox.id, id));
		return 'sent' as const;
	});
	if (typeof outcome === 'object') {
		log.warn({ outboxId: id, error: outcome.failed }, 'email delivery failed');
		throw new Error(`Resend refused email ${id}: ${outcome.failed}`);
	}
	return outcome;
}
