import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { assignmentOverride, juryConflict, jurySettings } from '../../../src/lib/server/db/schema';
import { runAssignment } from '../../../src/lib/server/review/assign-reviewers';
import { inviteJuror } from '../../../src/lib/server/review/invite-juror';
import { removeJuror } from '../../../src/lib/server/review/remove-juror';
import {
	addMember,
	appErrorOf,
	auditEntries,
	createApplication,
	createApplicant,
	createReview
} from '../../factories';
import { juror, juryCall, reviewPairs, submittedApplication } from '../../factories-panel';

const NOW = new Date('2026-11-23T12:00:00Z');

async function lastRunOf(callId: string) {
	const [row] = await db()
		.select({ lastRun: jurySettings.lastRun })
		.from(jurySettings)
		.where(eq(jurySettings.callId, callId));
	return row.lastRun;
}

/** Reviews as "application juror" lines with their reasons, for exact comparison. */
async function assignment(callId: string, names: Record<string, string>) {
	return (await reviewPairs(callId))
		.map((r) => ({
			pair: `${names[r.applicationId]} ${r.juror}`,
			status: r.status,
			reasons: r.reasons
		}))
		.sort((a, b) => a.pair.localeCompare(b.pair));
}

describe('runAssignment', () => {
	it('gives each application k reviewers who read its language, within their loads, with the most shared expertise', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 2, defaultMaxLoad: 3 });
		const a = await submittedApplication(call.id, { impactAreas: [7] });
		const b = await submittedApplication(call.id, { locale: 'sv', impactAreas: [3] });
		const c = await submittedApplication(call.id, { impactAreas: [3, 7] });
		// Not for the jury: screened out, or never submitted.
		await submittedApplication(call.id, { screening: 'not_eligible', impactAreas: [7] });
		const drafter = await createApplicant({ impactAreas: [7] });
		await createApplication(call.id, drafter.enterprise.id, { createdBy: drafter.user.id });
		await juror(call.id, 'Anna', { languages: ['en', 'sv'], tags: ['sdg:7'], maxLoad: 2 });
		await juror(call.id, 'Bert', { languages: ['en'], tags: ['sdg:3'], maxLoad: 1 });
		await juror(call.id, 'Carla', { languages: ['sv'], tags: ['sdg:3'], maxLoad: 1 });
		await juror(call.id, 'Dan', { languages: ['en', 'sv'] });
		// Neither an open invitation nor a removed juror is given work.
		await inviteJuror({
			actor: manager.actor,
			callId: call.id,
			juror: {
				email: 'open@jury.se',
				name: 'Open',
				languages: ['en', 'sv'],
				tags: ['sdg:7'],
				maxLoad: null
			},
			origin: 'http://localhost'
		});
		const gone = await juror(call.id, 'Gone', {
			languages: ['en', 'sv'],
			tags: ['sdg:3', 'sdg:7']
		});
		await removeJuror({ actor: manager.actor, callId: call.id, memberId: gone.member.id });

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		const names = { [a.id]: 'A', [b.id]: 'B', [c.id]: 'C' };
		expect(await assignment(call.id, names)).toEqual([
			{ pair: 'A Anna', status: 'assigned', reasons: { sharedTags: ['sdg:7'], language: 'en' } },
			{ pair: 'A Dan', status: 'assigned', reasons: { sharedTags: [], language: 'en' } },
			{ pair: 'B Carla', status: 'assigned', reasons: { sharedTags: ['sdg:3'], language: 'sv' } },
			{ pair: 'B Dan', status: 'assigned', reasons: { sharedTags: [], language: 'sv' } },
			{ pair: 'C Anna', status: 'assigned', reasons: { sharedTags: ['sdg:7'], language: 'en' } },
			{ pair: 'C Bert', status: 'assigned', reasons: { sharedTags: ['sdg:3'], language: 'en' } }
		]);
		const expected = {
			at: NOW.toISOString(),
			trigger: 'manager',
			mode: 'full',
			k: 2,
			applications: 3,
			jurors: 4,
			conflictsFound: 0,
			outcome: 'assigned',
			objective: 4,
			reviews: 6,
			added: 6,
			removed: 0,
			kept: 0
		};
		expect([run, await lastRunOf(call.id)]).toEqual([expected, expected]);
		const { at: _at, ...audited } = expected;
		expect(await auditEntries(call.id)).toEqual([
			{
				action: 'jury.assignment_run',
				actorUserId: manager.manager.id,
				entityType: 'call',
				organisationId: manager.cluster.id,
				data: audited
			}
		]);
	});

	it('never assigns a conflicted pair or a pair a manager removed', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id, { impactAreas: [7] });
		const anna = await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		const bert = await juror(call.id, 'Bert', { tags: ['sdg:7'] });
		await juror(call.id, 'Carla');
		await db().insert(juryConflict).values({
			callId: call.id,
			juryMemberId: anna.member.id,
			applicationId: app.id,
			source: 'declared',
			reason: 'Former employer'
		});
		await db().insert(assignmentOverride).values({
			callId: call.id,
			juryMemberId: bert.member.id,
			applicationId: app.id,
			kind: 'exclude'
		});

		await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect((await reviewPairs(call.id)).map((r) => r.juror)).toEqual(['Carla']);
	});

	it('records the conflicts the data shows before assigning, and respects them', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id, { impactAreas: [7] });
		const anna = await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		await juror(call.id, 'Bert');
		await addMember(app.applicant.enterprise.id, anna.user.id);

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect([run.conflictsFound, (await reviewPairs(call.id)).map((r) => r.juror)]).toEqual([
			1,
			['Bert']
		]);
	});

	it('keeps a pinned pair even when another juror fits better', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id, { impactAreas: [7] });
		await juror(call.id, 'Anna', { tags: ['sdg:7'] });
		const bert = await juror(call.id, 'Bert');
		await db().insert(assignmentOverride).values({
			callId: call.id,
			juryMemberId: bert.member.id,
			applicationId: app.id,
			kind: 'pin'
		});

		await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect(
			(await reviewPairs(call.id)).map((r) => ({ juror: r.juror, reasons: r.reasons }))
		).toEqual([{ juror: 'Bert', reasons: { sharedTags: [], language: 'en', pinned: true } }]);
	});

	it('keeps a pin of a juror who does not read the language, and still gives the application k reviewers', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 2 });
		const app = await submittedApplication(call.id, { locale: 'sv', impactAreas: [7] });
		const anna = await juror(call.id, 'Anna', { languages: ['en'] });
		await juror(call.id, 'Bert', { languages: ['sv'], tags: ['sdg:7'] });
		await juror(call.id, 'Carla', { languages: ['sv'] });
		await db().insert(assignmentOverride).values({
			callId: call.id,
			juryMemberId: anna.member.id,
			applicationId: app.id,
			kind: 'pin'
		});

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect(
			(await reviewPairs(call.id)).map((r) => ({ juror: r.juror, reasons: r.reasons }))
		).toEqual([
			{ juror: 'Anna', reasons: { sharedTags: [], language: '', pinned: true } },
			{ juror: 'Bert', reasons: { sharedTags: ['sdg:7'], language: 'sv' } }
		]);
		expect(run).toMatchObject({ outcome: 'assigned', reviews: 2, objective: 1 });
	});

	it('keeps every pinned reviewer when a manager pinned more than k', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id);
		for (const name of ['Anna', 'Bert']) {
			const pinned = await juror(call.id, name);
			await db().insert(assignmentOverride).values({
				callId: call.id,
				juryMemberId: pinned.member.id,
				applicationId: app.id,
				kind: 'pin'
			});
		}
		await juror(call.id, 'Carla');

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect([run.outcome, (await reviewPairs(call.id)).map((r) => r.juror)]).toEqual([
			'assigned',
			['Anna', 'Bert']
		]);
	});

	it('again never moves a started review and moves an unstarted one when that fits better', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const a = await submittedApplication(call.id, { impactAreas: [7] });
		const b = await submittedApplication(call.id, { impactAreas: [3] });
		await juror(call.id, 'Anna', { tags: ['sdg:7', 'sdg:3'], maxLoad: 1 });
		const bert = await juror(call.id, 'Bert', { tags: ['sdg:3'], maxLoad: 1 });
		const carla = await juror(call.id, 'Carla', { maxLoad: 2 });
		// From an earlier run: Bert started A; Carla has B but has not opened it.
		await createReview(call.id, a.id, bert.member.id, { status: 'started', startedAt: NOW });
		await createReview(call.id, b.id, carla.member.id);

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		const names = { [a.id]: 'A', [b.id]: 'B' };
		expect(await assignment(call.id, names)).toEqual([
			{ pair: 'A Bert', status: 'started', reasons: { sharedTags: [], language: 'en' } },
			{ pair: 'B Anna', status: 'assigned', reasons: { sharedTags: ['sdg:3'], language: 'en' } }
		]);
		expect(run).toMatchObject({ outcome: 'assigned', added: 1, removed: 1, kept: 1 });
	});

	it('changes nothing when no assignment exists and names the blocking language', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 2 });
		const apps = [
			await submittedApplication(call.id, { locale: 'sv' }),
			await submittedApplication(call.id, { locale: 'sv' }),
			await submittedApplication(call.id, { locale: 'sv' })
		];
		const anna = await juror(call.id, 'Anna', { languages: ['sv', 'en'], maxLoad: 1 });
		await juror(call.id, 'Bert', { languages: ['sv'], maxLoad: 1 });
		await juror(call.id, 'Carla', { languages: ['sv'], maxLoad: 1 });
		await juror(call.id, 'Dan', { languages: ['en'], maxLoad: 10 });
		await createReview(call.id, apps[0].id, anna.member.id);

		const run = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect(run).toEqual({
			at: NOW.toISOString(),
			trigger: 'manager',
			mode: 'full',
			k: 2,
			applications: 3,
			jurors: 4,
			conflictsFound: 0,
			outcome: 'infeasible',
			reasons: [
				{
					code: 'language_shortage',
					language: 'sv',
					applications: 3,
					needed: 6,
					jurorsReading: 3,
					available: 3
				}
			]
		});
		expect(await lastRunOf(call.id)).toEqual(run);
		expect((await reviewPairs(call.id)).map((r) => r.juror)).toEqual(['Anna']);
		expect((await auditEntries(call.id)).map((e) => [e.action, e.data.outcome])).toEqual([
			['jury.assignment_run', 'infeasible']
		]);
	});

	it('with no applications yet records an empty run, and with no jurors says no one can review', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });

		const empty = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });
		const app = await submittedApplication(call.id);
		const nobody = await runAssignment({ actor: manager.actor, callId: call.id, now: NOW });

		expect(empty).toMatchObject({ outcome: 'assigned', applications: 0, reviews: 0 });
		expect(nobody).toMatchObject({ outcome: 'infeasible', applications: 1, jurors: 0 });
		expect(nobody.outcome === 'infeasible' ? nobody.reasons[0] : null).toEqual({
			code: 'too_few_eligible',
			applicationId: app.id,
			needed: 1,
			eligible: 0
		});
	});

	it('by the lead who only views, another partner, or for a forged call is refused', async () => {
		const { call, lead, otherPartner, manager } = await juryCall();
		await submittedApplication(call.id);
		await juror(call.id, 'Anna');

		expect([
			await appErrorOf(runAssignment({ actor: lead.actor, callId: call.id })),
			await appErrorOf(runAssignment({ actor: otherPartner.actor, callId: call.id })),
			await appErrorOf(
				runAssignment({ actor: manager.actor, callId: '6f1c2a8e-0000-4000-8000-000000000000' })
			)
		]).toEqual([
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'not_found', message: 'not_found', fields: undefined }
		]);
		expect([await reviewPairs(call.id), await lastRunOf(call.id)]).toEqual([[], null]);
	});

	it('after scoring closed is refused', async () => {
		const { call, manager } = await juryCall({ phase: 'closed' });
		expect(await appErrorOf(runAssignment({ actor: manager.actor, callId: call.id }))).toEqual({
			code: 'conflict',
			message: 'jury_closed',
			fields: { _form: 'jury_closed' }
		});
	});
});
