import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { startApplication } from '../../../src/lib/server/applications/start-application';
import { db } from '../../../src/lib/server/db';
import { application } from '../../../src/lib/server/db/schema';
import {
	actorFor,
	addMember,
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall,
	createLead,
	createUser
} from '../../factories';

let programmeId: string | undefined;
async function callWith(overrides: Parameters<typeof createCall>[1] = {}) {
	programmeId ??= (await createLead()).programme.id;
	return createCall(programmeId, overrides);
}

async function applicationsOf(callId: string, organisationId: string) {
	return db()
		.select({ status: application.status, locale: application.locale })
		.from(application)
		.where(and(eq(application.callId, callId), eq(application.organisationId, organisationId)));
}

describe('startApplication', () => {
	it("creates a draft in the applicant's language, on the record", async () => {
		const target = await callWith();
		const { enterprise, user, actor } = await createApplicant();

		const started = await startApplication({
			actor,
			callId: target.id,
			organisationId: enterprise.id,
			locale: 'sv'
		});

		expect(started).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), created: true });
		expect(await applicationsOf(target.id, enterprise.id)).toEqual([
			{ status: 'draft', locale: 'sv' }
		]);
		expect(await auditEntries(started.id)).toEqual([
			{
				action: 'application.started',
				actorUserId: user.id,
				entityType: 'application',
				organisationId: enterprise.id,
				data: { callId: target.id }
			}
		]);
	});

	it('an unknown language is stored as English', async () => {
		const target = await callWith();
		const { enterprise, actor } = await createApplicant();
		await startApplication({
			actor,
			callId: target.id,
			organisationId: enterprise.id,
			locale: 'xx'
		});
		expect((await applicationsOf(target.id, enterprise.id))[0].locale).toBe('en');
	});

	it('starting again returns the open draft instead of a second one', async () => {
		const target = await callWith({ maxApplicationsPerEnterprise: 3 });
		const { enterprise, actor } = await createApplicant();
		const options = { actor, callId: target.id, organisationId: enterprise.id, locale: 'en' };

		const first = await startApplication(options);
		const second = await startApplication(options);

		expect(second).toEqual({ id: first.id, created: false });
		expect((await applicationsOf(target.id, enterprise.id)).length).toBe(1);
	});

	it('an enterprise at the call limit of applications cannot start another', async () => {
		const target = await callWith({ maxApplicationsPerEnterprise: 2 });
		const { enterprise, actor } = await createApplicant();
		await createApplication(target.id, enterprise.id, { status: 'submitted' });
		await createApplication(target.id, enterprise.id, { status: 'submitted' });

		expect(
			await appErrorOf(
				startApplication({ actor, callId: target.id, organisationId: enterprise.id, locale: 'en' })
			)
		).toEqual({
			code: 'conflict',
			message: 'application_limit',
			fields: { callId: 'application_limit' }
		});
	});

	it('below the limit a second application is started, and withdrawn ones do not count', async () => {
		const target = await callWith({ maxApplicationsPerEnterprise: 2 });
		const { enterprise, actor } = await createApplicant();
		await createApplication(target.id, enterprise.id, { status: 'submitted' });
		await createApplication(target.id, enterprise.id, { status: 'withdrawn' });

		const started = await startApplication({
			actor,
			callId: target.id,
			organisationId: enterprise.id,
			locale: 'en'
		});

		expect(started.created).toBe(true);
		expect((await applicationsOf(target.id, enterprise.id)).map((a) => a.status).sort()).toEqual([
			'draft',
			'submitted',
			'withdrawn'
		]);
	});

	it('starts racing for the last place create exactly one application', async () => {
		const target = await callWith({ maxApplicationsPerEnterprise: 1 });
		const { enterprise, actor } = await createApplicant();
		const options = { actor, callId: target.id, organisationId: enterprise.id, locale: 'en' };

		const [a, b] = await Promise.all([startApplication(options), startApplication(options)]);

		expect([a.id === b.id, [a.created, b.created].sort()]).toEqual([true, [false, true]]);
		expect((await applicationsOf(target.id, enterprise.id)).length).toBe(1);
	});

	it('a draft call is not found', async () => {
		const target = await callWith({ status: 'draft' });
		const { enterprise, actor } = await createApplicant();
		expect(
			await appErrorOf(
				startApplication({ actor, callId: target.id, organisationId: enterprise.id, locale: 'en' })
			)
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});

	it('a call past its deadline or not yet open is closed', async () => {
		const now = Date.now();
		const past = await callWith({
			opensAt: new Date(now - 10 * 86_400_000),
			closesAt: new Date(now - 1_000)
		});
		const upcoming = await callWith({
			opensAt: new Date(now + 86_400_000),
			closesAt: new Date(now + 10 * 86_400_000)
		});
		const { enterprise, actor } = await createApplicant();
		const start = (callId: string) =>
			appErrorOf(startApplication({ actor, callId, organisationId: enterprise.id, locale: 'en' }));
		const closed = { code: 'conflict', message: 'call_closed', fields: { callId: 'call_closed' } };
		expect([await start(past.id), await start(upcoming.id)]).toEqual([closed, closed]);
	});

	it('a member of a cluster cannot apply for it', async () => {
		const target = await callWith();
		const { cluster, actor } = await createLead();
		expect(
			await appErrorOf(
				startApplication({ actor, callId: target.id, organisationId: cluster.id, locale: 'en' })
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('a person cannot apply for an enterprise they do not belong to', async () => {
		const target = await callWith();
		const { enterprise } = await createApplicant();
		const { actor: stranger } = await createApplicant();
		expect(
			await appErrorOf(
				startApplication({
					actor: stranger,
					callId: target.id,
					organisationId: enterprise.id,
					locale: 'en'
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
		expect(await applicationsOf(target.id, enterprise.id)).toEqual([]);
	});

	it('a plain member of the enterprise may apply for it', async () => {
		const target = await callWith();
		const { enterprise } = await createApplicant();
		const member = await createUser();
		await addMember(enterprise.id, member.id, 'member');
		expect(
			(
				await startApplication({
					actor: await actorFor(member.id),
					callId: target.id,
					organisationId: enterprise.id,
					locale: 'en'
				})
			).created
		).toBe(true);
	});
});
