import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterpriseProfileSchema } from '../../../src/lib/schemas/enterprise';
import { submitApplication } from '../../../src/lib/server/applications/submit-application';
import { db } from '../../../src/lib/server/db';
import { application } from '../../../src/lib/server/db/schema';
import {
	createEnterprise,
	findEnterpriseProfile,
	updateEnterpriseProfile
} from '../../../src/lib/server/enterprises/save-enterprise-profile';
import {
	actorFor,
	addMember,
	appErrorOf,
	auditEntries,
	createApplication,
	createCall,
	createLead,
	createUser
} from '../../factories';

const profile = (overrides: Record<string, unknown> = {}) =>
	enterpriseProfileSchema.parse({
		name: 'Grön Kooperativ',
		organisationNumber: '769600-1234',
		country: 'SE',
		legalForm: 'cooperative',
		foundedYear: '2019',
		employees: '12',
		website: 'https://gron.example.se',
		impactAreas: ['2', '12'],
		teamNames: ['Anna', 'Jonas'],
		teamRoles: ['Chair', 'Treasurer'],
		...overrides
	});

describe('createEnterprise', () => {
	it('registers the enterprise with its profile and team, its creator as manager', async () => {
		const person = await createUser();
		const actor = await actorFor(person.id);

		const created = await createEnterprise({ actor, profile: profile() });

		const stored = await findEnterpriseProfile(created.id);
		expect({
			slug: created.slug,
			kind: stored?.kind,
			name: stored?.name,
			country: stored?.country,
			legalForm: stored?.legalForm,
			foundedYear: stored?.foundedYear,
			employees: stored?.employees,
			website: stored?.website,
			impactAreas: stored?.impactAreas,
			founderBackground: stored?.founderBackground,
			team: stored?.team
		}).toEqual({
			slug: 'gron-kooperativ',
			kind: 'enterprise',
			name: 'Grön Kooperativ',
			country: 'SE',
			legalForm: 'cooperative',
			foundedYear: 2019,
			employees: 12,
			website: 'https://gron.example.se',
			impactAreas: [2, 12],
			founderBackground: null,
			team: [
				{ name: 'Anna', role: 'Chair' },
				{ name: 'Jonas', role: 'Treasurer' }
			]
		});
		const after = await actorFor(person.id);
		expect([
			after.memberships.map((m) => [m.organisationId, m.role]),
			after.activeOrganisationId
		]).toEqual([[[created.id, 'manager']], created.id]);
		expect(await auditEntries(created.id)).toEqual([
			{
				action: 'enterprise.created',
				actorUserId: person.id,
				entityType: 'organisation',
				organisationId: created.id,
				data: { name: 'Grön Kooperativ', country: 'SE' }
			}
		]);
	});
});

describe('updateEnterpriseProfile', () => {
	it('replaces the profile and team; the founder background is stored but not copied to the log', async () => {
		const person = await createUser();
		const created = await createEnterprise({
			actor: await actorFor(person.id),
			profile: profile()
		});

		await updateEnterpriseProfile({
			actor: await actorFor(person.id),
			organisationId: created.id,
			profile: profile({
				employees: '3',
				teamNames: ['Maria'],
				teamRoles: ['Founder'],
				founderBackground: ['women_led', 'rural'],
				founderConsent: 'on'
			})
		});

		const stored = await findEnterpriseProfile(created.id);
		expect([
			stored?.employees,
			stored?.team,
			stored?.founderBackground,
			stored?.founderBackgroundConsentAt instanceof Date
		]).toEqual([3, [{ name: 'Maria', role: 'Founder' }], ['women_led', 'rural'], true]);
		expect((await auditEntries(created.id)).map((e) => [e.action, e.data])).toEqual([
			['enterprise.created', { name: 'Grön Kooperativ', country: 'SE' }],
			['enterprise.profile_updated', { founderBackgroundGiven: true }]
		]);
	});

	it('a member who does not manage the enterprise cannot change its profile', async () => {
		const owner = await createUser();
		const created = await createEnterprise({ actor: await actorFor(owner.id), profile: profile() });
		const member = await createUser();
		await addMember(created.id, member.id, 'member');
		expect(
			await appErrorOf(
				updateEnterpriseProfile({
					actor: await actorFor(member.id),
					organisationId: created.id,
					profile: profile({ name: 'Taken over' })
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
		expect((await findEnterpriseProfile(created.id))?.name).toBe('Grön Kooperativ');
	});

	it('eligibility at submission reads the profile as it is then', async () => {
		const owner = await createUser();
		const created = await createEnterprise({
			actor: await actorFor(owner.id),
			profile: profile({ employees: '' })
		});
		const actor = await actorFor(owner.id);
		const { programme } = await createLead();
		const rules = { eligibilityRules: [{ kind: 'employees_below' as const, limit: 10 }] };
		const first = await createApplication((await createCall(programme.id, rules)).id, created.id, {
			createdBy: owner.id
		});
		const second = await createApplication((await createCall(programme.id, rules)).id, created.id, {
			createdBy: owner.id
		});
		const submit = (id: string) =>
			submitApplication({
				actor,
				applicationId: id,
				version: 1,
				answers: { idea: 'Kitchens', statutes: true },
				origin: 'http://localhost:4999'
			});

		await submit(first.id);
		await updateEnterpriseProfile({
			actor,
			organisationId: created.id,
			profile: profile({ employees: '4' })
		});
		await submit(second.id);

		const verdicts = await db()
			.select({ id: application.id, eligibility: application.eligibility })
			.from(application)
			.where(eq(application.organisationId, created.id));
		expect(Object.fromEntries(verdicts.map((v) => [v.id, v.eligibility]))).toEqual({
			[first.id]: 'needs_screening',
			[second.id]: 'eligible'
		});
	});
});
