import { desc } from 'drizzle-orm';
import { db } from '../db';
import { outbox } from '../db/schema';

/** The dev mailbox (local mode only): the newest emails first. */
export async function unsafeListMailbox(limit = 100) {
	return db()
		.select({
			id: outbox.id,
			to: outbox.toAddress,
			subject: outbox.subject,
			text: outbox.text,
			html: outbox.html,
			status: outbox.status,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.orderBy(desc(outbox.createdAt))
		.limit(limit);
}
