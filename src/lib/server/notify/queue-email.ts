import type { Executor } from '../db';
import { outbox } from '../db/schema';
import type { RenderedEmail } from './templates';

export interface QueuedEmail {
	to: string;
	template: string;
	locale: string;
	email: RenderedEmail;
	meta?: Record<string, string>;
}

/**
 * Writes the email to the outbox inside the caller's transaction. Delivery happens in the
 * `send-email` job (see jobs/), which the caller starts after commit with `deliverSoon`; the
 * outbox sweep picks up anything left pending.
 */
export async function queueEmail(tx: Executor, email: QueuedEmail): Promise<string> {
	const [row] = await tx
		.insert(outbox)
		.values({
			toAddress: email.to.toLowerCase(),
			subject: email.email.subject,
			text: email.email.text,
			html: email.email.html,
			template: email.template,
			locale: email.locale,
			meta: email.meta ?? {}
		})
		.returning({ id: outbox.id });
	return row.id;
}
