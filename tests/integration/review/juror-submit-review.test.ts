import { describe, expect, it } from 'vitest';
import { ReviewConflict } from '../../../src/lib/server/review/juror-rules';
import { saveReview } from '../../../src/lib/server/review/save-review';
import { submitReview } from '../../../src/lib/server/review/submit-review';
import { appErrorOf, auditEntries, createApplicant, errorOf } from '../../factories';
import { addJurorWithReview, createScoringScenario, reviewRow } from '../../factories-juror';

const FORGED = '00000000-0000-4000-8000-000000000000';

describe('submitReview', () => {
	it('submitReview of a complete draft stores the weighted total, locks it and audits it', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 4, [feasibility.id]: 2 },
			comment: 'Convincing impact.'
		});
		const now = new Date();

		const result = await submitReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 2,
			now
		});

		// 100 × (2·(4−1)/4 + 1·(2−1)/4) / 3 = 100 × 1.75 / 3
		const total = (100 * 1.75) / 3;
		expect(result).toEqual({ version: 3, total, alreadySubmitted: false });
		expect(await reviewRow(s.review.id)).toMatchObject({
			status: 'submitted',
			submittedAt: now,
			total,
			version: 3,
			comment: 'Convincing impact.'
		});
		expect((await auditEntries(s.review.id)).map((e) => e.action)).toEqual([
			'review.scores_changed',
			'review.submitted'
		]);
		expect((await auditEntries(s.review.id))[1]).toEqual({
			action: 'review.submitted',
			actorUserId: s.juror.user.id,
			entityType: 'review',
			organisationId: s.call.organisationId,
			data: {
				applicationId: s.application.id,
				scores: { [impact.id]: 4, [feasibility.id]: 2 },
				total
			}
		});
	});

	it('submitReview with the draft of a form posted without JavaScript saves and submits it at once', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;

		const result = await submitReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			draft: {
				scores: { [impact.id]: '5', [feasibility.id]: '5' },
				comment: 'Excellent.',
				privateNote: ''
			}
		});

		expect(result).toEqual({ version: 3, total: 100, alreadySubmitted: false });
		expect(await reviewRow(s.review.id)).toMatchObject({
			status: 'submitted',
			scores: { [impact.id]: 5, [feasibility.id]: 5 },
			comment: 'Excellent.',
			total: 100
		});
	});

	it('submitReview with a criterion unscored names it and submits nothing', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 3 }
		});

		expect(
			await appErrorOf(submitReview({ actor: s.juror.actor, reviewId: s.review.id, version: 2 }))
		).toEqual({
			code: 'invalid_input',
			message: 'review_incomplete',
			fields: { [`scores.${feasibility.id}`]: 'score_required' }
		});
		expect(await reviewRow(s.review.id)).toMatchObject({ status: 'started', version: 2 });
	});

	it('submitReview with a bad score in the posted draft gives its field code', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		expect(
			await appErrorOf(
				submitReview({
					actor: s.juror.actor,
					reviewId: s.review.id,
					version: 1,
					draft: { scores: { [impact.id]: 9, [feasibility.id]: 1 } }
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'review_invalid',
			fields: { [`scores.${impact.id}`]: 'score_out_of_range|1|5' }
		});
	});

	it('submitReview from an old version is a ReviewConflict', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 3, [feasibility.id]: 3 }
		});
		const error = await errorOf(
			submitReview({ actor: s.juror.actor, reviewId: s.review.id, version: 1 })
		);
		expect(error instanceof ReviewConflict && error.currentVersion).toBe(2);
		expect((await reviewRow(s.review.id))?.status).toBe('started');
	});

	it('submitReview of the same version twice is harmless; a submitted review stays locked', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		const scores = { [impact.id]: 1, [feasibility.id]: 1 };
		await submitReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			draft: { scores }
		});

		expect(await submitReview({ actor: s.juror.actor, reviewId: s.review.id, version: 3 })).toEqual(
			{ version: 3, total: 0, alreadySubmitted: true }
		);
		expect(
			await appErrorOf(
				submitReview({
					actor: s.juror.actor,
					reviewId: s.review.id,
					version: 2,
					draft: { scores: { [impact.id]: 5, [feasibility.id]: 5 } }
				})
			)
		).toEqual({ code: 'conflict', message: 'review_locked', fields: { _form: 'review_locked' } });
		expect(
			await appErrorOf(
				saveReview({ actor: s.juror.actor, reviewId: s.review.id, version: 3, scores })
			)
		).toEqual({ code: 'conflict', message: 'review_locked', fields: { _form: 'review_locked' } });
		expect(await reviewRow(s.review.id)).toMatchObject({ scores, total: 0, version: 3 });
	});

	it('submitReview after the deadline changes nothing', async () => {
		const s = await createScoringScenario({
			jury: { reviewDeadline: new Date(Date.now() - 60_000) }
		});
		const [impact, feasibility] = s.criteria;
		expect(
			await appErrorOf(
				submitReview({
					actor: s.juror.actor,
					reviewId: s.review.id,
					version: 1,
					draft: { scores: { [impact.id]: 3, [feasibility.id]: 3 } }
				})
			)
		).toEqual({ code: 'conflict', message: 'scoring_closed', fields: { _form: 'scoring_closed' } });
		expect(await reviewRow(s.review.id)).toMatchObject({ status: 'assigned', version: 1 });
		expect(await auditEntries(s.review.id)).toEqual([]);
	});

	it('submitReview before the conflict check is refused', async () => {
		const s = await createScoringScenario({ review: { noConflictAt: null } });
		expect(
			(await appErrorOf(submitReview({ actor: s.juror.actor, reviewId: s.review.id, version: 1 })))
				.message
		).toBe('conflict_check_pending');
	});

	it('submitReview with a forged id, by another juror, a manager or an applicant is not found', async () => {
		const s = await createScoringScenario();
		const other = await addJurorWithReview(s.call.id, s.application.id);
		const stranger = await createApplicant();
		for (const attempt of [
			{ actor: s.juror.actor, reviewId: FORGED },
			{ actor: other.juror.actor, reviewId: s.review.id },
			{ actor: s.lead.actor, reviewId: s.review.id },
			{ actor: s.applicant.actor, reviewId: s.review.id },
			{ actor: stranger.actor, reviewId: s.review.id }
		]) {
			expect((await appErrorOf(submitReview({ ...attempt, version: 1 }))).code).toBe('not_found');
		}
		expect((await reviewRow(s.review.id))?.status).toBe('assigned');
	});
});
