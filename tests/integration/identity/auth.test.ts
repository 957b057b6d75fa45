import { and, eq } from 'drizzle-orm';
import { APIError } from 'better-auth/api';
import { describe, expect, it } from 'vitest';
import { auth } from '../../../src/lib/server/auth';
import { db } from '../../../src/lib/server/db';
import { outbox, session, user } from '../../../src/lib/server/db/schema';
import { createUser } from '../../factories';

const ORIGIN = process.env.ORIGIN as string;

async function emailsTo(address: string, template: string) {
	return db()
		.select()
		.from(outbox)
		.where(and(eq(outbox.toAddress, address), eq(outbox.template, template)));
}

async function requestMagicLink(email: string) {
	await auth().api.signInMagicLink({
		body: { email, callbackURL: '/app', errorCallbackURL: '/login/link-error' },
		headers: new Headers()
	});
	const emails = await emailsTo(email, 'magic-link');
	const link = emails.at(-1)?.text.match(/http\S+\/api\/auth\/magic-link\/verify\?\S+/)?.[0];
	if (!link) throw new Error('no magic link in the email');
	return { emails, link };
}

async function requestCode(email: string) {
	await auth().api.sendVerificationOTP({ body: { email, type: 'sign-in' } });
	const emails = await emailsTo(email, 'sign-in-code');
	const code = emails.at(-1)?.subject.match(/\b(\d{6})$/)?.[1];
	if (!code) throw new Error('no code in the email subject');
	return { emails, code };
}

async function apiError(promise: Promise<unknown>): Promise<APIError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof APIError) return error;
		throw error;
	}
	throw new Error('expected an APIError, but the call succeeded');
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

async function sessionsOf(email: string) {
	return db()
		.select({ token: session.token })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(user.email, email));
}

describe('magic link', () => {
	it('a magic link request writes one email with a link to this origin', async () => {
		const { emails, link } = await requestMagicLink('linda@example.org');

		expect(
			emails.map((e) => ({
				template: e.template,
				locale: e.locale,
				status: e.status,
				subject: e.subject
			}))
		).toEqual([
			{
				template: 'magic-link',
				locale: 'en',
				status: 'pending',
				subject: 'Your sign-in link for Tandem'
			}
		]);
		const url = new URL(link);
		expect({
			origin: url.origin,
			path: url.pathname,
			callbackURL: url.searchParams.get('callbackURL'),
			errorCallbackURL: url.searchParams.get('errorCallbackURL')
		}).toEqual({
			origin: ORIGIN,
			path: '/api/auth/magic-link/verify',
			callbackURL: '/app',
			errorCallbackURL: '/login/link-error'
		});
		expect(url.searchParams.get('token')).toMatch(/^\w{20,}$/);
	});

	it('a magic link opened once signs the person in and creates their account', async () => {
		const { link } = await requestMagicLink('new.person@example.org');
		expect(await db().select().from(user).where(eq(user.email, 'new.person@example.org'))).toEqual(
			[]
		);

		const response = await auth().handler(new Request(link));

		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe(`${ORIGIN}/app`);
		const [created] = await db()
			.select()
			.from(user)
			.where(eq(user.email, 'new.person@example.org'));
		expect({ emailVerified: created.emailVerified, platformAdmin: created.platformAdmin }).toEqual({
			emailVerified: true,
			platformAdmin: false
		});
		const sessions = await db().select().from(session).where(eq(session.userId, created.id));
		expect(sessions.length).toBe(1);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toContain(`better-auth.session_token=${sessions[0].token}.`);
		expect(cookie).toContain('HttpOnly');
	});

	it('a magic link for an existing person signs in that person without a second account', async () => {
		const person = await createUser({ email: 'known@example.org' });
		const { link } = await requestMagicLink('known@example.org');

		const response = await auth().handler(new Request(link));

		expect([response.status, response.headers.get('location')]).toEqual([302, `${ORIGIN}/app`]);
		expect(
			await db().select({ id: user.id }).from(user).where(eq(user.email, 'known@example.org'))
		).toEqual([{ id: person.id }]);
		expect((await db().select().from(session).where(eq(session.userId, person.id))).length).toBe(1);
	});

	it('a magic link opened a second time redirects to the error page with INVALID_TOKEN', async () => {
		const { link } = await requestMagicLink('twice@example.org');
		await auth().handler(new Request(link));

		const again = await auth().handler(new Request(link));

		expect(again.status).toBe(302);
		const location = new URL(again.headers.get('location') ?? '');
		expect({
			origin: location.origin,
			path: location.pathname,
			error: location.searchParams.get('error')
		}).toEqual({
			origin: ORIGIN,
			path: '/login/link-error',
			error: 'INVALID_TOKEN'
		});
		expect(again.headers.get('set-cookie') ?? '').not.toContain('better-auth.session_token=');
		const [person] = await db()
			.select({ id: user.id })
			.from(user)
			.where(eq(user.email, 'twice@example.org'));
		expect((await db().select().from(session).where(eq(session.userId, person.id))).length).toBe(1);
	});
});

describe('magic links opened from one address', () => {
	it('a room of people behind one address all get in with their own links within a minute', async () => {
		// A jury day or a cluster event: everyone on the venue's network shares one public address.
		const venue = { 'x-forwarded-for': '192.0.2.50' };
		const people = Array.from({ length: 12 }, (_, i) => `venue-${i}@example.org`);
		const links = [];
		for (const email of people) links.push((await requestMagicLink(email)).link);

		const statuses = [];
		for (const link of links) {
			const response = await auth().handler(new Request(link, { headers: venue }));
			statuses.push([response.status, response.headers.get('location')]);
		}

		expect(statuses).toEqual(people.map(() => [302, `${ORIGIN}/app`]));
	});
});

describe('email code', () => {
	it('a sign-in code request writes one email whose subject carries a six-digit code', async () => {
		const { emails, code } = await requestCode('code@example.org');

		expect(emails.map((e) => ({ template: e.template, subject: e.subject }))).toEqual([
			{ template: 'sign-in-code', subject: `Your Tandem sign-in code: ${code}` }
		]);
		expect(emails[0].text).toContain(`\n${code}\n`);
	});

	it('the right code signs the person in with a session', async () => {
		const { code } = await requestCode('right.code@example.org');

		const result = await auth().api.signInEmailOTP({
			body: { email: 'right.code@example.org', otp: code }
		});

		const [person] = await db().select().from(user).where(eq(user.email, 'right.code@example.org'));
		expect({
			email: result.user.email,
			id: result.user.id,
			verified: person.emailVerified
		}).toEqual({
			email: 'right.code@example.org',
			id: person.id,
			verified: true
		});
		const sessions = await db()
			.select({ token: session.token })
			.from(session)
			.where(eq(session.userId, person.id));
		expect(sessions).toEqual([{ token: result.token }]);
	});

	it('a wrong code is refused with an APIError and creates no session', async () => {
		const { code } = await requestCode('wrong.code@example.org');

		const error = await apiError(
			auth().api.signInEmailOTP({ body: { email: 'wrong.code@example.org', otp: otherThan(code) } })
		);

		expect([error.status, error.body?.code]).toEqual(['BAD_REQUEST', 'INVALID_OTP']);
		expect(await sessionsOf('wrong.code@example.org')).toEqual([]);
	});

	it('the right code after one wrong try still signs the person in', async () => {
		const { code } = await requestCode('second.try@example.org');
		await apiError(
			auth().api.signInEmailOTP({ body: { email: 'second.try@example.org', otp: otherThan(code) } })
		);

		const result = await auth().api.signInEmailOTP({
			body: { email: 'second.try@example.org', otp: code }
		});

		expect(await sessionsOf('second.try@example.org')).toEqual([{ token: result.token }]);
	});

	it('the right code after five wrong tries is refused', async () => {
		const { code } = await requestCode('guesser@example.org');
		for (let i = 0; i < 5; i++) {
			await apiError(
				auth().api.signInEmailOTP({ body: { email: 'guesser@example.org', otp: otherThan(code) } })
			);
		}

		const error = await apiError(
			auth().api.signInEmailOTP({ body: { email: 'guesser@example.org', otp: code } })
		);

		expect(error.body?.code).toBe('TOO_MANY_ATTEMPTS');
		expect(await sessionsOf('guesser@example.org')).toEqual([]);
	});
});
