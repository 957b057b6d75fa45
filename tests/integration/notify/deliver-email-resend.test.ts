import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * Resend is faked at its HTTP boundary: the real SDK talks to this local server. The key and the
 * address must be in the environment before config() and the Resend client are first created, so
 * the modules that read them are imported only after they are set.
 */
interface Recorded {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

const requests: Recorded[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: { id: 're_123' } };
let server: Server;

process.env.RESEND_API_KEY = 're_test';
process.env.EMAIL_FROM = 'Tandem <tandem@example.org>';

beforeAll(async () => {
	server = createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			requests.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: JSON.parse(raw || '{}')
			});
			res.writeHead(reply.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	requests.length = 0;
	reply = { status: 200, body: { id: 're_123' } };
});

async function modules() {
	const [{ db }, { outbox }, { deliverEmail }, { queueEmail }, { templates }] = await Promise.all([
		import('../../../src/lib/server/db'),
		import('../../../src/lib/server/db/schema'),
		import('../../../src/lib/server/notify/deliver-email'),
		import('../../../src/lib/server/notify/queue-email'),
		import('../../../src/lib/server/notify/templates')
	]);
	const queued = () =>
		queueEmail(db(), {
			to: 'amira@example.org',
			template: 'magic-link',
			locale: 'de',
			email: templates.magicLink('de', {
				url: 'http://localhost:4999/api/auth/magic-link/verify?token=abc',
				minutes: 15
			})
		});
	const stored = async (id: string) =>
		(await db().select().from(outbox).where(eq(outbox.id, id)))[0];
	return { deliverEmail, queued, stored };
}

describe('deliverEmail with Resend', () => {
	it('a pending email is sent once with the outbox id as idempotency key and marked sent', async () => {
		const { deliverEmail, queued, stored } = await modules();
		const id = await queued();
		const row = await stored(id);

		expect(await deliverEmail(id)).toBe('sent');

		expect(requests.map((r) => ({ method: r.method, url: r.url }))).toEqual([
			{ method: 'POST', url: '/emails' }
		]);
		const [request] = requests;
		expect(request.headers['idempotency-key']).toBe(`outbox-${id}`);
		expect(request.headers.authorization).toBe('Bearer re_test');
		expect({
			from: request.body.from,
			to: request.body.to,
			subject: request.body.subject,
			text: request.body.text,
			html: request.body.html
		}).toEqual({
			from: 'Tandem <tandem@example.org>',
			to: 'amira@example.org',
			subject: 'Ihr Anmeldelink für Tandem',
			text: row.text,
			html: row.html
		});

		const sent = await stored(id);
		expect({
			status: sent.status,
			providerId: sent.providerId,
			attempts: sent.attempts,
			lastError: sent.lastError
		}).toEqual({
			status: 'sent',
			providerId: 're_123',
			attempts: 1,
			lastError: null
		});
		expect(sent.sentAt).toBeInstanceOf(Date);

		expect(await deliverEmail(id)).toBe('skipped');
		expect(requests.length).toBe(1);
	});

	it('an email Resend refuses stays pending with one attempt and the error, and delivery rejects', async () => {
		const { deliverEmail, queued, stored } = await modules();
		const id = await queued();
		reply = { status: 422, body: { name: 'validation_error', message: 'bad' } };

		await expect(deliverEmail(id)).rejects.toThrowError(`Resend refused email ${id}: bad`);

		expect(requests.length).toBe(1);
		const row = await stored(id);
		expect({
			status: row.status,
			attempts: row.attempts,
			lastError: row.lastError,
			providerId: row.providerId,
			sentAt: row.sentAt
		}).toEqual({
			status: 'pending',
			attempts: 1,
			lastError: 'bad',
			providerId: null,
			sentAt: null
		});
	});
});
