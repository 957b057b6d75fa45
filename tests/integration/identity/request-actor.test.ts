import { and, eq } from 'drizzle-orm';
import { makeSignature } from 'better-auth/crypto';
import { describe, expect, it } from 'vitest';
import { auth } from '../../../src/lib/server/auth';
import { db } from '../../../src/lib/server/db';
import {
	membership,
	outbox,
	programmeRole,
	session,
	user
} from '../../../src/lib/server/db/schema';
import { can } from '../../../src/lib/server/identity/can';
import { loadRequestActor } from '../../../src/lib/server/identity/request-actor';
import {
	addMember,
	createOrganisation,
	createProgramme,
	createUser,
	giveProgrammeRole
} from '../../factories';

const COOKIE = 'better-auth.session_token';
const DAY = 86_400_000;

/** Signs in with a magic link, as a person does; returns the cookie Better Auth set. */
async function signInWithLink(email: string) {
	await auth().api.signInMagicLink({
		body: { email, callbackURL: '/app' },
		headers: new Headers()
	});
	const [sent] = await db()
		.select({ text: outbox.text })
		.from(outbox)
		.where(and(eq(outbox.toAddress, email), eq(outbox.template, 'magic-link')));
	const link = sent.text.match(/http\S+\/api\/auth\/magic-link\/verify\?\S+/)?.[0] as string;
	const response = await auth().handler(new Request(link));
	const header = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`)) ?? '';
	return header.slice(COOKIE.length + 1, header.indexOf(';'));
}

/**
 * A session as Better Auth creates and signs it, without the magic link (magic-link requests are
 * rate limited: five per ten minutes).
 */
async function signIn(userId: string) {
	const context = await auth().$context;
	const created = await context.internalAdapter.createSession(userId);
	return encodeURIComponent(
		`${created.token}.${await makeSignature(created.token, context.secret)}`
	);
}

/** What the hooks do for a request that carries this cookie. */
function requestWith(cookie: string) {
	return loadRequestActor(
		(name) => (name === COOKIE ? decodeURIComponent(cookie) : undefined),
		new Headers({ cookie: `${COOKIE}=${cookie}` })
	);
}

async function sessionsOf(userId: string) {
	return db()
		.select({ token: session.token, expiresAt: session.expiresAt })
		.from(session)
		.where(eq(session.userId, userId));
}

describe('loadRequestActor', () => {
	it('a signed-in request loads its session and its person with memberships and roles', async () => {
		const person = await createUser({ email: 'maria@example.org', name: 'Maria Lind' });
		const cluster = await createOrganisation({ name: 'Aaa Cluster' });
		const programme = await createProgramme(cluster.id);
		await addMember(cluster.id, person.id, 'manager');
		await giveProgrammeRole(programme.id, person.id, 'juror');
		const cookie = await signInWithLink('maria@example.org');

		const current = await requestWith(cookie);

		const [stored] = await sessionsOf(person.id);
		expect({ token: current?.session.token, actor: current?.actor }).toEqual({
			token: stored.token,
			actor: {
				userId: person.id,
				email: 'maria@example.org',
				name: 'Maria Lind',
				platformAdmin: false,
				locale: null,
				activeOrganisationId: cluster.id,
				memberships: [
					{
						organisationId: cluster.id,
						slug: cluster.slug,
						name: 'Aaa Cluster',
						kind: 'cluster',
						role: 'manager'
					}
				],
				programmeRoles: [{ programmeId: programme.id, organisationId: cluster.id, role: 'juror' }]
			}
		});
	});

	it('a request without the cookie, or with a forged signature, loads nobody', async () => {
		const person = await createUser({ email: 'forged@example.org' });
		const cookie = await signIn(person.id);
		expect((await requestWith(cookie))?.actor.userId).toBe(person.id);
		const [token] = decodeURIComponent(cookie).split('.');
		const forged = encodeURIComponent(`${token}.${'A'.repeat(43)}=`);

		expect([
			await loadRequestActor(() => undefined, new Headers()),
			await requestWith(forged)
		]).toEqual([null, null]);
	});

	it('a signed-out session loads nobody on the very next request', async () => {
		const person = await createUser({ email: 'leaving@example.org' });
		const cookie = await signIn(person.id);
		expect((await requestWith(cookie))?.actor.userId).toBe(person.id);

		await auth().api.signOut({ headers: new Headers({ cookie: `${COOKIE}=${cookie}` }) });

		expect([await requestWith(cookie), await sessionsOf(person.id)]).toEqual([null, []]);
	});

	it('a revoked membership or programme role counts on the very next request', async () => {
		const person = await createUser({ email: 'revoked@example.org' });
		const cluster = await createOrganisation();
		const programme = await createProgramme(cluster.id);
		await addMember(cluster.id, person.id, 'manager');
		await giveProgrammeRole(programme.id, person.id, 'manager');
		const cookie = await signIn(person.id);
		const manages = async () => {
			const actor = (await requestWith(cookie))?.actor;
			return [
				can(actor, 'organisation.manage', { type: 'organisation', id: cluster.id }),
				can(actor, 'space.manage')
			];
		};
		expect(await manages()).toEqual([true, true]);

		await db().delete(membership).where(eq(membership.userId, person.id));
		const withoutMembership = await manages();
		await db().delete(programmeRole).where(eq(programmeRole.userId, person.id));

		expect([withoutMembership, await manages()]).toEqual([
			[false, true],
			[false, false]
		]);
	});

	it('a person made platform admin is one on the very next request', async () => {
		const person = await createUser({ email: 'admin-to-be@example.org' });
		const cookie = await signIn(person.id);
		const before = can((await requestWith(cookie))?.actor, 'admin.access');

		await db().update(user).set({ platformAdmin: true }).where(eq(user.id, person.id));

		expect([before, can((await requestWith(cookie))?.actor, 'admin.access')]).toEqual([
			false,
			true
		]);
	});

	it('an expired session loads nobody, and Better Auth deletes it', async () => {
		const person = await createUser({ email: 'expired@example.org' });
		const cookie = await signIn(person.id);
		expect((await requestWith(cookie))?.actor.userId).toBe(person.id);
		await db()
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 60_000) })
			.where(eq(session.userId, person.id));

		expect([await requestWith(cookie), await sessionsOf(person.id)]).toEqual([null, []]);
	});

	it('a session due to be extended is extended by Better Auth and still loads its person', async () => {
		const person = await createUser({ email: 'extended@example.org' });
		const cookie = await signIn(person.id);
		// Sessions last 14 days and are extended once a day: this one was last extended a day ago.
		await db()
			.update(session)
			.set({ expiresAt: new Date(Date.now() + 13 * DAY - 60_000) })
			.where(eq(session.userId, person.id));

		const current = await requestWith(cookie);

		const [stored] = await sessionsOf(person.id);
		expect({
			person: current?.actor.userId,
			extended: stored.expiresAt.valueOf() > Date.now() + 14 * DAY - 60_000
		}).toEqual({ person: person.id, extended: true });
	});
});
