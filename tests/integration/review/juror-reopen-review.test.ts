import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { outbox, user } from '../../../src/lib/server/db/schema';
import { ReviewConflict } from '../../../src/lib/server/review/juror-rules';
import { reopenReview } from '../../../src/lib/server/review/reopen-review';
import { saveReview } from '../../../src/lib/server/review/save-review';
import { submitReview } from '../../../src/lib/server/review/submit-review';
import {
	actorFor,
	appErrorOf,
	auditEntries,
	createLead,
	createUser,
	errorOf
} from '../../factories';
import { createScoringScenario, reviewRow } from '../../factories-juror';

const FORGED = '00000000-0000-4000-8000-000000000000';
const origin = 'http://localhost:4999';

/** A scenario whose review the juror has submitted (version 3). */
async function submitted(options: Parameters<typeof createScoringScenario>[0] = {}) {
	const s = await createScoringScenario(options);
	const [impact, feasibility] = s.criteria;
	await submitReview({
		actor: s.juror.actor,
		reviewId: s.review.id,
		version: 1,
		draft: { scores: { [impact.id]: 3, [feasibility.id]: 4 } }
	});
	return s;
}

describe('reopenReview', () => {
	it('reopenReview by a manager of the call unlocks the review for its juror, and audits it', async () => {
		const s = await submitted();
		const [impact, feasibility] = s.criteria;
		const before = await reviewRow(s.review.id);

		expect(
			await reopenReview({ actor: s.lead.actor, reviewId: s.review.id, version: 3, origin })
		).toEqual({ version: 4, outboxId: null });
		expect(await reviewRow(s.review.id)).toMatchObject({
			status: 'started',
			submittedAt: null,
			total: null,
			version: 4,
			scores: { [impact.id]: 3, [feasibility.id]: 4 }
		});
		expect((await auditEntries(s.review.id)).slice(-1)).toEqual([
			{
				action: 'review.reopened',
				actorUserId: s.lead.manager.id,
				entityType: 'review',
				organisationId: s.call.organisationId,
				data: {
					applicationId: s.application.id,
					juryMemberId: s.juror.member.id,
					previousTotal: before?.total,
					notified: false
				}
			}
		]);
		// The juror can change it again.
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 4,
			scores: { [impact.id]: 5, [feasibility.id]: 4 }
		});
		expect((await reviewRow(s.review.id))?.scores).toEqual({ [impact.id]: 5, [feasibility.id]: 4 });
	});

	it('reopenReview with notify emails the juror in their language', async () => {
		const s = await submitted();
		await db().update(user).set({ locale: 'sv' }).where(eq(user.id, s.juror.user.id));

		const { outboxId } = await reopenReview({
			actor: s.lead.actor,
			reviewId: s.review.id,
			version: 3,
			notify: true,
			origin
		});

		const [mail] = await db()
			.select({
				to: outbox.toAddress,
				subject: outbox.subject,
				text: outbox.text,
				locale: outbox.locale
			})
			.from(outbox)
			.where(eq(outbox.id, outboxId as string));
		expect(mail).toMatchObject({
			to: s.juror.user.email.toLowerCase(),
			locale: 'sv',
			subject: 'Din bedömning för Utlysning för sociala innovatörer har öppnats igen'
		});
		expect(mail.text).toContain(`${origin}/review/${s.call.id}/${s.application.id}`);
	});

	it('reopenReview of a review that is not submitted is refused', async () => {
		const s = await createScoringScenario();
		expect(
			await appErrorOf(
				reopenReview({ actor: s.lead.actor, reviewId: s.review.id, version: 1, origin })
			)
		).toEqual({ code: 'conflict', message: 'not_submitted', fields: { _form: 'not_submitted' } });
	});

	it('reopenReview from an old version is a ReviewConflict', async () => {
		const s = await submitted();
		const error = await errorOf(
			reopenReview({ actor: s.lead.actor, reviewId: s.review.id, version: 2, origin })
		);
		expect(error instanceof ReviewConflict && error.currentVersion).toBe(3);
	});

	it('reopenReview after the deadline is refused, even for a manager', async () => {
		const s = await submitted();
		expect(
			await appErrorOf(
				reopenReview({
					actor: s.lead.actor,
					reviewId: s.review.id,
					version: 3,
					origin,
					now: new Date(Date.now() + 8 * 86_400_000)
				})
			)
		).toEqual({ code: 'conflict', message: 'scoring_closed', fields: { _form: 'scoring_closed' } });
		expect((await reviewRow(s.review.id))?.status).toBe('submitted');
	});

	it('reopenReview with a forged id, by the juror, an applicant or another call’s manager is not found', async () => {
		const s = await submitted();
		const otherLead = await createLead();
		const nobody = await actorFor((await createUser()).id);
		for (const attempt of [
			{ actor: s.lead.actor, reviewId: FORGED },
			{ actor: s.lead.actor, reviewId: 'x' },
			{ actor: s.juror.actor, reviewId: s.review.id },
			{ actor: s.applicant.actor, reviewId: s.review.id },
			{ actor: otherLead.actor, reviewId: s.review.id },
			{ actor: nobody, reviewId: s.review.id }
		]) {
			expect((await appErrorOf(reopenReview({ ...attempt, version: 3, origin }))).code).toBe(
				'not_found'
			);
		}
		expect((await reviewRow(s.review.id))?.status).toBe('submitted');
	});
});
