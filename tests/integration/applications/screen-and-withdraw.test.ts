import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { screenApplication } from '../../../src/lib/server/applications/screen-application';
import { withdrawApplication } from '../../../src/lib/server/applications/withdraw-application';
import { db } from '../../../src/lib/server/db';
import { application } from '../../../src/lib/server/db/schema';
import {
	actorFor,
	appErrorOf,
	auditEntries,
	createConsortium,
	createDraft,
	createUser,
	giveProgrammeRole
} from '../../factories';

let shared: ReturnType<typeof createConsortium> | undefined;

/** An application in partner A's call, submitted unless told otherwise. */
async function applicationIn(
	status: 'draft' | 'submitted' = 'submitted',
	callStatus: 'open' | 'closed' | 'in_review' | 'decided' = 'open'
) {
	const consortium = await (shared ??= createConsortium());
	const made = await createDraft({
		programmeId: consortium.programme.id,
		call: { organisationId: consortium.partnerA.cluster.id, status: callStatus },
		draft: { status, submittedAt: status === 'submitted' ? new Date() : null }
	});
	return { ...consortium, ...made, app: made.application };
}

async function screeningOf(id: string) {
	const [row] = await db()
		.select({
			screening: application.screening,
			reason: application.screeningReason,
			by: application.screenedBy,
			at: application.screenedAt
		})
		.from(application)
		.where(eq(application.id, id));
	return row;
}

async function statusOf(id: string) {
	const [row] = await db()
		.select({
			status: application.status,
			version: application.version,
			withdrawnAt: application.withdrawnAt
		})
		.from(application)
		.where(eq(application.id, id));
	return row;
}

describe('screenApplication', () => {
	it("the call's manager marks a submission eligible, on the call organisation's record", async () => {
		const { app, partnerA } = await applicationIn();

		await screenApplication({
			actor: partnerA.actor,
			applicationId: app.id,
			decision: 'eligible',
			reason: ''
		});

		expect(await screeningOf(app.id)).toEqual({
			screening: 'eligible',
			reason: null,
			by: partnerA.manager.id,
			at: expect.any(Date)
		});
		expect(await auditEntries(app.id)).toEqual([
			{
				action: 'application.screened',
				actorUserId: partnerA.manager.id,
				entityType: 'application',
				organisationId: partnerA.cluster.id,
				data: { decision: 'eligible', reason: '' }
			}
		]);
	});

	it('not eligible is stored with its reason, trimmed', async () => {
		const { app, partnerA } = await applicationIn();
		await screenApplication({
			actor: partnerA.actor,
			applicationId: app.id,
			decision: 'not_eligible',
			reason: '  Founded before 2015  '
		});
		const { screening, reason } = await screeningOf(app.id);
		expect({ screening, reason }).toEqual({
			screening: 'not_eligible',
			reason: 'Founded before 2015'
		});
	});

	it('not eligible without a reason is refused and nothing is written', async () => {
		const { app, partnerA } = await applicationIn();
		expect(
			await appErrorOf(
				screenApplication({
					actor: partnerA.actor,
					applicationId: app.id,
					decision: 'not_eligible',
					reason: '   '
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'reason_required',
			fields: { reason: 'required' }
		});
		expect([await screeningOf(app.id), await auditEntries(app.id)]).toEqual([
			{ screening: 'pending', reason: null, by: null, at: null },
			[]
		]);
	});

	it('a draft cannot be screened', async () => {
		const { app, partnerA } = await applicationIn('draft');
		expect(
			await appErrorOf(
				screenApplication({
					actor: partnerA.actor,
					applicationId: app.id,
					decision: 'eligible',
					reason: ''
				})
			)
		).toEqual({
			code: 'conflict',
			message: 'not_submitted',
			fields: { decision: 'not_submitted' }
		});
	});

	it('a manager named for the programme screens applications of every call in it', async () => {
		const { app, programme } = await applicationIn();
		const person = await createUser();
		await giveProgrammeRole(programme.id, person.id, 'manager');
		await screenApplication({
			actor: await actorFor(person.id),
			applicationId: app.id,
			decision: 'eligible',
			reason: ''
		});
		expect((await screeningOf(app.id)).by).toBe(person.id);
	});
});

describe('withdrawApplication', () => {
	it('withdraws a draft or a submission, on the record', async () => {
		const draft = await applicationIn('draft');
		const submitted = await applicationIn('submitted');

		const results = [
			await withdrawApplication({ actor: draft.actor, applicationId: draft.app.id }),
			await withdrawApplication({ actor: submitted.actor, applicationId: submitted.app.id })
		];

		expect(results).toEqual([{ alreadyWithdrawn: false }, { alreadyWithdrawn: false }]);
		expect([await statusOf(draft.app.id), await statusOf(submitted.app.id)]).toEqual([
			{ status: 'withdrawn', version: 2, withdrawnAt: expect.any(Date) },
			{ status: 'withdrawn', version: 2, withdrawnAt: expect.any(Date) }
		]);
		expect([
			await auditEntries(draft.app.id),
			(await auditEntries(submitted.app.id)).map((e) => e.data)
		]).toEqual([
			[
				{
					action: 'application.withdrawn',
					actorUserId: draft.applicant.user.id,
					entityType: 'application',
					organisationId: draft.applicant.enterprise.id,
					data: { from: 'draft' }
				}
			],
			[{ from: 'submitted' }]
		]);
	});

	it('withdrawing again is harmless', async () => {
		const { app, actor } = await applicationIn();
		await withdrawApplication({ actor, applicationId: app.id });
		expect(await withdrawApplication({ actor, applicationId: app.id })).toEqual({
			alreadyWithdrawn: true
		});
		expect([(await statusOf(app.id)).version, (await auditEntries(app.id)).length]).toEqual([2, 1]);
	});

	it('once the review has started an application cannot be withdrawn', async () => {
		const inReview = await applicationIn('submitted', 'in_review');
		const decided = await applicationIn('submitted', 'decided');
		const refused = {
			code: 'conflict',
			message: 'review_started',
			fields: { _form: 'review_started' }
		};
		expect([
			await appErrorOf(
				withdrawApplication({ actor: inReview.actor, applicationId: inReview.app.id })
			),
			await appErrorOf(withdrawApplication({ actor: decided.actor, applicationId: decided.app.id }))
		]).toEqual([refused, refused]);
		expect((await statusOf(inReview.app.id)).status).toBe('submitted');
	});

	it("the call's manager cannot withdraw an enterprise's application", async () => {
		const { app, partnerA } = await applicationIn();
		expect(
			await appErrorOf(withdrawApplication({ actor: partnerA.actor, applicationId: app.id }))
		).toEqual({ code: 'not_found', message: 'not_found', fields: undefined });
	});
});
