import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jurySettingsSchema } from '../../../src/lib/schemas/jury';
import { db } from '../../../src/lib/server/db';
import { jurySettings } from '../../../src/lib/server/db/schema';
import { transitionJuryPhase } from '../../../src/lib/server/review/transition-jury-phase';
import { updateJurySettings } from '../../../src/lib/server/review/update-jury-settings';
import { appErrorOf, auditEntries, createReview, setJury } from '../../factories';
import { juror, juryCall, submittedApplication } from '../../factories-panel';

const NOW = new Date('2026-11-23T12:00:00Z');

async function settingsOf(callId: string) {
	const [row] = await db().select().from(jurySettings).where(eq(jurySettings.callId, callId));
	return row;
}

/** The settings form as posted, parsed in the call's time zone. */
function posted(values: Record<string, string>, timeZone = 'Europe/Stockholm') {
	const parsed = jurySettingsSchema(timeZone).safeParse({
		reviewersPerApplication: '3',
		defaultMaxLoad: '12',
		blindReview: 'on',
		showScoresAfterSubmit: '',
		reviewDeadline: '',
		version: '1',
		...values
	});
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('updateJurySettings', () => {
	it("saves k, loads, blind review and the deadline as wall time in the call's zone, with an audit entry", async () => {
		const { call, manager } = await juryCall();

		const result = await updateJurySettings({
			actor: manager.actor,
			callId: call.id,
			settings: posted({ reviewDeadline: '2026-12-15T17:00' }),
			now: NOW
		});

		const row = await settingsOf(call.id);
		expect({
			version: result.version,
			k: row.reviewersPerApplication,
			load: row.defaultMaxLoad,
			blind: row.blindReview,
			scores: row.showScoresAfterSubmit,
			deadline: row.reviewDeadline
		}).toEqual({
			version: 2,
			k: 3,
			load: 12,
			blind: true,
			scores: false,
			// 17:00 in Stockholm in winter is 16:00 UTC.
			deadline: new Date('2026-12-15T16:00:00Z')
		});
		expect(await auditEntries(call.id)).toEqual([
			{
				action: 'jury.settings_updated',
				actorUserId: manager.manager.id,
				entityType: 'call',
				organisationId: manager.cluster.id,
				data: {
					reviewersPerApplication: 3,
					defaultMaxLoad: 12,
					blindReview: true,
					showScoresAfterSubmit: false,
					reviewDeadline: '2026-12-15T16:00:00.000Z'
				}
			}
		]);
	});

	it('with the version someone else already replaced is a conflict and keeps their values', async () => {
		const { call, manager } = await juryCall();
		await updateJurySettings({
			actor: manager.actor,
			callId: call.id,
			settings: posted({ reviewersPerApplication: '4' }),
			now: NOW
		});

		expect(
			await appErrorOf(
				updateJurySettings({
					actor: manager.actor,
					callId: call.id,
					settings: posted({ reviewersPerApplication: '1' }),
					now: NOW
				})
			)
		).toEqual({ code: 'conflict', message: 'stale_version', fields: { _form: 'stale_version' } });
		expect((await settingsOf(call.id)).reviewersPerApplication).toBe(4);
	});

	it('with a new deadline in the past is refused next to the deadline', async () => {
		const { call, manager } = await juryCall();
		expect(
			await appErrorOf(
				updateJurySettings({
					actor: manager.actor,
					callId: call.id,
					settings: posted({ reviewDeadline: '2026-11-01T12:00' }),
					now: NOW
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'deadline_in_past',
			fields: { reviewDeadline: 'deadline_in_past' }
		});
	});

	it('after scoring closed is refused', async () => {
		const { call, manager } = await juryCall({ phase: 'closed' });
		expect(
			await appErrorOf(
				updateJurySettings({
					actor: manager.actor,
					callId: call.id,
					settings: posted({}),
					now: NOW
				})
			)
		).toEqual({ code: 'conflict', message: 'jury_closed', fields: { _form: 'jury_closed' } });
	});

	it('by the lead who only views the call is forbidden and changes nothing', async () => {
		const { call, lead } = await juryCall();
		expect(
			await appErrorOf(
				updateJurySettings({ actor: lead.actor, callId: call.id, settings: posted({}), now: NOW })
			)
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
		expect([(await settingsOf(call.id)).version, await auditEntries(call.id)]).toEqual([1, []]);
	});

	it('the form refuses a wall time that does not exist in the zone (clocks going forward)', () => {
		const result = jurySettingsSchema('Europe/Stockholm').safeParse({
			reviewersPerApplication: '2',
			defaultMaxLoad: '5',
			reviewDeadline: '2027-03-28T02:30',
			version: '1'
		});
		expect(result.success ? null : result.error.issues.map((i) => [i.path, i.message])).toEqual([
			[['reviewDeadline'], 'datetime_invalid']
		]);
	});
});

describe('transitionJuryPhase', () => {
	it('opens scoring when every application has its k reviewers, with an audit entry', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 1 });
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await createReview(call.id, app.id, anna.member.id);

		const moved = await transitionJuryPhase({
			actor: manager.actor,
			callId: call.id,
			to: 'scoring',
			version: 1
		});

		expect([moved, (await settingsOf(call.id)).phase]).toEqual([
			{ from: 'setup', to: 'scoring', version: 2 },
			'scoring'
		]);
		expect(await auditEntries(call.id)).toEqual([
			{
				action: 'jury.phase_changed',
				actorUserId: manager.manager.id,
				entityType: 'call',
				organisationId: manager.cluster.id,
				data: { from: 'setup', to: 'scoring', underAssigned: 0 }
			}
		]);
	});

	it('refuses to open scoring while applications lack reviewers, unless the manager confirms', async () => {
		const { call, manager } = await juryCall({ reviewersPerApplication: 2 });
		const app = await submittedApplication(call.id);
		await submittedApplication(call.id, { screening: 'not_eligible' });
		const anna = await juror(call.id, 'Anna');
		await createReview(call.id, app.id, anna.member.id);

		const refused = await appErrorOf(
			transitionJuryPhase({ actor: manager.actor, callId: call.id, to: 'scoring', version: 1 })
		);
		const phaseAfterRefusal = (await settingsOf(call.id)).phase;
		await transitionJuryPhase({
			actor: manager.actor,
			callId: call.id,
			to: 'scoring',
			version: 1,
			confirm: true
		});

		expect([refused, phaseAfterRefusal, (await settingsOf(call.id)).phase]).toEqual([
			{ code: 'conflict', message: 'under_assigned', fields: { _form: 'under_assigned|1' } },
			'setup',
			'scoring'
		]);
		expect((await auditEntries(call.id)).map((e) => e.data)).toEqual([
			{ from: 'setup', to: 'scoring', underAssigned: 1 }
		]);
	});

	it('moves only along setup → scoring → closed', async () => {
		const { call, manager } = await juryCall();
		const move = (to: 'setup' | 'scoring' | 'closed', version: number) =>
			transitionJuryPhase({ actor: manager.actor, callId: call.id, to, version, confirm: true });

		const skipping = await appErrorOf(move('closed', 1));
		await move('scoring', 1);
		const back = await appErrorOf(move('setup', 2));
		await move('closed', 2);
		const reopen = await appErrorOf(move('scoring', 3));

		expect([skipping, back, reopen]).toEqual([
			{ code: 'conflict', message: 'phase_setup_closed', fields: { _form: 'transition_refused' } },
			{ code: 'conflict', message: 'phase_scoring_setup', fields: { _form: 'transition_refused' } },
			{
				code: 'conflict',
				message: 'phase_closed_scoring',
				fields: { _form: 'transition_refused' }
			}
		]);
		expect((await settingsOf(call.id)).phase).toBe('closed');
	});

	it('with a stale version, by the viewing lead, or for a forged call is refused', async () => {
		const { call, manager, lead } = await juryCall();
		await setJury(call.id, { version: 3 });

		expect([
			await appErrorOf(
				transitionJuryPhase({ actor: manager.actor, callId: call.id, to: 'scoring', version: 2 })
			),
			await appErrorOf(
				transitionJuryPhase({ actor: lead.actor, callId: call.id, to: 'scoring', version: 3 })
			),
			await appErrorOf(
				transitionJuryPhase({
					actor: manager.actor,
					callId: '6f1c2a8e-0000-4000-8000-000000000000',
					to: 'scoring',
					version: 3
				})
			)
		]).toEqual([
			{ code: 'conflict', message: 'stale_version', fields: { _form: 'stale_version' } },
			{ code: 'forbidden', message: 'forbidden', fields: undefined },
			{ code: 'not_found', message: 'not_found', fields: undefined }
		]);
		expect((await settingsOf(call.id)).phase).toBe('setup');
	});
});
