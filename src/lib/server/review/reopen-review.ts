import { and, eq } from 'drizzle-orm';
import { isLocale, localized, type Locale } from '$lib/i18n/localized';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call, juryMember, programme, review, user } from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { queueEmail } from '../notify/queue-email';
import { layout } from '../notify/templates';
import { assertScoringOpen, ReviewConflict } from './juror-rules';
import { ensureJurySettings } from './queries';

/**
 * A manager of the call reopens a submitted review, so the juror can change it: back to
 * "started", its total cleared until it is submitted again. Only while scoring is open — after
 * the deadline nobody changes a score, managers included. The juror may be told by email.
 */
export async function reopenReview({
	actor,
	reviewId,
	version,
	notify = false,
	origin,
	now = new Date()
}: {
	actor: Actor;
	reviewId: string;
	version: number;
	notify?: boolean;
	origin: string;
	now?: Date;
}) {
	return db().transaction(async (tx) => {
		if (!UUID.test(reviewId)) throw new AppError('not_found');
		const [row] = await tx
			.select({
				review,
				call,
				programmeOrganisationId: programme.organisationId,
				member: { email: juryMember.email, userId: juryMember.userId },
				jurorLocale: user.locale
			})
			.from(review)
			.innerJoin(call, eq(call.id, review.callId))
			.innerJoin(programme, eq(programme.id, call.programmeId))
			.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
			.leftJoin(user, eq(user.id, juryMember.userId))
			.where(eq(review.id, reviewId))
			.for('update', { of: review });
		if (!row) throw new AppError('not_found');
		try {
			authorize(actor, 'jury.manage', {
				type: 'call',
				organisationId: row.call.organisationId,
				programmeOrganisationId: row.programmeOrganisationId,
				programmeId: row.call.programmeId
			});
		} catch {
			throw new AppError('not_found');
		}
		assertScoringOpen(await ensureJurySettings(tx, row.call.id), now);
		if (row.review.status !== 'submitted')
			throw new AppError('conflict', 'not_submitted', { _form: 'not_submitted' });
		if (row.review.version !== version) throw new ReviewConflict(row.review.version);

		const [saved] = await tx
			.update(review)
			.set({
				status: 'started',
				submittedAt: null,
				total: null,
				version: version + 1,
				updatedAt: now
			})
			.where(and(eq(review.id, reviewId), eq(review.version, version)))
			.returning({ version: review.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'review.reopened',
			entityType: 'review',
			entityId: reviewId,
			organisationId: row.call.organisationId,
			data: {
				applicationId: row.review.applicationId,
				juryMemberId: row.review.juryMemberId,
				previousTotal: row.review.total,
				notified: notify
			}
		});

		let outboxId: string | null = null;
		if (notify) {
			const locale: Locale = isLocale(row.jurorLocale) ? row.jurorLocale : 'en';
			const fallback: Locale = isLocale(row.call.fallbackLocale) ? row.call.fallbackLocale : 'en';
			const title = localized(row.call.title, locale, fallback);
			outboxId = await queueEmail(tx, {
				to: row.member.email,
				template: 'review-reopened',
				locale,
				email: layout(locale, {
					subject: m.review_email_reopened_subject({ call: title }, { locale }),
					lines: [m.review_email_reopened_intro({ call: title }, { locale })],
					action: {
						label: m.review_email_reopened_action({}, { locale }),
						url: `${origin}/review/${row.call.id}/${row.review.applicationId}`
					}
				}),
				meta: { reviewId }
			});
		}
		return { version: saved.version, outboxId };
	});
}
