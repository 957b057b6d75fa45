import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { juryConflict } from '../../../src/lib/server/db/schema';
import { confirmNoConflict } from '../../../src/lib/server/review/confirm-no-conflict';
import { declareConflict } from '../../../src/lib/server/review/declare-conflict';
import { saveReview } from '../../../src/lib/server/review/save-review';
import { appErrorOf, auditEntries, createApplicant } from '../../factories';
import { addJurorWithReview, createScoringScenario, reviewRow } from '../../factories-juror';

const FORGED = '00000000-0000-4000-8000-000000000000';

async function conflictsOf(applicationId: string) {
	return db()
		.select({
			juryMemberId: juryConflict.juryMemberId,
			source: juryConflict.source,
			reason: juryConflict.reason
		})
		.from(juryConflict)
		.where(eq(juryConflict.applicationId, applicationId));
}

describe('confirmNoConflict', () => {
	it('confirmNoConflict records the confirmation with an audit entry; twice is harmless', async () => {
		const s = await createScoringScenario({ review: { noConflictAt: null } });
		const now = new Date();

		expect(await confirmNoConflict({ actor: s.juror.actor, reviewId: s.review.id, now })).toEqual({
			confirmedAt: now,
			version: 2
		});
		expect(await confirmNoConflict({ actor: s.juror.actor, reviewId: s.review.id })).toEqual({
			confirmedAt: now,
			version: 2
		});
		expect(await reviewRow(s.review.id)).toMatchObject({ noConflictAt: now, status: 'assigned' });
		expect(await auditEntries(s.review.id)).toEqual([
			{
				action: 'review.no_conflict_confirmed',
				actorUserId: s.juror.user.id,
				entityType: 'review',
				organisationId: s.call.organisationId,
				data: { applicationId: s.application.id }
			}
		]);
	});

	it('confirmNoConflict in setup is allowed; after the deadline it is refused', async () => {
		const inSetup = await createScoringScenario({
			jury: { phase: 'setup' },
			review: { noConflictAt: null }
		});
		expect(
			(await confirmNoConflict({ actor: inSetup.juror.actor, reviewId: inSetup.review.id })).version
		).toBe(2);

		const late = await createScoringScenario({
			jury: { reviewDeadline: new Date(Date.now() - 1000) },
			review: { noConflictAt: null }
		});
		expect(
			await appErrorOf(confirmNoConflict({ actor: late.juror.actor, reviewId: late.review.id }))
		).toEqual({ code: 'conflict', message: 'scoring_closed', fields: { _form: 'scoring_closed' } });
	});

	it('confirmNoConflict with a forged id, by another juror, a manager or an applicant is not found', async () => {
		const s = await createScoringScenario({ review: { noConflictAt: null } });
		const other = await addJurorWithReview(s.call.id, s.application.id);
		for (const attempt of [
			{ actor: s.juror.actor, reviewId: FORGED },
			{ actor: other.juror.actor, reviewId: s.review.id },
			{ actor: s.lead.actor, reviewId: s.review.id },
			{ actor: s.applicant.actor, reviewId: s.review.id }
		]) {
			expect((await appErrorOf(confirmNoConflict(attempt))).code).toBe('not_found');
		}
		expect((await reviewRow(s.review.id))?.noConflictAt).toBeNull();
	});
});

describe('declareConflict', () => {
	it('declareConflict records the conflict, deletes the review with its draft and audits it', async () => {
		const s = await createScoringScenario();
		const [impact] = s.criteria;
		await saveReview({
			actor: s.juror.actor,
			reviewId: s.review.id,
			version: 1,
			scores: { [impact.id]: 2 }
		});

		const result = await declareConflict({
			actor: s.juror.actor,
			reviewId: s.review.id,
			reason: '  I sit on their board.  '
		});

		// Whether a replacement was found is the assignment's business (recorded in last_run); a
		// failing reassignment is logged and never undoes the declaration.
		expect(result).toEqual({ conflictId: expect.any(String), reassigned: expect.any(Boolean) });
		expect(await reviewRow(s.review.id)).toBeNull();
		expect(await conflictsOf(s.application.id)).toEqual([
			{ juryMemberId: s.juror.member.id, source: 'declared', reason: 'I sit on their board.' }
		]);
		expect((await auditEntries(s.review.id)).slice(-1)).toEqual([
			{
				action: 'review.conflict_declared',
				actorUserId: s.juror.user.id,
				entityType: 'review',
				organisationId: s.call.organisationId,
				data: {
					applicationId: s.application.id,
					juryMemberId: s.juror.member.id,
					conflictId: result.conflictId,
					reason: 'I sit on their board.',
					status: 'started'
				}
			}
		]);
	});

	it('declareConflict before confirming and in setup is allowed', async () => {
		const s = await createScoringScenario({
			jury: { phase: 'setup' },
			review: { noConflictAt: null }
		});
		await declareConflict({ actor: s.juror.actor, reviewId: s.review.id, reason: 'My sister' });
		expect(await reviewRow(s.review.id)).toBeNull();
	});

	it('declareConflict without a reason, or with a long one, is refused with a field code', async () => {
		const s = await createScoringScenario();
		for (const [reason, code] of [
			['   ', 'required'],
			[undefined, 'required'],
			['x'.repeat(1001), 'too_long|1000']
		] as const) {
			expect(
				await appErrorOf(declareConflict({ actor: s.juror.actor, reviewId: s.review.id, reason }))
			).toEqual({ code: 'invalid_input', message: 'reason_invalid', fields: { reason: code } });
		}
		expect(await reviewRow(s.review.id)).not.toBeNull();
		expect(await conflictsOf(s.application.id)).toEqual([]);
	});

	it('declareConflict on a submitted review is refused: it cannot be conflicted away', async () => {
		const s = await createScoringScenario({
			review: { status: 'submitted', submittedAt: new Date(), total: 75 }
		});
		expect(
			await appErrorOf(
				declareConflict({ actor: s.juror.actor, reviewId: s.review.id, reason: 'Late insight' })
			)
		).toEqual({
			code: 'conflict',
			message: 'review_submitted',
			fields: { _form: 'review_submitted' }
		});
		expect((await reviewRow(s.review.id))?.status).toBe('submitted');
		expect(await conflictsOf(s.application.id)).toEqual([]);
	});

	it('declareConflict after the deadline is refused', async () => {
		const s = await createScoringScenario({
			jury: { reviewDeadline: new Date(Date.now() - 1000) }
		});
		expect(
			(
				await appErrorOf(
					declareConflict({ actor: s.juror.actor, reviewId: s.review.id, reason: 'Too late' })
				)
			).message
		).toBe('scoring_closed');
		expect(await reviewRow(s.review.id)).not.toBeNull();
	});

	it('declareConflict with a forged id, by another juror, a manager or an applicant is not found', async () => {
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
			expect((await appErrorOf(declareConflict({ ...attempt, reason: 'Forged' }))).code).toBe(
				'not_found'
			);
		}
		expect(await reviewRow(s.review.id)).not.toBeNull();
		expect(await reviewRow(other.review.id)).not.toBeNull();
		expect(await conflictsOf(s.application.id)).toEqual([]);
	});
});
