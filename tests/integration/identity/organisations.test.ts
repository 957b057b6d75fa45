import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { auditLog, membership, user } from '../../../src/lib/server/db/schema';
import { AppError } from '../../../src/lib/server/errors';
import { createOrganisation as createOrganisationAsAdmin } from '../../../src/lib/server/identity/create-organisation';
import { loadActor } from '../../../src/lib/server/identity/queries';
import { switchOrganisation } from '../../../src/lib/server/identity/switch-organisation';
import { updateProfile } from '../../../src/lib/server/identity/update-profile';
import {
	actorFor,
	addMember,
	createOrganisation,
	createProgramme,
	createUser,
	giveProgrammeRole
} from '../../factories';

async function appError(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected an AppError, but the promise resolved');
}

async function activeOrganisationOf(userId: string) {
	const [row] = await db()
		.select({ active: user.activeOrganisationId })
		.from(user)
		.where(eq(user.id, userId));
	return row.active;
}

describe('loadActor', () => {
	it('a person with memberships and programme roles is loaded with all of them', async () => {
		const cluster = await createOrganisation({ name: 'Aaa Cluster', kind: 'cluster' });
		const enterprise = await createOrganisation({ name: 'Bbb Enterprise', kind: 'enterprise' });
		const programme = await createProgramme(cluster.id);
		const person = await createUser({
			name: 'Jonas Berg',
			email: 'jonas@example.org',
			locale: 'sv'
		});
		await addMember(enterprise.id, person.id, 'member');
		await addMember(cluster.id, person.id, 'manager');
		await giveProgrammeRole(programme.id, person.id, 'juror');

		expect(await loadActor(person.id)).toEqual({
			userId: person.id,
			email: 'jonas@example.org',
			name: 'Jonas Berg',
			platformAdmin: false,
			locale: 'sv',
			activeOrganisationId: cluster.id,
			memberships: [
				{
					organisationId: cluster.id,
					slug: cluster.slug,
					name: 'Aaa Cluster',
					kind: 'cluster',
					role: 'manager'
				},
				{
					organisationId: enterprise.id,
					slug: enterprise.slug,
					name: 'Bbb Enterprise',
					kind: 'enterprise',
					role: 'member'
				}
			],
			programmeRoles: [{ programmeId: programme.id, organisationId: cluster.id, role: 'juror' }]
		});
	});

	it('an unknown user id loads no actor', async () => {
		expect(await loadActor('no-such-user')).toBeNull();
	});

	it('an active organisation the person has left falls back to the first membership', async () => {
		const first = await createOrganisation({ name: 'Alpha Kooperativ' });
		const left = await createOrganisation({ name: 'Omega Verein' });
		const person = await createUser();
		await addMember(first.id, person.id);
		await addMember(left.id, person.id);
		await db().update(user).set({ activeOrganisationId: left.id }).where(eq(user.id, person.id));
		expect((await actorFor(person.id)).activeOrganisationId).toBe(left.id);

		await db().delete(membership).where(eq(membership.organisationId, left.id));

		expect((await actorFor(person.id)).activeOrganisationId).toBe(first.id);
	});

	it('a person without memberships has no active organisation even if one is stored', async () => {
		const organisation = await createOrganisation();
		const person = await createUser({ activeOrganisationId: organisation.id });

		expect((await actorFor(person.id)).activeOrganisationId).toBeNull();
	});
});

describe('switchOrganisation', () => {
	it('an organisation the person belongs to becomes the active one', async () => {
		const first = await createOrganisation({ name: 'Alpha' });
		const second = await createOrganisation({ name: 'Beta', kind: 'enterprise' });
		const person = await createUser();
		await addMember(first.id, person.id);
		await addMember(second.id, person.id, 'manager');

		const chosen = await switchOrganisation({
			actor: await actorFor(person.id),
			organisationId: second.id
		});

		expect(chosen).toEqual({
			organisationId: second.id,
			slug: second.slug,
			name: 'Beta',
			kind: 'enterprise',
			role: 'manager'
		});
		expect(await activeOrganisationOf(person.id)).toBe(second.id);
	});

	it('an organisation the person is not a member of is refused and the active one is unchanged', async () => {
		const own = await createOrganisation();
		const foreign = await createOrganisation();
		const person = await createUser({ activeOrganisationId: own.id });
		await addMember(own.id, person.id);

		const error = await appError(
			switchOrganisation({ actor: await actorFor(person.id), organisationId: foreign.id })
		);

		expect({ code: error.code, message: error.message, fields: error.fields }).toEqual({
			code: 'forbidden',
			message: 'organisation_unknown',
			fields: { organisationId: 'organisation_unknown' }
		});
		expect(await activeOrganisationOf(person.id)).toBe(own.id);
	});

	it('a platform admin cannot make an organisation active without being a member', async () => {
		const foreign = await createOrganisation();
		const admin = await createUser({ platformAdmin: true });

		const error = await appError(
			switchOrganisation({ actor: await actorFor(admin.id), organisationId: foreign.id })
		);

		expect([error.code, error.fields]).toEqual([
			'forbidden',
			{ organisationId: 'organisation_unknown' }
		]);
		expect(await activeOrganisationOf(admin.id)).toBeNull();
	});
});

describe('updateProfile', () => {
	it('a profile change updates the person and is audited', async () => {
		const person = await createUser({ name: 'Old Name', locale: null });

		await updateProfile({ actor: await actorFor(person.id), name: 'Claudia Weber', locale: 'de' });

		const [stored] = await db().select().from(user).where(eq(user.id, person.id));
		expect({ name: stored.name, locale: stored.locale }).toEqual({
			name: 'Claudia Weber',
			locale: 'de'
		});
		const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, person.id));
		expect(
			audits.map((a) => ({
				actor: a.actorUserId,
				action: a.action,
				type: a.entityType,
				org: a.organisationId,
				data: a.data
			}))
		).toEqual([
			{
				actor: person.id,
				action: 'profile.updated',
				type: 'user',
				org: null,
				data: { locale: 'de' }
			}
		]);
	});

	it('a profile set to follow the browser stores no locale', async () => {
		const person = await createUser({ locale: 'sv' });

		await updateProfile({ actor: await actorFor(person.id), name: person.name, locale: null });

		const [stored] = await db()
			.select({ locale: user.locale })
			.from(user)
			.where(eq(user.id, person.id));
		expect(stored.locale).toBeNull();
		const audits = await db()
			.select({ data: auditLog.data })
			.from(auditLog)
			.where(eq(auditLog.entityId, person.id));
		expect(audits).toEqual([{ data: { locale: null } }]);
	});
});

describe('createOrganisation', () => {
	it('an organisation created by a platform admin gets a unique slug and an audit entry', async () => {
		const admin = await createUser({ platformAdmin: true });
		const actor = await actorFor(admin.id);
		const options = {
			actor,
			name: 'Grünhof Inklusion gGmbH',
			kind: 'enterprise',
			country: 'DE',
			timeZone: 'Europe/Berlin'
		} as const;

		const first = await createOrganisationAsAdmin(options);
		const second = await createOrganisationAsAdmin(options);

		expect([first.slug, second.slug]).toEqual([
			'grunhof-inklusion-ggmbh',
			'grunhof-inklusion-ggmbh-2'
		]);
		const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, first.id));
		expect(
			audits.map((a) => ({
				actor: a.actorUserId,
				action: a.action,
				org: a.organisationId,
				data: a.data
			}))
		).toEqual([
			{
				actor: admin.id,
				action: 'organisation.created',
				org: first.id,
				data: { name: 'Grünhof Inklusion gGmbH', kind: 'enterprise', country: 'DE' }
			}
		]);
	});

	it('an organisation created by someone who is not a platform admin is forbidden', async () => {
		const person = await createUser();

		const error = await appError(
			createOrganisationAsAdmin({
				actor: await actorFor(person.id),
				name: 'Sneaky',
				kind: 'cluster',
				country: 'SE',
				timeZone: 'Europe/Stockholm'
			})
		);

		expect(error.code).toBe('forbidden');
	});
});
