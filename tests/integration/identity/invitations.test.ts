import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { auditLog, invitation, membership, outbox, user } from '../../../src/lib/server/db/schema';
import { AppError } from '../../../src/lib/server/errors';
import {
	acceptInvitation,
	findInvitation
} from '../../../src/lib/server/identity/accept-invitation';
import { inviteMember } from '../../../src/lib/server/identity/invite-member';
import { revokeInvitation } from '../../../src/lib/server/identity/revoke-invitation';
import { hashToken } from '../../../src/lib/server/identity/tokens';
import {
	actorFor,
	addMember,
	createInvitation,
	createOrganisation,
	createUser
} from '../../factories';

const ORIGIN = process.env.ORIGIN as string;

async function appError(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected an AppError, but the promise resolved');
}

async function rowsIn(
	table: typeof invitation | typeof auditLog | typeof outbox,
	organisationId?: string
) {
	if (table === outbox) return (await db().select({ n: count() }).from(outbox))[0].n;
	const column = table === invitation ? invitation.organisationId : auditLog.organisationId;
	return (
		await db()
			.select({ n: count() })
			.from(table)
			.where(eq(column, organisationId as string))
	)[0].n;
}

/** A cluster with a manager who invites people. */
async function clusterWithManager(name = 'Coompanion Örebro') {
	const organisation = await createOrganisation({ name });
	const manager = await createUser({ name: 'Maja Lindqvist' });
	await addMember(organisation.id, manager.id, 'manager');
	return { organisation, manager, actor: await actorFor(manager.id) };
}

function tokenIn(text: string) {
	const match = text.match(new RegExp(`${ORIGIN}/invite/([A-Za-z0-9_-]+)`));
	if (!match) throw new Error(`no invitation link in: ${text}`);
	return match[1];
}

describe('inviteMember', () => {
	it('an invitation by a manager writes one invitation, one audit entry and one email with the link', async () => {
		const { organisation, manager, actor } = await clusterWithManager();

		const { invitationId, outboxId } = await inviteMember({
			actor,
			organisationId: organisation.id,
			email: '  Jonas.Berg@Example.org ',
			role: 'member',
			origin: ORIGIN,
			locale: 'en'
		});

		const invitations = await db()
			.select()
			.from(invitation)
			.where(eq(invitation.organisationId, organisation.id));
		expect(
			invitations.map((i) => ({
				id: i.id,
				email: i.email,
				role: i.role,
				invitedBy: i.invitedBy,
				revokedAt: i.revokedAt
			}))
		).toEqual([
			{
				id: invitationId,
				email: 'jonas.berg@example.org',
				role: 'member',
				invitedBy: manager.id,
				revokedAt: null
			}
		]);
		const days = Math.round(
			(invitations[0].expiresAt.getTime() - invitations[0].createdAt.getTime()) / 86_400_000
		);
		expect(days).toBe(7);

		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.organisationId, organisation.id));
		expect(
			audits.map((a) => ({
				actor: a.actorUserId,
				action: a.action,
				type: a.entityType,
				id: a.entityId,
				data: a.data
			}))
		).toEqual([
			{
				actor: manager.id,
				action: 'invitation.created',
				type: 'invitation',
				id: invitationId,
				data: { email: 'jonas.berg@example.org', role: 'member' }
			}
		]);

		const emails = await db().select().from(outbox).where(eq(outbox.id, outboxId));
		expect(
			emails.map((e) => ({
				to: e.toAddress,
				template: e.template,
				locale: e.locale,
				status: e.status,
				subject: e.subject,
				meta: e.meta
			}))
		).toEqual([
			{
				to: 'jonas.berg@example.org',
				template: 'invitation',
				locale: 'en',
				status: 'pending',
				subject: 'You are invited to Coompanion Örebro on Tandem',
				meta: { invitationId }
			}
		]);
		expect(await rowsIn(outbox)).toBe(1);
		// Only the hash of the token is stored; the email carries the token itself.
		expect(invitations[0].tokenHash).toBe(hashToken(tokenIn(emails[0].text)));
		expect(emails[0].html).toContain(`${ORIGIN}/invite/${tokenIn(emails[0].text)}`);
	});

	it('an invitation in German is written in German', async () => {
		const { organisation, actor } = await clusterWithManager('Silicon Vilstal gUG');

		const { outboxId } = await inviteMember({
			actor,
			organisationId: organisation.id,
			email: 'claudia.weber@example.org',
			role: 'manager',
			origin: ORIGIN,
			locale: 'de'
		});

		const [email] = await db().select().from(outbox).where(eq(outbox.id, outboxId));
		expect(email.locale).toBe('de');
		expect(email.subject).toBe('Einladung zu Silicon Vilstal gUG auf Tandem');
		expect(email.text).toContain(`${ORIGIN}/invite/${tokenIn(email.text)}`);
	});

	it('an invitation by a plain member is forbidden and writes nothing', async () => {
		const { organisation } = await clusterWithManager();
		const member = await createUser();
		await addMember(organisation.id, member.id, 'member');
		const outboxBefore = await rowsIn(outbox);

		const error = await appError(
			inviteMember({
				actor: await actorFor(member.id),
				organisationId: organisation.id,
				email: 'new@example.org',
				role: 'member',
				origin: ORIGIN,
				locale: 'en'
			})
		);

		expect(error.code).toBe('forbidden');
		expect([
			await rowsIn(invitation, organisation.id),
			await rowsIn(auditLog, organisation.id),
			await rowsIn(outbox)
		]).toEqual([0, 0, outboxBefore]);
	});

	it('an invitation to an organisation the manager does not manage is forbidden and writes nothing', async () => {
		const { actor } = await clusterWithManager();
		const elsewhere = await createOrganisation();
		const outboxBefore = await rowsIn(outbox);

		const error = await appError(
			inviteMember({
				actor,
				organisationId: elsewhere.id,
				email: 'new@example.org',
				role: 'manager',
				origin: ORIGIN,
				locale: 'en'
			})
		);

		expect(error.code).toBe('forbidden');
		expect([
			await rowsIn(invitation, elsewhere.id),
			await rowsIn(auditLog, elsewhere.id),
			await rowsIn(outbox)
		]).toEqual([0, 0, outboxBefore]);
	});

	it('an invitation with a forged organisation id is forbidden and writes nothing', async () => {
		const { actor } = await clusterWithManager();
		const forged = '5b0c9c1e-1d1f-4f3e-9a55-000000000000';
		const outboxBefore = await rowsIn(outbox);

		const error = await appError(
			inviteMember({
				actor,
				organisationId: forged,
				email: 'new@example.org',
				role: 'member',
				origin: ORIGIN,
				locale: 'en'
			})
		);

		expect(error.code).toBe('forbidden');
		expect([
			await rowsIn(invitation, forged),
			await rowsIn(auditLog, forged),
			await rowsIn(outbox)
		]).toEqual([0, 0, outboxBefore]);
	});

	it('an invitation to an existing member is a conflict on the email field and writes nothing', async () => {
		const { organisation, actor } = await clusterWithManager();
		const member = await createUser({ email: 'already@example.org' });
		await addMember(organisation.id, member.id, 'member');
		const outboxBefore = await rowsIn(outbox);

		const error = await appError(
			inviteMember({
				actor,
				organisationId: organisation.id,
				email: 'Already@Example.org',
				role: 'member',
				origin: ORIGIN,
				locale: 'en'
			})
		);

		expect({
			code: error.code,
			message: error.message,
			fields: error.fields,
			status: error.status
		}).toEqual({
			code: 'conflict',
			message: 'already_member',
			fields: { email: 'already_member' },
			status: 409
		});
		expect([
			await rowsIn(invitation, organisation.id),
			await rowsIn(auditLog, organisation.id),
			await rowsIn(outbox)
		]).toEqual([0, 0, outboxBefore]);
	});

	it('a second invitation to the same address revokes the first', async () => {
		const { organisation, actor } = await clusterWithManager();
		const options = {
			actor,
			organisationId: organisation.id,
			email: 'twice@example.org',
			origin: ORIGIN,
			locale: 'en'
		} as const;

		const first = await inviteMember({ ...options, role: 'member' });
		const second = await inviteMember({ ...options, role: 'manager' });

		const rows = await db()
			.select()
			.from(invitation)
			.where(eq(invitation.organisationId, organisation.id));
		const byId = Object.fromEntries(
			rows.map((r) => [r.id, { role: r.role, revoked: r.revokedAt !== null }])
		);
		expect(byId).toEqual({
			[first.invitationId]: { role: 'member', revoked: true },
			[second.invitationId]: { role: 'manager', revoked: false }
		});

		const [firstEmail] = await db().select().from(outbox).where(eq(outbox.id, first.outboxId));
		const [secondEmail] = await db().select().from(outbox).where(eq(outbox.id, second.outboxId));
		expect((await findInvitation(tokenIn(firstEmail.text)))?.usable).toBe(false);
		expect((await findInvitation(tokenIn(secondEmail.text)))?.usable).toBe(true);
	});
});

describe('findInvitation', () => {
	it('an open invitation is usable and names its organisation', async () => {
		const organisation = await createOrganisation({ name: 'Nordlys Design AB', kind: 'provider' });
		const created = await createInvitation(organisation.id, {
			email: 'pekka@example.org',
			role: 'manager'
		});

		expect(await findInvitation(created.token)).toEqual({
			id: created.id,
			email: 'pekka@example.org',
			role: 'manager',
			expiresAt: created.expiresAt,
			acceptedAt: null,
			revokedAt: null,
			organisationName: 'Nordlys Design AB',
			organisationSlug: organisation.slug,
			usable: true
		});
	});

	it('an expired, revoked or accepted invitation is not usable', async () => {
		const organisation = await createOrganisation();
		const expired = await createInvitation(organisation.id, {
			expiresAt: new Date(Date.now() - 1000)
		});
		const revoked = await createInvitation(organisation.id, { revokedAt: new Date() });
		const accepted = await createInvitation(organisation.id, { acceptedAt: new Date() });

		const found = await Promise.all(
			[expired, revoked, accepted].map((i) => findInvitation(i.token))
		);
		expect(found.map((f) => f?.usable)).toEqual([false, false, false]);
	});

	it('an unknown token finds nothing', async () => {
		expect(await findInvitation('not-a-real-token')).toBeNull();
	});
});

describe('acceptInvitation', () => {
	it('an invitation accepted by the invited person creates the membership and makes the organisation active', async () => {
		const organisation = await createOrganisation({ name: 'Kvarterskraft', kind: 'enterprise' });
		const person = await createUser({ email: 'amira@example.org' });
		const created = await createInvitation(organisation.id, {
			email: 'amira@example.org',
			role: 'manager'
		});

		const result = await acceptInvitation({
			actor: await actorFor(person.id),
			token: created.token
		});

		expect(result).toEqual({
			organisationSlug: organisation.slug,
			kind: 'enterprise',
			role: 'manager'
		});
		const memberships = await db()
			.select()
			.from(membership)
			.where(eq(membership.userId, person.id));
		expect(memberships.map((m) => ({ organisationId: m.organisationId, role: m.role }))).toEqual([
			{ organisationId: organisation.id, role: 'manager' }
		]);
		const [stored] = await db().select().from(user).where(eq(user.id, person.id));
		expect(stored.activeOrganisationId).toBe(organisation.id);
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.organisationId, organisation.id));
		expect(
			audits.map((a) => ({ actor: a.actorUserId, action: a.action, id: a.entityId, data: a.data }))
		).toEqual([
			{ actor: person.id, action: 'invitation.accepted', id: created.id, data: { role: 'manager' } }
		]);
		expect((await findInvitation(created.token))?.usable).toBe(false);
	});

	it('an invitation accepted twice leaves one membership and one audit entry', async () => {
		const organisation = await createOrganisation();
		const person = await createUser();
		const created = await createInvitation(organisation.id, { email: person.email });
		const actor = await actorFor(person.id);

		const first = await acceptInvitation({ actor, token: created.token });
		const second = await acceptInvitation({ actor, token: created.token });

		expect(second).toEqual(first);
		expect(
			(
				await db().select({ n: count() }).from(membership).where(eq(membership.userId, person.id))
			)[0].n
		).toBe(1);
		const audits = await db()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.organisationId, organisation.id));
		expect(audits).toEqual([{ action: 'invitation.accepted' }]);
	});

	it('an invitation accepted by someone with another email is refused and changes nothing', async () => {
		const organisation = await createOrganisation();
		const intruder = await createUser();
		const created = await createInvitation(organisation.id, { email: 'invited@example.org' });

		const error = await appError(
			acceptInvitation({ actor: await actorFor(intruder.id), token: created.token })
		);

		expect([error.code, error.status]).toEqual(['invitation_wrong_email', 403]);
		expect(await db().select().from(membership).where(eq(membership.userId, intruder.id))).toEqual(
			[]
		);
		expect((await findInvitation(created.token))?.usable).toBe(true);
	});

	it('an expired invitation is invalid', async () => {
		const organisation = await createOrganisation();
		const person = await createUser();
		const created = await createInvitation(organisation.id, {
			email: person.email,
			expiresAt: new Date(Date.now() - 60_000)
		});

		const error = await appError(
			acceptInvitation({ actor: await actorFor(person.id), token: created.token })
		);

		expect([error.code, error.status]).toEqual(['invitation_invalid', 410]);
		expect(await db().select().from(membership).where(eq(membership.userId, person.id))).toEqual(
			[]
		);
	});

	it('a revoked invitation is invalid', async () => {
		const organisation = await createOrganisation();
		const person = await createUser();
		const created = await createInvitation(organisation.id, {
			email: person.email,
			revokedAt: new Date()
		});

		const error = await appError(
			acceptInvitation({ actor: await actorFor(person.id), token: created.token })
		);

		expect(error.code).toBe('invitation_invalid');
		expect(await db().select().from(membership).where(eq(membership.userId, person.id))).toEqual(
			[]
		);
	});

	it('an unknown token is invalid', async () => {
		const person = await createUser();
		const error = await appError(
			acceptInvitation({ actor: await actorFor(person.id), token: 'made-up' })
		);
		expect(error.code).toBe('invitation_invalid');
	});
});

describe('revokeInvitation', () => {
	it('an open invitation revoked by its manager is no longer usable and the revocation is audited', async () => {
		const { organisation, manager, actor } = await clusterWithManager();
		const created = await createInvitation(organisation.id);

		await revokeInvitation({ actor, organisationId: organisation.id, invitationId: created.id });

		expect((await findInvitation(created.token))?.usable).toBe(false);
		const audits = await db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.organisationId, organisation.id));
		expect(audits.map((a) => ({ actor: a.actorUserId, action: a.action, id: a.entityId }))).toEqual(
			[{ actor: manager.id, action: 'invitation.revoked', id: created.id }]
		);
	});

	it('an invitation id of another organisation is not found and nothing changes', async () => {
		const { organisation, actor } = await clusterWithManager();
		const elsewhere = await createOrganisation();
		const foreign = await createInvitation(elsewhere.id);

		const error = await appError(
			revokeInvitation({ actor, organisationId: organisation.id, invitationId: foreign.id })
		);

		expect(error.code).toBe('not_found');
		const [row] = await db().select().from(invitation).where(eq(invitation.id, foreign.id));
		expect(row.revokedAt).toBeNull();
		expect([await rowsIn(auditLog, organisation.id), await rowsIn(auditLog, elsewhere.id)]).toEqual(
			[0, 0]
		);
	});

	it('an invitation revoked twice is not found the second time', async () => {
		const { organisation, actor } = await clusterWithManager();
		const created = await createInvitation(organisation.id);

		await revokeInvitation({ actor, organisationId: organisation.id, invitationId: created.id });
		const error = await appError(
			revokeInvitation({ actor, organisationId: organisation.id, invitationId: created.id })
		);

		expect(error.code).toBe('not_found');
		expect(await rowsIn(auditLog, organisation.id)).toBe(1);
	});

	it('a revocation by a plain member is forbidden', async () => {
		const organisation = await createOrganisation();
		const member = await createUser();
		await addMember(organisation.id, member.id, 'member');
		const created = await createInvitation(organisation.id);

		const error = await appError(
			revokeInvitation({
				actor: await actorFor(member.id),
				organisationId: organisation.id,
				invitationId: created.id
			})
		);

		expect(error.code).toBe('forbidden');
		expect((await findInvitation(created.token))?.usable).toBe(true);
	});
});
