import { describe, expect, it } from 'vitest';
import { ReviewConflict } from '../../../src/lib/server/review/juror-rules';
import { saveReview } from '../../../src/lib/server/review/save-review';
import { appErrorOf, auditEntries, createApplicant, errorOf } from '../../factories';
import { addJurorWithReview, createScoringScenario, reviewRow } from '../../factories-juror';

const FORGED = '00000000-0000-4000-8000-000000000000';

describe('saveReview', () => {
	it('saveReview of a first draft starts the review and moves the version on', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		const now = new Date();

		const saved = await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 4, [feasibility.id]: '' },
			comment: 'A clear plan.',
			privateNote: 'Check the budget.',
			now
		});

		expect(saved).toEqual({ version: 2, status: 'started', savedAt: now });
		expect(await reviewRow(s.review.id)).toMatchObject({
			status: 'started',
			startedAt: now,
			scores: { [impact.id]: 4 },
			comment: 'A clear plan.',
			privateNote: 'Check the budget.',
			version: 2,
			total: null,
			submittedAt: null
		});
	});

	it('saveReview audits a change of scores with the old and the new scores', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 2 }
		});
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 2,
			scores: { [impact.id]: 3, [feasibility.id]: 5 }
		});

		expect(await auditEntries(s.review.id)).toEqual([
			{
				action: 'review.scores_changed',
				actorUserId: s.juror.user.id,
				entityType: 'review',
				organisationId: s.call.organisationId,
				data: { applicationId: s.application.id, old: {}, new: { [impact.id]: 2 } }
			},
			{
				action: 'review.scores_changed',
				actorUserId: s.juror.user.id,
				entityType: 'review',
				organisationId: s.call.organisationId,
				data: {
					applicationId: s.application.id,
					old: { [impact.id]: 2 },
					new: { [impact.id]: 3, [feasibility.id]: 5 }
				}
			}
		]);
	});

	it('saveReview of the texts alone is not audited', async () => {
		const s = await createScoringScenario();
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: {},
			comment: 'Typing…'
		});
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 2,
			scores: {},
			comment: 'Typing more',
			privateNote: 'x'
		});
		expect(await auditEntries(s.review.id)).toEqual([]);
		expect((await reviewRow(s.review.id))?.version).toBe(3);
	});

	it('saveReview of bad scores gives one field code per score and changes nothing', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;

		expect(
			await appErrorOf(
				saveReview({
					actor: s.juror.actor,
					reviewId: s.review.id,
					version: 1,
					scores: { [impact.id]: 6, [feasibility.id]: 2.5, [FORGED]: 3 },
					comment: 'x'.repeat(5001)
				})
			)
		).toEqual({
			code: 'invalid_input',
			message: 'review_invalid',
			fields: {
				[`scores.${impact.id}`]: 'score_out_of_range|1|5',
				[`scores.${feasibility.id}`]: 'integer_required',
				[`scores.${FORGED}`]: 'unknown_criterion',
				comment: 'too_long|5000'
			}
		});
		expect(await reviewRow(s.review.id)).toMatchObject({
			status: 'assigned',
			scores: {},
			version: 1
		});
	});

	it('saveReview of a score below the scale or of text is refused', async () => {
		const s = await createScoringScenario();
		const [impact, feasibility] = s.criteria;
		expect(
			(
				await appErrorOf(
					saveReview({
						actor: s.juror.actor,
						reviewId: s.review.id,
						version: 1,
						scores: { [impact.id]: 0, [feasibility.id]: 'good' }
					})
				)
			).fields
		).toEqual({
			[`scores.${impact.id}`]: 'score_out_of_range|1|5',
			[`scores.${feasibility.id}`]: 'number_invalid'
		});
	});

	it('saveReview from an old version is a ReviewConflict with the current version, and overwrites nothing', async () => {
		const s = await createScoringScenario();
		const [impact] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 5 }
		});

		const error = await errorOf(
			saveReview({
				actor: s.juror.actor,
				reviewId: s.review.id,
				version: 1,
				scores: { [impact.id]: 1 }
			})
		);

		expect(
			error instanceof ReviewConflict && {
				code: error.code,
				message: error.message,
				currentVersion: error.currentVersion
			}
		).toEqual({ code: 'conflict', message: 'review_conflict', currentVersion: 2 });
		expect((await reviewRow(s.review.id))?.scores).toEqual({ [impact.id]: 5 });
	});

	it('saveReview before the conflict check is refused', async () => {
		const s = await createScoringScenario({ review: { noConflictAt: null } });
		expect(
			await appErrorOf(
				saveReview({ actor: s.juror.actor, reviewId: s.review.id, version: 1, scores: {} })
			)
		).toEqual({
			code: 'conflict',
			message: 'conflict_check_pending',
			fields: { _form: 'conflict_check_pending' }
		});
	});

	it('saveReview of a submitted review is refused: it is locked until reopened', async () => {
		const s = await createScoringScenario({
			review: { status: 'submitted', submittedAt: new Date(), total: 50 }
		});
		expect(
			await appErrorOf(
				saveReview({ actor: s.juror.actor, reviewId: s.review.id, version: 1, scores: {} })
			)
		).toEqual({ code: 'conflict', message: 'review_locked', fields: { _form: 'review_locked' } });
	});

	it('saveReview after the deadline, in setup or after closing changes nothing', async () => {
		for (const jury of [
			{ reviewDeadline: new Date(Date.now() - 1000) },
			{ phase: 'setup' as const },
			{ phase: 'closed' as const }
		]) {
			const s = await createScoringScenario({ jury });
			const [impact] = s.criteria;
			expect(
				await appErrorOf(
					saveReview({
						actor: s.juror.actor,
						reviewId: s.review.id,
						version: 1,
						scores: { [impact.id]: 3 }
					})
				)
			).toEqual({
				code: 'conflict',
				message: 'scoring_closed',
				fields: { _form: 'scoring_closed' }
			});
			expect((await reviewRow(s.review.id))?.version).toBe(1);
		}
	});

	it('saveReview with a forged id, by another juror, a manager or an applicant is not found', async () => {
		const s = await createScoringScenario();
		const other = await addJurorWithReview(s.call.id, s.application.id);
		const stranger = await createApplicant();
		const attempts = [
			{ actor: s.juror.actor, reviewId: FORGED },
			{ actor: s.juror.actor, reviewId: 'not-a-uuid' },
			{ actor: other.juror.actor, reviewId: s.review.id },
			{ actor: s.lead.actor, reviewId: s.review.id },
			{ actor: s.applicant.actor, reviewId: s.review.id },
			{ actor: stranger.actor, reviewId: s.review.id }
		];
		for (const attempt of attempts) {
			expect(await appErrorOf(saveReview({ ...attempt, version: 1, scores: {} }))).toEqual({
				code: 'not_found',
				message: 'not_found',
				fields: undefined
			});
		}
		expect((await reviewRow(s.review.id))?.version).toBe(1);
	});
});
