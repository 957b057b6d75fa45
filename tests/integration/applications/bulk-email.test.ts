import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sendBulkEmail } from '../../../src/lib/server/applications/send-bulk-email';
import { db } from '../../../src/lib/server/db';
import { jobRun, outbox } from '../../../src/lib/server/db/schema';
import { runBulkEmail } from '../../../src/lib/server/jobs/handlers';
import { findJobRun } from '../../../src/lib/server/jobs/job-runs';
import {
	appErrorOf,
	auditEntries,
	createApplicant,
	createApplication,
	createCall,
	createConsortium
} from '../../factories';

const FILTERS = { status: '', eligibility: '', screening: '', country: '', q: '' } as const;
const FOOTER =
	'Tandem — support programmes for social enterprises. You get this email because someone used your address on Tandem.';

let shared: ReturnType<typeof createConsortium> | undefined;
let enterprises: Promise<Awaited<ReturnType<typeof createApplicant>>[]> | undefined;

/**
 * Partner A's call with submissions from Sweden (2, one in Swedish), Finland (1) and a draft. The
 * consortium and the enterprises are the same in every test; the call and applications are new.
 */
async function callWithApplicants() {
	const consortium = await (shared ??= createConsortium());
	const [se1, se2, fi, se3] = await (enterprises ??= (async () => [
		await createApplicant({ country: 'SE' }),
		await createApplicant({ country: 'SE' }),
		await createApplicant({ country: 'FI' }),
		await createApplicant({ country: 'SE' })
	])());
	const target = await createCall(consortium.programme.id, {
		organisationId: consortium.partnerA.cluster.id
	});
	const apply = async (
		applicant: Awaited<ReturnType<typeof createApplicant>>,
		locale: string,
		status: 'draft' | 'submitted'
	) => {
		const row = await createApplication(target.id, applicant.enterprise.id, {
			createdBy: applicant.user.id,
			status,
			locale
		});
		return { id: row.id, email: applicant.user.email };
	};
	const applicants = [
		await apply(se1, 'en', 'submitted'),
		await apply(se2, 'sv', 'submitted'),
		await apply(fi, 'en', 'submitted'),
		await apply(se3, 'en', 'draft')
	];
	return { ...consortium, call: target, applicants };
}

async function emailsOf(jobRunId: string) {
	const rows = await db().select().from(outbox);
	return rows
		.filter((r) => r.meta.jobRunId === jobRunId)
		.map((r) => ({ to: r.toAddress, applicationId: r.meta.applicationId, locale: r.locale }))
		.sort((a, b) => a.applicationId.localeCompare(b.applicationId));
}

describe('sendBulkEmail', () => {
	it('records a job for the filtered applicants and the request on the audit log', async () => {
		const { call, partnerA } = await callWithApplicants();

		const started = await sendBulkEmail({
			actor: partnerA.actor,
			callId: call.id,
			filters: { ...FILTERS, country: 'SE' },
			subject: 'Jury dates',
			body: 'Dear applicant,\n\nThe jury meets in January.'
		});

		expect(started).toEqual({ jobRunId: expect.stringMatching(/^[0-9a-f-]{36}$/), recipients: 2 });
		const run = await findJobRun(started.jobRunId);
		expect({
			kind: run?.kind,
			status: run?.status,
			total: run?.total,
			done: run?.done,
			subjectId: run?.subjectId,
			organisationId: run?.organisationId,
			input: run?.input
		}).toEqual({
			kind: 'bulk-email',
			status: 'queued',
			total: 2,
			done: 0,
			subjectId: call.id,
			organisationId: partnerA.cluster.id,
			input: {
				filters: { ...FILTERS, country: 'SE' },
				subject: 'Jury dates',
				body: 'Dear applicant,\n\nThe jury meets in January.',
				from: partnerA.manager.name
			}
		});
		expect(await auditEntries(call.id)).toEqual([
			{
				action: 'applications.bulk_email',
				actorUserId: partnerA.manager.id,
				entityType: 'call',
				organisationId: partnerA.cluster.id,
				data: {
					filters: { ...FILTERS, country: 'SE' },
					subject: 'Jury dates',
					recipients: 2,
					jobRunId: started.jobRunId
				}
			}
		]);
	});

	it('a filter matching nobody is refused before anything is recorded', async () => {
		const { call, partnerA } = await callWithApplicants();
		expect(
			await appErrorOf(
				sendBulkEmail({
					actor: partnerA.actor,
					callId: call.id,
					filters: { ...FILTERS, country: 'DK' },
					subject: 'x',
					body: 'y'
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'no_recipients',
			fields: { _form: 'no_recipients' }
		});
		expect([
			await auditEntries(call.id),
			await db().select().from(jobRun).where(eq(jobRun.subjectId, call.id))
		]).toEqual([[], []]);
	});

	it("neither the lead's managers nor another partner's may email a partner's applicants", async () => {
		const { call, lead, partnerB } = await callWithApplicants();
		const send = (actor: typeof lead.actor) =>
			appErrorOf(
				sendBulkEmail({ actor, callId: call.id, filters: FILTERS, subject: 's', body: 'b' })
			);
		const forbidden = { code: 'forbidden', message: 'forbidden', fields: undefined };
		expect([await send(lead.actor), await send(partnerB.actor)]).toEqual([forbidden, forbidden]);
	});
});

describe('runBulkEmail', () => {
	it('writes one email per applicant in their language, and marks the job done', async () => {
		const { call, partnerA, applicants } = await callWithApplicants();
		const { jobRunId } = await sendBulkEmail({
			actor: partnerA.actor,
			callId: call.id,
			filters: FILTERS,
			subject: 'Jury dates',
			body: 'Dear applicant,\n\nThe jury meets in January.'
		});

		const outboxIds = await runBulkEmail(jobRunId);

		const [en, sv, fi] = applicants;
		expect(outboxIds.length).toBe(3);
		expect(await emailsOf(jobRunId)).toEqual(
			[
				{ to: en.email, applicationId: en.id, locale: 'en' },
				{ to: sv.email, applicationId: sv.id, locale: 'sv' },
				{ to: fi.email, applicationId: fi.id, locale: 'en' }
			].sort((a, b) => a.applicationId.localeCompare(b.applicationId))
		);
		const english = (await db().select().from(outbox)).find(
			(r) => r.meta.jobRunId === jobRunId && r.meta.applicationId === en.id
		);
		expect({ subject: english?.subject, text: english?.text }).toEqual({
			subject: 'Jury dates',
			text: [
				'Dear applicant,',
				'The jury meets in January.',
				`Message from ${partnerA.manager.name}, sent through Tandem.`,
				'',
				'—',
				FOOTER
			].join('\n')
		});
		const run = await findJobRun(jobRunId);
		expect([run?.status, run?.done, run?.result]).toEqual(['done', 3, { emails: 3 }]);
	});

	it('running a finished job again writes no email twice', async () => {
		const { call, partnerA } = await callWithApplicants();
		const { jobRunId } = await sendBulkEmail({
			actor: partnerA.actor,
			callId: call.id,
			filters: FILTERS,
			subject: 's',
			body: 'b'
		});
		await runBulkEmail(jobRunId);

		const again = await runBulkEmail(jobRunId);

		expect([again, (await emailsOf(jobRunId)).length]).toEqual([[], 3]);
	});

	it('a retry after a crash continues after the emails already written', async () => {
		const { call, partnerA } = await callWithApplicants();
		const { jobRunId } = await sendBulkEmail({
			actor: partnerA.actor,
			callId: call.id,
			filters: FILTERS,
			subject: 's',
			body: 'b'
		});
		await runBulkEmail(jobRunId);
		// As if the job had died after its first email: progress 1, the later emails never written.
		const written = (await db().select().from(outbox))
			.filter((r) => r.meta.jobRunId === jobRunId)
			.sort((x, y) => x.meta.applicationId.localeCompare(y.meta.applicationId));
		for (const row of written.slice(1)) await db().delete(outbox).where(eq(outbox.id, row.id));
		await db().update(jobRun).set({ status: 'failed', done: 1 }).where(eq(jobRun.id, jobRunId));

		const resumed = await runBulkEmail(jobRunId);

		const emails = await emailsOf(jobRunId);
		expect([resumed.length, emails.map((e) => e.applicationId)]).toEqual([
			2,
			written.map((r) => r.meta.applicationId)
		]);
		expect((await findJobRun(jobRunId))?.done).toBe(3);
	});
});
