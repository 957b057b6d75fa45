import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { jobRun, juryMember, review } from '../../../src/lib/server/db/schema';
import { findJobRun } from '../../../src/lib/server/jobs/job-runs';
import { runJuryReminders } from '../../../src/lib/server/review/remind-jurors';
import { removeJuror } from '../../../src/lib/server/review/remove-juror';
import { requestJuryReminders } from '../../../src/lib/server/review/request-jury-reminders';
import { appErrorOf, auditEntries, createReview, setJury } from '../../factories';
import { emailsTo, juror, juryCall, submittedApplication } from '../../factories-panel';

const ORIGIN = process.env.ORIGIN as string;
const NOW = new Date('2026-11-23T12:00:00Z');
const FOOTER =
	'Tandem — support programmes for social enterprises. You get this email because someone used your address on Tandem.';

/**
 * Anna (English) has one review to do and one submitted; Björn (Swedish) has two started; Carla has
 * submitted everything; Dan was removed with a started review kept.
 */
async function callWithProgress() {
	const setup = await juryCall();
	const { call, manager } = setup;
	const [a, b] = [await submittedApplication(call.id), await submittedApplication(call.id)];
	const anna = await juror(call.id, 'Anna', {}, { locale: 'en' });
	const bjorn = await juror(call.id, 'Björn', {}, { locale: 'sv' });
	const carla = await juror(call.id, 'Carla');
	const dan = await juror(call.id, 'Dan');
	await createReview(call.id, a.id, anna.member.id);
	await createReview(call.id, b.id, anna.member.id, { status: 'submitted' });
	await createReview(call.id, a.id, bjorn.member.id, { status: 'started' });
	await createReview(call.id, b.id, bjorn.member.id, { status: 'started' });
	await createReview(call.id, a.id, carla.member.id, { status: 'submitted' });
	await createReview(call.id, b.id, dan.member.id, { status: 'started' });
	await removeJuror({ actor: manager.actor, callId: call.id, memberId: dan.member.id });
	return { ...setup, anna, bjorn, carla, dan };
}

describe('requestJuryReminders', () => {
	it('records a job naming every juror with pending reviews, and the request on the audit log', async () => {
		const { call, manager, anna, bjorn } = await callWithProgress();

		const started = await requestJuryReminders({
			actor: manager.actor,
			callId: call.id,
			origin: ORIGIN
		});

		const run = await findJobRun(started.jobRunId);
		expect(started.recipients).toBe(2);
		expect({
			kind: run?.kind,
			status: run?.status,
			total: run?.total,
			subjectId: run?.subjectId,
			input: run?.input
		}).toEqual({
			kind: 'jury-reminders',
			status: 'queued',
			total: 2,
			subjectId: call.id,
			input: { memberIds: [anna.member.id, bjorn.member.id].sort(), origin: ORIGIN }
		});
		expect(
			(await auditEntries(call.id)).filter((e) => e.action === 'jury.reminders_requested')
		).toEqual([
			{
				action: 'jury.reminders_requested',
				actorUserId: manager.manager.id,
				entityType: 'call',
				organisationId: manager.cluster.id,
				data: { jurors: 2, jobRunId: started.jobRunId }
			}
		]);
	});

	it('with nobody left to remind is refused and records nothing', async () => {
		const { call, manager } = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await createReview(call.id, app.id, anna.member.id, { status: 'submitted' });

		expect(
			await appErrorOf(
				requestJuryReminders({ actor: manager.actor, callId: call.id, origin: ORIGIN })
			)
		).toEqual({
			code: 'invalid_input',
			message: 'no_recipients',
			fields: { _form: 'no_recipients' }
		});
		expect(await db().select().from(jobRun).where(eq(jobRun.subjectId, call.id))).toEqual([]);
	});

	it('by the lead who only views the call is forbidden', async () => {
		const { call, lead } = await callWithProgress();
		expect(
			await appErrorOf(requestJuryReminders({ actor: lead.actor, callId: call.id, origin: ORIGIN }))
		).toEqual({ code: 'forbidden', message: 'forbidden', fields: undefined });
	});
});

describe('runJuryReminders', () => {
	it('sends each juror one email in their language with a link to their reviews, and notes when', async () => {
		const { call, manager, anna, bjorn, carla, dan } = await callWithProgress();
		await setJury(call.id, { reviewDeadline: new Date('2026-12-01T16:00:00Z') });
		const { jobRunId } = await requestJuryReminders({
			actor: manager.actor,
			callId: call.id,
			origin: ORIGIN
		});

		const outboxIds = await runJuryReminders(jobRunId, NOW);

		const [toAnna] = await emailsTo(anna.user.email);
		const [toBjorn] = await emailsTo(bjorn.user.email);
		expect(outboxIds.length).toBe(2);
		expect({ subject: toAnna.subject, text: toAnna.text, locale: toAnna.locale }).toEqual({
			subject: 'Reviews waiting for you: Call for social innovators',
			text: [
				'This is a reminder from the managers of Call for social innovators. Reviews you have not submitted yet: 1.',
				'The review deadline is 1 Dec 2026, 17:00 CET.',
				'',
				`Open my reviews: ${ORIGIN}/review`,
				'',
				'—',
				FOOTER
			].join('\n'),
			locale: 'en'
		});
		expect([toBjorn.locale, toBjorn.subject, toBjorn.text.split('\n')[0]]).toEqual([
			'sv',
			'Bedömningar väntar på dig: Utlysning för sociala innovatörer',
			'Det här är en påminnelse från de ansvariga för Utlysning för sociala innovatörer. Bedömningar du inte har skickat in ännu: 2.'
		]);
		expect([await emailsTo(carla.user.email), await emailsTo(dan.user.email)]).toEqual([[], []]);
		const reminded = await db()
			.select({ name: juryMember.name, at: juryMember.lastRemindedAt })
			.from(juryMember)
			.where(eq(juryMember.callId, call.id));
		expect(reminded.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
			{ name: 'Anna', at: NOW },
			{ name: 'Björn', at: NOW },
			{ name: 'Carla', at: null },
			{ name: 'Dan', at: null }
		]);
		const run = await findJobRun(jobRunId);
		expect([run?.status, run?.done, run?.result]).toEqual(['done', 2, { emails: 2 }]);
	});

	it('run again for a finished job sends nothing twice', async () => {
		const { call, manager, anna } = await callWithProgress();
		const { jobRunId } = await requestJuryReminders({
			actor: manager.actor,
			callId: call.id,
			origin: ORIGIN
		});
		await runJuryReminders(jobRunId, NOW);

		const again = await runJuryReminders(jobRunId, NOW);

		expect([again, (await emailsTo(anna.user.email)).length]).toEqual([[], 1]);
	});

	it('skips a juror who submitted everything between the request and the job', async () => {
		const { call, manager, anna, bjorn } = await callWithProgress();
		const { jobRunId } = await requestJuryReminders({
			actor: manager.actor,
			callId: call.id,
			origin: ORIGIN
		});
		await db()
			.update(review)
			.set({ status: 'submitted' })
			.where(eq(review.juryMemberId, bjorn.member.id));

		await runJuryReminders(jobRunId, NOW);

		expect([
			(await emailsTo(anna.user.email)).length,
			(await emailsTo(bjorn.user.email)).length
		]).toEqual([1, 0]);
		const run = await findJobRun(jobRunId);
		expect([run?.done, run?.result]).toEqual([2, { emails: 1 }]);
	});
});
