import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { outbox } from '../../../src/lib/server/db/schema';
import { deliverEmail } from '../../../src/lib/server/notify/deliver-email';
import { queueEmail } from '../../../src/lib/server/notify/queue-email';
import { templates } from '../../../src/lib/server/notify/templates';

// Without a Resend key, emails stay in the outbox (read at /dev/mailbox). Read lazily by config().
delete process.env.RESEND_API_KEY;

async function queued(to = 'Reader@Example.org') {
	return queueEmail(db(), {
		to,
		template: 'sign-in-code',
		locale: 'sv',
		email: templates.signInCode('sv', { code: '123456', minutes: 10 })
	});
}

async function stored(id: string) {
	const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
	return row;
}

describe('queueEmail', () => {
	it('a queued email is pending with its address lower-cased and its rendered text', async () => {
		const id = await queued();
		const row = await stored(id);

		expect({
			to: row.toAddress,
			template: row.template,
			locale: row.locale,
			status: row.status,
			attempts: row.attempts,
			subject: row.subject
		}).toEqual({
			to: 'reader@example.org',
			template: 'sign-in-code',
			locale: 'sv',
			status: 'pending',
			attempts: 0,
			subject: 'Din inloggningskod till Tandem: 123456'
		});
	});
});

describe('deliverEmail without Resend', () => {
	it('a pending email is marked stored, and a second delivery skips it', async () => {
		const id = await queued();

		expect(await deliverEmail(id)).toBe('stored');
		const row = await stored(id);
		expect({
			status: row.status,
			attempts: row.attempts,
			providerId: row.providerId,
			sentAt: row.sentAt
		}).toEqual({
			status: 'stored',
			attempts: 0,
			providerId: null,
			sentAt: null
		});

		expect(await deliverEmail(id)).toBe('skipped');
		expect((await stored(id)).status).toBe('stored');
	});

	it('an unknown outbox id is skipped', async () => {
		expect(await deliverEmail('00000000-0000-4000-8000-000000000000')).toBe('skipped');
	});
});
