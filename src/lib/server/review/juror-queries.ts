import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { othersScoresVisible, storedScores } from '$lib/review/juror-review';
import { storedFile } from '../applications/read-file';
import { db } from '../db';
import {
	application,
	applicationFile,
	call,
	callCriterion,
	juryMember,
	jurySettings,
	membership,
	organisation,
	programme,
	review,
	teamMember,
	user
} from '../db/schema';
import { AppError, UUID } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize } from '../identity/can';
import { blindAnswers } from './blind-answers';
import { effectivePhase } from './rules';

/** What a call without jury settings yet behaves like (the table's defaults). */
const DEFAULT_SETTINGS = {
	phase: 'setup' as 'setup' | 'scoring' | 'closed',
	reviewDeadline: null as Date | null,
	blindReview: true,
	showScoresAfterSubmit: true
};

const settingsFields = {
	phase: jurySettings.phase,
	reviewDeadline: jurySettings.reviewDeadline,
	blindReview: jurySettings.blindReview,
	showScoresAfterSubmit: jurySettings.showScoresAfterSubmit
};

function settingsOf(row: {
	phase: 'setup' | 'scoring' | 'closed' | null;
	reviewDeadline: Date | null;
	blindReview: boolean | null;
	showScoresAfterSubmit: boolean | null;
}) {
	return {
		phase: row.phase ?? DEFAULT_SETTINGS.phase,
		reviewDeadline: row.reviewDeadline ?? DEFAULT_SETTINGS.reviewDeadline,
		blindReview: row.blindReview ?? DEFAULT_SETTINGS.blindReview,
		showScoresAfterSubmit: row.showScoresAfterSubmit ?? DEFAULT_SETTINGS.showScoresAfterSubmit
	};
}

/** A short reference for an application a juror may not know by name (blind review). */
export const applicationRef = (applicationId: string) =>
	applicationId.replace(/-/g, '').slice(0, 6).toUpperCase();

/**
 * The juror's space: every call on whose panel they sit, with the phase, the deadline, their
 * progress and each application assigned to them. Only the actor's own panel seats are read.
 * In blind review the list names no organisation.
 */
export async function listJurorReviews(actor: Actor, now = new Date()) {
	const seats = await db()
		.select({
			memberId: juryMember.id,
			callId: call.id,
			title: call.title,
			fallbackLocale: call.fallbackLocale,
			timeZone: call.timeZone,
			...settingsFields
		})
		.from(juryMember)
		.innerJoin(call, eq(call.id, juryMember.callId))
		.leftJoin(jurySettings, eq(jurySettings.callId, call.id))
		.where(and(eq(juryMember.userId, actor.userId), isNull(juryMember.removedAt)));
	if (seats.length === 0) return [];

	const reviews = await db()
		.select({
			id: review.id,
			juryMemberId: review.juryMemberId,
			applicationId: review.applicationId,
			status: review.status,
			noConflictAt: review.noConflictAt,
			submittedAt: review.submittedAt,
			organisationName: organisation.name
		})
		.from(review)
		.innerJoin(application, eq(application.id, review.applicationId))
		.innerJoin(organisation, eq(organisation.id, application.organisationId))
		.where(
			inArray(
				review.juryMemberId,
				seats.map((s) => s.memberId)
			)
		)
		.orderBy(asc(review.createdAt), asc(review.id));

	return seats
		.map((seat) => {
			const settings = settingsOf(seat);
			const mine = reviews.filter((r) => r.juryMemberId === seat.memberId);
			return {
				callId: seat.callId,
				title: seat.title,
				fallbackLocale: seat.fallbackLocale,
				timeZone: seat.timeZone,
				phase: effectivePhase(settings, now),
				reviewDeadline: settings.reviewDeadline,
				blindReview: settings.blindReview,
				counts: {
					assigned: mine.filter((r) => r.status === 'assigned').length,
					started: mine.filter((r) => r.status === 'started').length,
					submitted: mine.filter((r) => r.status === 'submitted').length,
					total: mine.length
				},
				reviews: mine.map((r, index) => ({
					id: r.id,
					applicationId: r.applicationId,
					number: index + 1,
					ref: applicationRef(r.applicationId),
					status: r.status,
					conflictChecked: r.noConflictAt !== null,
					submittedAt: r.submittedAt,
					organisationName: settings.blindReview ? null : r.organisationName
				}))
			};
		})
		.sort(
			(a, b) =>
				(a.reviewDeadline?.getTime() ?? Infinity) - (b.reviewDeadline?.getTime() ?? Infinity) ||
				a.callId.localeCompare(b.callId)
		);
}

/** The juror's review of one application of one call; anyone else (or a forged id) gets not_found. */
async function findOwnReview(actor: Actor, callId: string, applicationId: string) {
	if (!UUID.test(callId) || !UUID.test(applicationId)) throw new AppError('not_found');
	const [row] = await db()
		.select({
			review,
			memberId: juryMember.id,
			jurorUserId: juryMember.userId,
			call: {
				id: call.id,
				title: call.title,
				form: call.form,
				fallbackLocale: call.fallbackLocale,
				timeZone: call.timeZone,
				programmeName: programme.name
			},
			application: {
				id: application.id,
				answers: application.answers,
				organisationId: application.organisationId,
				locale: application.locale
			},
			...settingsFields
		})
		.from(review)
		.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
		.innerJoin(call, eq(call.id, review.callId))
		.innerJoin(programme, eq(programme.id, call.programmeId))
		.innerJoin(application, eq(application.id, review.applicationId))
		.leftJoin(jurySettings, eq(jurySettings.callId, call.id))
		.where(
			and(
				eq(review.callId, callId),
				eq(review.applicationId, applicationId),
				eq(juryMember.userId, actor.userId),
				isNull(juryMember.removedAt)
			)
		);
	if (!row) throw new AppError('not_found');
	try {
		authorize(actor, 'review.score', { type: 'review', jurorUserId: row.jurorUserId });
	} catch {
		throw new AppError('not_found');
	}
	return row;
}

/** The enterprise behind an application, with the names blind review must hide. */
async function enterpriseOf(organisationId: string) {
	const [org] = await db()
		.select({
			name: organisation.name,
			organisationNumber: organisation.organisationNumber,
			country: organisation.country,
			legalForm: organisation.legalForm,
			foundedYear: organisation.foundedYear,
			employees: organisation.employees,
			website: organisation.website,
			impactAreas: organisation.impactAreas
		})
		.from(organisation)
		.where(eq(organisation.id, organisationId));
	const [team, members] = await Promise.all([
		db()
			.select({ name: teamMember.name, role: teamMember.role })
			.from(teamMember)
			.where(eq(teamMember.organisationId, organisationId))
			.orderBy(asc(teamMember.position)),
		db()
			.select({ name: user.name })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(eq(membership.organisationId, organisationId))
	]);
	return { ...org, team, memberNames: members.map((m) => m.name) };
}

/**
 * Everything the review page shows the juror. Before the conflict check: only the call and the
 * organisation's name (a conflict cannot be judged without it, even in blind review). After it:
 * the application (blinded when the call says so), the criteria, the juror's draft, and the other
 * jurors' submitted scores — only once this juror submitted theirs and the call shows them.
 */
export async function loadJurorReview(
	actor: Actor,
	callId: string,
	applicationId: string,
	now = new Date()
) {
	const row = await findOwnReview(actor, callId, applicationId);
	const settings = settingsOf(row);
	const enterprise = await enterpriseOf(row.application.organisationId);
	const criteria = await db()
		.select({
			id: callCriterion.id,
			name: callCriterion.name,
			rubric: callCriterion.rubric,
			weight: callCriterion.weight,
			scaleMin: callCriterion.scaleMin,
			scaleMax: callCriterion.scaleMax,
			anchors: callCriterion.anchors
		})
		.from(callCriterion)
		.where(eq(callCriterion.callId, callId))
		.orderBy(asc(callCriterion.position), asc(callCriterion.id));

	const confirmed = row.review.noConflictAt !== null;
	const shown = confirmed
		? blindAnswers(row.call.form, row.application.answers, enterprise, settings.blindReview)
		: null;
	const files =
		shown && !settings.blindReview
			? await db()
					.select({
						id: applicationFile.id,
						questionId: applicationFile.questionId,
						fileName: applicationFile.fileName,
						sizeBytes: applicationFile.sizeBytes
					})
					.from(applicationFile)
					.where(eq(applicationFile.applicationId, applicationId))
			: [];

	let others: { scores: Record<string, number>; total: number | null }[] | null = null;
	if (othersScoresVisible(settings, row.review.status)) {
		const rows = await db()
			.select({ scores: review.scores, total: review.total })
			.from(review)
			.where(
				and(
					eq(review.applicationId, applicationId),
					eq(review.status, 'submitted'),
					ne(review.id, row.review.id)
				)
			)
			.orderBy(asc(review.submittedAt), asc(review.id));
		others = rows.map((r) => ({ scores: storedScores(r.scores), total: r.total }));
	}

	return {
		review: {
			id: row.review.id,
			status: row.review.status,
			version: row.review.version,
			noConflictAt: row.review.noConflictAt,
			scores: storedScores(row.review.scores),
			comment: row.review.comment,
			privateNote: row.review.privateNote,
			total: row.review.total,
			submittedAt: row.review.submittedAt
		},
		call: {
			id: row.call.id,
			title: row.call.title,
			programmeName: row.call.programmeName,
			fallbackLocale: row.call.fallbackLocale,
			timeZone: row.call.timeZone
		},
		settings: {
			phase: effectivePhase(settings, now),
			reviewDeadline: settings.reviewDeadline,
			blindReview: settings.blindReview,
			showScoresAfterSubmit: settings.showScoresAfterSubmit
		},
		applicationId,
		ref: applicationRef(applicationId),
		/** Shown for the conflict check in every case. */
		organisationName: enterprise.name,
		criteria,
		application: shown
			? {
					form: shown.form,
					answers: shown.answers,
					profile: shown.profile,
					withheld: shown.withheld.length,
					files
				}
			: null,
		others
	};
}

/** A file of an application the juror reviews: only without blind review, after the conflict check. */
export async function readJurorFile(
	actor: Actor,
	callId: string,
	applicationId: string,
	fileId: string
) {
	const row = await findOwnReview(actor, callId, applicationId);
	if (!UUID.test(fileId) || row.review.noConflictAt === null || settingsOf(row).blindReview)
		throw new AppError('not_found');
	const [file] = await db()
		.select()
		.from(applicationFile)
		.where(and(eq(applicationFile.id, fileId), eq(applicationFile.applicationId, applicationId)));
	if (!file) throw new AppError('not_found');
	return storedFile(file);
}
