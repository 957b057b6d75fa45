import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { call, cohortMember, decision, outbox } from '../../../src/lib/server/db/schema';
import { findJobRun } from '../../../src/lib/server/jobs/job-runs';
import { decide } from '../../../src/lib/server/review/decide';
import {
	releasedDecisionOf,
	releasedOutcomesOf
} from '../../../src/lib/server/review/decision-queries';
import { requestDecisionEmails } from '../../../src/lib/server/review/request-decision-emails';
import { runSendDecisions } from '../../../src/lib/server/review/send-decisions';
import { updateDecisionTemplates } from '../../../src/lib/server/review/update-decision-templates';
import { appErrorOf, auditEntries, createLead } from '../../factories';
import { createHandWorld, createResultsCall } from '../../factories-results';

const ORIGIN = 'http://localhost:4999';
const FOOTER =
	'Tandem — support programmes for social enterprises. You get this email because someone used your address on Tandem.';
const FOOTER_DE =
	'Tandem – Förderprogramme für Sozialunternehmen. Sie erhalten diese E-Mail, weil jemand Ihre Adresse in Tandem verwendet hat.';

type World = Awaited<ReturnType<typeof createResultsCall>>;

async function decideAll(
	world: World,
	outcomes: ('accept' | 'waitlist' | 'reject' | null)[],
	extra: { feedback?: string; includeJuryComments?: boolean }[] = []
) {
	for (const [i, outcome] of outcomes.entries()) {
		if (!outcome) continue;
		await decide({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: world.applications[i].id,
			outcome,
			feedback: extra[i]?.feedback ?? '',
			includeJuryComments: extra[i]?.includeJuryComments ?? false,
			version: 0
		});
	}
}

async function send(world: World) {
	const { jobRunId } = await requestDecisionEmails({
		actor: world.lead.actor,
		callId: world.callId
	});
	const outboxIds = await runSendDecisions(jobRunId, ORIGIN);
	return { jobRunId, outboxIds };
}

/** Decision emails of one job, or of one call's applications. */
async function mails(of: string | World) {
	const rows = await db().select().from(outbox);
	const ids = typeof of === 'string' ? null : new Set(of.applications.map((a) => a.id));
	return rows.filter((r) => (ids ? ids.has(r.meta.applicationId) : r.meta.jobRunId === of));
}

describe('requestDecisionEmails', () => {
	it('records a job for the decided, unsent applications and the request on the audit log', async () => {
		const world = await createResultsCall();
		await decideAll(world, ['accept', 'reject', null]);

		const started = await requestDecisionEmails({ actor: world.lead.actor, callId: world.callId });

		expect(started).toEqual({ jobRunId: expect.stringMatching(/^[0-9a-f-]{36}$/), decisions: 2 });
		const run = await findJobRun(started.jobRunId);
		expect([run?.kind, run?.status, run?.total, run?.subjectId]).toEqual([
			'send-decisions',
			'queued',
			2,
			world.callId
		]);
		expect((await auditEntries(world.callId)).map((e) => [e.action, e.data])).toEqual([
			['decisions.send_requested', { decisions: 2, jobRunId: started.jobRunId }]
		]);
	});

	it('is refused while the call takes applications, and when nothing waits to be sent', async () => {
		const open = await createResultsCall({ call: { status: 'open' } });
		await decideAll(open, ['accept']);
		const empty = await createResultsCall();

		expect([
			await appErrorOf(requestDecisionEmails({ actor: open.lead.actor, callId: open.callId })),
			await appErrorOf(requestDecisionEmails({ actor: empty.lead.actor, callId: empty.callId }))
		]).toEqual([
			{ code: 'conflict', message: 'call_open', fields: { _form: 'call_open' } },
			{ code: 'invalid_input', message: 'nothing_to_send', fields: { _form: 'nothing_to_send' } }
		]);
	});

	it('jurors, applicants, other clusters and forged call ids are refused', async () => {
		const world = await createResultsCall();
		await decideAll(world, ['accept']);
		const stranger = await createLead();
		const notFound = { code: 'not_found', message: 'not_found', fields: undefined };
		expect([
			await appErrorOf(
				requestDecisionEmails({ actor: world.jurors[0].actor, callId: world.callId })
			),
			await appErrorOf(
				requestDecisionEmails({
					actor: world.applications[0].applicant.actor,
					callId: world.callId
				})
			),
			await appErrorOf(requestDecisionEmails({ actor: stranger.actor, callId: world.callId })),
			await appErrorOf(
				requestDecisionEmails({
					actor: world.lead.actor,
					callId: '00000000-0000-4000-8000-000000000000'
				})
			)
		]).toEqual([notFound, notFound, notFound, notFound]);
	});
});

describe('runSendDecisions', () => {
	it('emails each decided applicant in their language, releases, fills the cohort with the accepted only and decides the call', async () => {
		const world = await createResultsCall({ locales: ['de', 'sv', 'en'] });
		const [a, b, c] = world.applications;
		await decideAll(
			world,
			['accept', 'waitlist', 'reject'],
			[{ feedback: 'Herzlichen Glückwunsch!' }]
		);

		const { jobRunId, outboxIds } = await send(world);

		expect(outboxIds.length).toBe(3);
		const sent = (await mails(jobRunId))
			.map((r) => ({ to: r.toAddress, template: r.template, locale: r.locale, subject: r.subject }))
			.sort((x, y) => x.template.localeCompare(y.template));
		expect(sent).toEqual([
			{
				to: a.applicant.user.email,
				template: 'decision-accept',
				locale: 'de',
				subject: 'Ihre Bewerbung für Call for social innovators wurde angenommen'
			},
			{
				to: c.applicant.user.email,
				template: 'decision-reject',
				locale: 'en',
				subject: 'Your application to Call for social innovators'
			},
			{
				to: b.applicant.user.email,
				template: 'decision-waitlist',
				locale: 'sv',
				subject: 'Er ansökan till Utlysning för sociala innovatörer: reservlista'
			}
		]);
		const german = (await mails(jobRunId)).find((r) => r.template === 'decision-accept')!;
		expect(german.text).toBe(
			[
				'Liebes Team von Enterprise A,',
				'wir freuen uns, Ihnen mitzuteilen, dass Ihre Bewerbung für Call for social innovators angenommen wurde. Sie gehören nun zur Kohorte von Programme; wir melden uns zu den nächsten Schritten.',
				'Herzlichen Glückwunsch!',
				`Sie können die Entscheidung in Ihrem Bereich auf Tandem lesen: ${ORIGIN}/applications/${a.id}`,
				'',
				'—',
				FOOTER_DE
			].join('\n')
		);
		const released = await db()
			.select({ id: decision.applicationId, releasedAt: decision.releasedAt })
			.from(decision)
			.where(eq(decision.callId, world.callId));
		expect(released.every((r) => r.releasedAt instanceof Date)).toBe(true);
		expect(
			await db()
				.select({
					programmeId: cohortMember.programmeId,
					organisationId: cohortMember.organisationId,
					applicationId: cohortMember.applicationId,
					callId: cohortMember.callId
				})
				.from(cohortMember)
				.where(eq(cohortMember.programmeId, world.lead.programme.id))
		).toEqual([
			{
				programmeId: world.lead.programme.id,
				organisationId: a.applicant.enterprise.id,
				applicationId: a.id,
				callId: world.callId
			}
		]);
		const run = await findJobRun(jobRunId);
		expect([run?.status, run?.done, run?.total, run?.failed, run?.result]).toEqual([
			'done',
			3,
			3,
			0,
			{ emails: 3 }
		]);
		expect((await auditEntries(a.id)).map((e) => [e.action, e.actorUserId, e.data])).toEqual([
			[
				'decision.set',
				world.lead.manager.id,
				{
					callId: world.callId,
					from: null,
					to: 'accept',
					feedbackChanged: true,
					includeJuryComments: false
				}
			],
			[
				'decision.released',
				world.lead.manager.id,
				{ callId: world.callId, outcome: 'accept', jobRunId, emailed: true }
			]
		]);
		const [{ status }] = await db()
			.select({ status: call.status })
			.from(call)
			.where(eq(call.id, world.callId));
		expect(status).toBe('decided');
	});

	it('sending twice, or a second job for the same decisions, emails nobody twice', async () => {
		const world = await createResultsCall();
		await decideAll(world, ['accept', 'reject', 'waitlist']);
		const first = await requestDecisionEmails({ actor: world.lead.actor, callId: world.callId });
		const second = await requestDecisionEmails({ actor: world.lead.actor, callId: world.callId });

		const [once, again] = [
			await runSendDecisions(first.jobRunId, ORIGIN),
			await runSendDecisions(first.jobRunId, ORIGIN)
		];
		const parallel = await runSendDecisions(second.jobRunId, ORIGIN);

		expect([once.length, again.length, parallel.length, (await mails(world)).length]).toEqual([
			3, 0, 0, 3
		]);
		expect((await findJobRun(second.jobRunId))?.status).toBe('done');
	});

	it('the call stays in review while an application has no decision sent', async () => {
		const world = await createResultsCall();
		await decideAll(world, ['accept', 'reject', null]);

		await send(world);

		const [{ status }] = await db()
			.select({ status: call.status })
			.from(call)
			.where(eq(call.id, world.callId));
		expect(status).toBe('in_review');
	});

	it('jury comments go with a decision only when chosen, without names, and private notes never', async () => {
		const world = await createHandWorld();
		const [a, b] = world.applications;
		await decideAll(
			world,
			['accept', 'reject', null],
			[{ includeJuryComments: true }, { includeJuryComments: false }]
		);

		const { jobRunId } = await send(world);

		const byApplication = new Map((await mails(jobRunId)).map((r) => [r.meta.applicationId, r]));
		const withComments = byApplication.get(a.id)!;
		const without = byApplication.get(b.id)!;
		// A's jurors wrote "Strong team." and a blank comment; private notes "Knows the mayor." and "Unsure about the budget."
		expect(withComments.text).toContain('Kommentare der Jury:\n– Strong team.\n');
		for (const secret of ['Knows the mayor.', 'Unsure about the budget.', 'Juror A', 'Juror B']) {
			expect(withComments.text).not.toContain(secret);
			expect(withComments.html).not.toContain(secret);
		}
		expect(without.text).not.toContain('Good idea.');
		expect(without.text).not.toContain('Weak budget.');
		expect(await releasedDecisionOf(a.id)).toEqual({
			outcome: 'accept',
			feedback: '',
			releasedAt: expect.any(Date),
			juryComments: ['Strong team.']
		});
		expect((await releasedDecisionOf(b.id))?.juryComments).toEqual([]);
	});

	it('the applicant sees a decision only once it is sent', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		await decideAll(world, ['waitlist'], [{ feedback: 'So close!' }]);

		const before = [await releasedDecisionOf(a.id), await releasedOutcomesOf([a.id])];
		await send(world);
		const after = [await releasedDecisionOf(a.id), await releasedOutcomesOf([a.id])];

		expect(before).toEqual([null, new Map()]);
		expect(after).toEqual([
			{
				outcome: 'waitlist',
				feedback: 'So close!',
				releasedAt: expect.any(Date),
				juryComments: []
			},
			new Map([[a.id, 'waitlist']])
		]);
	});

	it('a sent acceptance changed to a rejection is hidden until sent again, then the enterprise leaves the cohort', async () => {
		const world = await createResultsCall();
		const [a] = world.applications;
		await decideAll(world, ['accept', 'reject', 'reject']);
		await send(world);
		await decide({
			actor: world.lead.actor,
			callId: world.callId,
			applicationId: a.id,
			outcome: 'reject',
			feedback: 'We had to correct an error.',
			includeJuryComments: false,
			version: 1,
			confirmReleased: true
		});

		const hidden = await releasedDecisionOf(a.id);
		const { jobRunId } = await send(world);

		expect(hidden).toBeNull();
		expect((await mails(jobRunId)).map((r) => [r.toAddress, r.template])).toEqual([
			[a.applicant.user.email, 'decision-reject']
		]);
		expect((await releasedDecisionOf(a.id))?.outcome).toBe('reject');
		expect(
			await db()
				.select()
				.from(cohortMember)
				.where(eq(cohortMember.programmeId, world.lead.programme.id))
		).toEqual([]);
	});

	it("a call's own template is used in the applicant's language, placeholders filled once", async () => {
		const world = await createResultsCall({ locales: ['sv', 'en', 'en'] });
		const [a, b] = world.applications;
		await updateDecisionTemplates({
			actor: world.lead.actor,
			callId: world.callId,
			outcome: 'accept',
			locale: 'sv',
			subject: 'Grattis, {organisation}!',
			body: 'Hej {organisation}!\n\n{feedback}\n\nVälkommen till {programme}.',
			version: 1
		});
		await decideAll(
			world,
			['accept', 'accept'],
			[{ feedback: 'Ni nämnde {call} och $& i ansökan.' }]
		);

		const { jobRunId } = await send(world);

		const byApplication = new Map((await mails(jobRunId)).map((r) => [r.meta.applicationId, r]));
		expect([byApplication.get(a.id)?.subject, byApplication.get(a.id)?.text]).toEqual([
			'Grattis, Enterprise A!',
			[
				'Hej Enterprise A!',
				'Ni nämnde {call} och $& i ansökan.',
				'Välkommen till Programme.',
				'',
				'—',
				'Tandem – stödprogram för sociala företag. Du får det här mejlet eftersom någon har använt din adress i Tandem.'
			].join('\n')
		]);
		// The English applicant gets the standard English text.
		expect(byApplication.get(b.id)?.subject).toBe(
			'Your application to Call for social innovators has been accepted'
		);
		expect(byApplication.get(b.id)?.text.endsWith(FOOTER)).toBe(true);
	});
});
