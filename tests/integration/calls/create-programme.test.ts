import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { programmeSchema } from '../../../src/lib/schemas/programmes';
import { db } from '../../../src/lib/server/db';
import { programme, programmePartner, programmeTarget } from '../../../src/lib/server/db/schema';
import { createProgramme } from '../../../src/lib/server/programmes/create-programme';
import {
	actorFor,
	addMember,
	appErrorOf,
	auditEntries,
	createOrganisation,
	createUser
} from '../../factories';

const input = (overrides: Record<string, unknown> = {}) =>
	programmeSchema.parse({
		name_en: 'Social Economy Boost',
		summary_en: 'Support for social enterprises around the Baltic Sea',
		fallbackLocale: 'en',
		funder: 'Interreg Baltic Sea Region',
		startsOn: '2026-01-01',
		endsOn: '2028-12-31',
		budget: '2 450 000,50',
		currency: 'EUR',
		targets: [
			{ indicator: 'enterprises_supported', label: 'Enterprises supported', target: '40' },
			{ indicator: 'jobs_created', label: 'Jobs created', target: '25' }
		],
		...overrides
	});

async function clusterWithManager(kind: 'cluster' | 'enterprise' = 'cluster') {
	const cluster = await createOrganisation({ kind });
	const manager = await createUser();
	await addMember(cluster.id, manager.id, 'manager');
	return { cluster, manager, actor: await actorFor(manager.id) };
}

describe('createProgramme', () => {
	it('a cluster manager creates a programme it leads, with partners and targets, on the record', async () => {
		const { cluster, manager, actor } = await clusterWithManager();
		const partner = await createOrganisation({ kind: 'cluster' });

		const created = await createProgramme({
			actor,
			organisationId: cluster.id,
			input: input({ partnerIds: [partner.id, cluster.id] })
		});

		const [row] = await db().select().from(programme).where(eq(programme.id, created.id));
		expect({
			slug: created.slug,
			organisationId: row.organisationId,
			name: row.name,
			budgetMinor: row.budgetMinor,
			currency: row.currency,
			startsOn: row.startsOn,
			endsOn: row.endsOn
		}).toEqual({
			slug: 'social-economy-boost',
			organisationId: cluster.id,
			name: { en: 'Social Economy Boost' },
			budgetMinor: 245_000_050,
			currency: 'EUR',
			startsOn: '2026-01-01',
			endsOn: '2028-12-31'
		});
		expect(
			await db()
				.select({ organisationId: programmePartner.organisationId })
				.from(programmePartner)
				.where(eq(programmePartner.programmeId, created.id))
		).toEqual([{ organisationId: partner.id }]);
		expect(
			await db()
				.select({
					indicator: programmeTarget.indicator,
					label: programmeTarget.label,
					target: programmeTarget.target,
					position: programmeTarget.position
				})
				.from(programmeTarget)
				.where(eq(programmeTarget.programmeId, created.id))
				.orderBy(asc(programmeTarget.position))
		).toEqual([
			{
				indicator: 'enterprises_supported',
				label: { en: 'Enterprises supported' },
				target: 40,
				position: 0
			},
			{ indicator: 'jobs_created', label: { en: 'Jobs created' }, target: 25, position: 1 }
		]);
		expect(await auditEntries(created.id)).toEqual([
			{
				action: 'programme.created',
				actorUserId: manager.id,
				entityType: 'programme',
				organisationId: cluster.id,
				data: {
					slug: 'social-economy-boost',
					partners: 1,
					budgetMinor: 245_000_050,
					currency: 'EUR'
				}
			}
		]);
	});

	it('a second programme of the same name gets a numbered slug', async () => {
		const { cluster, actor } = await clusterWithManager();
		const options = { actor, organisationId: cluster.id, input: input({ name_en: 'Twin' }) };
		expect([(await createProgramme(options)).slug, (await createProgramme(options)).slug]).toEqual([
			'twin',
			'twin-2'
		]);
	});

	it('a partner that is not a cluster, or does not exist, is refused and nothing is created', async () => {
		const { cluster, actor } = await clusterWithManager();
		const enterprise = await createOrganisation({ kind: 'enterprise' });
		const refused = {
			code: 'invalid_input',
			message: 'partner_invalid',
			fields: { partnerIds: 'invalid_choice' }
		};
		expect([
			await appErrorOf(
				createProgramme({
					actor,
					organisationId: cluster.id,
					input: input({ partnerIds: [enterprise.id], name_en: 'Refused' })
				})
			),
			await appErrorOf(
				createProgramme({
					actor,
					organisationId: cluster.id,
					input: input({
						partnerIds: ['00000000-0000-4000-8000-000000000000'],
						name_en: 'Refused'
					})
				})
			)
		]).toEqual([refused, refused]);
		expect(
			await db().select().from(programme).where(eq(programme.organisationId, cluster.id))
		).toEqual([]);
	});

	it('an enterprise cannot lead a programme, even through its manager', async () => {
		const { cluster: enterprise, actor } = await clusterWithManager('enterprise');
		expect(
			await appErrorOf(createProgramme({ actor, organisationId: enterprise.id, input: input() }))
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('a plain member of the cluster cannot create a programme', async () => {
		const { cluster } = await clusterWithManager();
		const member = await createUser();
		await addMember(cluster.id, member.id, 'member');
		expect(
			await appErrorOf(
				createProgramme({
					actor: await actorFor(member.id),
					organisationId: cluster.id,
					input: input()
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});
});
