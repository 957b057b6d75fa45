import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callSettingsSchema } from '../../../src/lib/calls/schemas';
import { createCall } from '../../../src/lib/server/calls/create-call';
import { listCallsForOrganisation } from '../../../src/lib/server/calls/queries';
import { updateCallSettings } from '../../../src/lib/server/calls/update-call-settings';
import { db } from '../../../src/lib/server/db';
import { call } from '../../../src/lib/server/db/schema';
import { can } from '../../../src/lib/server/identity/can';
import { callResource, findCall } from '../../../src/lib/server/calls/queries';
import {
	actorFor,
	addMember,
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall as createCallRow,
	createConsortium,
	createOrganisation,
	createProgramme,
	createUser,
	giveProgrammeRole
} from '../../factories';

let shared: ReturnType<typeof createConsortium> | undefined;
/** The consortium most tests share; a test that changes memberships or lists calls makes its own. */
const consortium = () => (shared ??= createConsortium());

const form = {
	title_en: 'Green Kitchens 2027',
	summary_en: 'Support for food cooperatives',
	fallbackLocale: 'en',
	timeZone: 'Europe/Stockholm',
	opensAt: '2026-11-01T09:00',
	closesAt: '2026-12-01T17:00',
	maxApplicationsPerEnterprise: '1'
};
const settings = (overrides: Record<string, unknown> = {}) =>
	callSettingsSchema.parse({ ...form, ...overrides });

async function storedCall(id: string) {
	const [row] = await db().select().from(call).where(eq(call.id, id));
	return row;
}

describe('createCall', () => {
	it('a partner manager opens a draft call for their cluster, stored with its window as instants', async () => {
		const { programme, partnerA } = await consortium();

		const created = await createCall({
			actor: partnerA.actor,
			programmeId: programme.id,
			organisationId: partnerA.cluster.id,
			settings: settings()
		});

		const row = await storedCall(created.id);
		expect({
			slug: created.slug,
			status: row.status,
			organisationId: row.organisationId,
			programmeId: row.programmeId,
			title: row.title,
			summary: row.summary,
			timeZone: row.timeZone,
			opensAt: row.opensAt.toISOString(),
			closesAt: row.closesAt.toISOString(),
			editAfterSubmit: row.editAfterSubmit,
			maxApplicationsPerEnterprise: row.maxApplicationsPerEnterprise,
			form: row.form,
			version: row.version
		}).toEqual({
			slug: 'green-kitchens-2027',
			status: 'draft',
			organisationId: partnerA.cluster.id,
			programmeId: programme.id,
			title: { en: 'Green Kitchens 2027' },
			summary: { en: 'Support for food cooperatives' },
			timeZone: 'Europe/Stockholm',
			opensAt: '2026-11-01T08:00:00.000Z',
			closesAt: '2026-12-01T16:00:00.000Z',
			editAfterSubmit: false,
			maxApplicationsPerEnterprise: 1,
			form: { sections: [] },
			version: 1
		});
		expect(await auditEntries(created.id)).toEqual([
			{
				action: 'call.created',
				actorUserId: partnerA.manager.id,
				entityType: 'call',
				organisationId: partnerA.cluster.id,
				data: { programmeId: programme.id, slug: 'green-kitchens-2027' }
			}
		]);
	});

	it('a second call with the same title gets a numbered slug', async () => {
		const { programme, lead } = await consortium();
		const options = {
			actor: lead.actor,
			programmeId: programme.id,
			organisationId: lead.cluster.id,
			settings: settings({ title_en: 'Same Title' })
		};
		const first = await createCall(options);
		const second = await createCall(options);
		expect([first.slug, second.slug]).toEqual(['same-title', 'same-title-2']);
	});

	it('a partner manager cannot open a call for another partner', async () => {
		const { programme, partnerA, partnerB } = await consortium();
		expect(
			await appErrorOf(
				createCall({
					actor: partnerA.actor,
					programmeId: programme.id,
					organisationId: partnerB.cluster.id,
					settings: settings()
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('a cluster outside the programme cannot open a call in it', async () => {
		const { programme } = await consortium();
		const outsider = await createOrganisation({ kind: 'cluster' });
		const manager = await createUser();
		await addMember(outsider.id, manager.id, 'manager');
		expect(
			await appErrorOf(
				createCall({
					actor: await actorFor(manager.id),
					programmeId: programme.id,
					organisationId: outsider.id,
					settings: settings()
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('a manager of the lead cannot open a call for a cluster outside the programme they also manage', async () => {
		const { programme, lead } = await createConsortium();
		const other = await createOrganisation({ kind: 'cluster' });
		await addMember(other.id, lead.manager.id, 'manager');
		expect(
			await appErrorOf(
				createCall({
					actor: await actorFor(lead.manager.id),
					programmeId: programme.id,
					organisationId: other.id,
					settings: settings()
				})
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('an unknown programme is not found', async () => {
		const { lead } = await consortium();
		expect(
			await appErrorOf(
				createCall({
					actor: lead.actor,
					programmeId: '00000000-0000-4000-8000-000000000000',
					organisationId: lead.cluster.id,
					settings: settings()
				})
			)
		).toEqual({
			code: 'not_found',
			message: 'programme_unknown',
			fields: { programmeId: 'invalid_choice' }
		});
	});
});

describe('updateCallSettings', () => {
	it('saves new texts and window, bumps the version and records the new deadline', async () => {
		const { programme, partnerA } = await consortium();
		const target = await createCallRow(programme.id, {
			organisationId: partnerA.cluster.id,
			status: 'draft'
		});

		const updated = await updateCallSettings({
			actor: partnerA.actor,
			callId: target.id,
			settings: settings({
				title_sv: 'Gröna kök',
				timeZone: 'America/New_York',
				editAfterSubmit: 'on',
				version: '1'
			})
		});

		const row = await storedCall(target.id);
		expect({
			version: updated.version,
			title: row.title,
			timeZone: row.timeZone,
			opensAt: row.opensAt.toISOString(),
			closesAt: row.closesAt.toISOString(),
			editAfterSubmit: row.editAfterSubmit
		}).toEqual({
			version: 2,
			title: { en: 'Green Kitchens 2027', sv: 'Gröna kök' },
			timeZone: 'America/New_York',
			opensAt: '2026-11-01T14:00:00.000Z',
			closesAt: '2026-12-01T22:00:00.000Z',
			editAfterSubmit: true
		});
		expect((await auditEntries(target.id)).map((e) => [e.action, e.data])).toEqual([
			['call.settings_updated', { closesAt: '2026-12-01T22:00:00.000Z' }]
		]);
	});

	it('keeps the opening time of a call that is already open', async () => {
		const { programme, lead } = await consortium();
		const target = await createCallRow(programme.id);

		await updateCallSettings({
			actor: lead.actor,
			callId: target.id,
			settings: settings({ opensAt: '2030-01-01T09:00', closesAt: '2030-02-01T17:00' })
		});

		const row = await storedCall(target.id);
		expect([row.opensAt.toISOString(), row.closesAt.toISOString()]).toEqual([
			target.opensAt.toISOString(),
			'2030-02-01T16:00:00.000Z'
		]);
	});

	it('refuses a deadline before the kept opening time of an open call', async () => {
		const { programme, lead } = await consortium();
		const target = await createCallRow(programme.id, {
			opensAt: new Date('2026-11-15T08:00:00Z'),
			closesAt: new Date('2027-01-15T08:00:00Z')
		});
		expect(
			await appErrorOf(
				updateCallSettings({
					actor: lead.actor,
					callId: target.id,
					settings: settings({ opensAt: '2026-10-01T09:00', closesAt: '2026-11-10T17:00' })
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'closes_before_opens',
			fields: { closesAt: 'closes_before_opens' }
		});
	});

	it('a stale version is a conflict and changes nothing', async () => {
		const { programme, lead } = await consortium();
		const target = await createCallRow(programme.id, { status: 'draft', version: 3 });
		expect(
			await appErrorOf(
				updateCallSettings({
					actor: lead.actor,
					callId: target.id,
					settings: settings({ version: '2' })
				})
			)
		).toEqual({ code: 'conflict', message: 'stale_version', fields: undefined });
		expect((await storedCall(target.id)).title).toEqual(target.title);
	});

	it('a decided call cannot change', async () => {
		const { programme, lead } = await consortium();
		const target = await createCallRow(programme.id, { status: 'decided' });
		expect(
			await appErrorOf(
				updateCallSettings({ actor: lead.actor, callId: target.id, settings: settings() })
			)
		).toEqual({ code: 'conflict', message: 'call_decided', fields: { _form: 'call_decided' } });
	});

	it("a partner manager cannot change another partner's call", async () => {
		const { programme, partnerA, partnerB } = await consortium();
		const target = await createCallRow(programme.id, { organisationId: partnerB.cluster.id });
		expect(
			await appErrorOf(
				updateCallSettings({ actor: partnerA.actor, callId: target.id, settings: settings() })
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
		expect((await storedCall(target.id)).version).toBe(1);
	});

	it("the lead's manager cannot change a partner's call", async () => {
		const { programme, lead, partnerA } = await consortium();
		const target = await createCallRow(programme.id, { organisationId: partnerA.cluster.id });
		expect(
			await appErrorOf(
				updateCallSettings({ actor: lead.actor, callId: target.id, settings: settings() })
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});

	it('an unknown call id is not found', async () => {
		const { lead } = await consortium();
		expect(
			await appErrorOf(
				updateCallSettings({
					actor: lead.actor,
					callId: '00000000-0000-4000-8000-000000000000',
					settings: settings()
				})
			)
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});

describe('who sees and manages a call', () => {
	it("the lead's managers view a partner's call but do not manage it; the partner does both", async () => {
		const { programme, lead, partnerA, partnerB } = await consortium();
		const target = await createCallRow(programme.id, { organisationId: partnerA.cluster.id });
		const resource = callResource((await findCall(target.id))!);
		expect(
			[lead.actor, partnerA.actor, partnerB.actor].map((actor) => [
				can(actor, 'call.view', resource),
				can(actor, 'call.manage', resource)
			])
		).toEqual([
			[true, false],
			[true, true],
			[false, false]
		]);
	});

	it('a programme manager role manages every call of that programme only', async () => {
		const { programme, partnerA } = await consortium();
		const elsewhere = await createProgramme(partnerA.cluster.id);
		const person = await createUser();
		await giveProgrammeRole(programme.id, person.id, 'manager');
		const actor = await actorFor(person.id);
		const inside = await createCallRow(programme.id, { organisationId: partnerA.cluster.id });
		const outside = await createCallRow(elsewhere.id);
		expect([
			can(actor, 'call.manage', callResource((await findCall(inside.id))!)),
			can(actor, 'call.manage', callResource((await findCall(outside.id))!))
		]).toEqual([true, false]);
	});
});

describe('listCallsForOrganisation', () => {
	it("a programme lead sees its own and every partner's calls; a partner sees only its own", async () => {
		const { programme, lead, partnerA, partnerB } = await createConsortium();
		const now = Date.now();
		const own = await createCallRow(programme.id, { opensAt: new Date(now - 3 * 86_400_000) });
		const ofA = await createCallRow(programme.id, {
			organisationId: partnerA.cluster.id,
			opensAt: new Date(now - 2 * 86_400_000)
		});
		const ofB = await createCallRow(programme.id, {
			organisationId: partnerB.cluster.id,
			status: 'draft',
			opensAt: new Date(now - 1 * 86_400_000)
		});
		const applicant = await createApplicant();
		await createApplication(ofA.id, applicant.enterprise.id, { status: 'submitted' });
		await createApplication(ofA.id, (await createApplicant()).enterprise.id);

		const ofLead = await listCallsForOrganisation(lead.cluster.id);
		const ofPartnerA = await listCallsForOrganisation(partnerA.cluster.id);

		expect(ofLead.map((c) => [c.id, c.organisationId, c.status, c.applications])).toEqual([
			[ofB.id, partnerB.cluster.id, 'draft', 0],
			[ofA.id, partnerA.cluster.id, 'open', 1],
			[own.id, lead.cluster.id, 'open', 0]
		]);
		expect(ofPartnerA.map((c) => c.id)).toEqual([ofA.id]);
	});
});
