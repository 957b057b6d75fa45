import { reviewTotal } from '../src/lib/review/scoring';
import type { call, review } from '../src/lib/server/db/schema';
import {
	createApplicant,
	createApplication,
	createCall,
	createCriteria,
	createJuror,
	createLead,
	createReview,
	setJury
} from './factories';

/** Criteria whose totals are easy to compute by hand: 7.5 × impact + 2.5 × feasibility. */
export const HAND_CRITERIA = [
	{ name: { en: 'Impact' }, weight: 3, scaleMin: 0, scaleMax: 10 },
	{ name: { en: 'Feasibility' }, weight: 1, scaleMin: 0, scaleMax: 10 }
];

/** A submitted review with its total stored as submitting stores it. */
export async function createSubmittedReview(
	target: {
		callId: string;
		criteria: { id: string; weight: number; scaleMin: number; scaleMax: number }[];
	},
	applicationId: string,
	juryMemberId: string,
	scores: number[],
	overrides: Partial<typeof review.$inferInsert> = {}
) {
	const byId = Object.fromEntries(target.criteria.map((c, i) => [c.id, scores[i]]));
	return createReview(target.callId, applicationId, juryMemberId, {
		status: 'submitted',
		scores: byId,
		total: reviewTotal(target.criteria, byId),
		startedAt: new Date(),
		submittedAt: new Date(),
		...overrides
	});
}

/**
 * A call in review with HAND_CRITERIA, `jurors` accepted panel members and `applications`
 * submitted applications, each from its own enterprise (in the locales given, English otherwise).
 */
export async function createResultsCall(
	options: {
		jurors?: number;
		applications?: number;
		locales?: string[];
		call?: Partial<typeof call.$inferInsert>;
	} = {}
) {
	const lead = await createLead();
	const target = await createCall(lead.programme.id, {
		status: 'in_review',
		opensAt: new Date(Date.now() - 30 * 86_400_000),
		closesAt: new Date(Date.now() - 86_400_000),
		...options.call
	});
	const criteria = await createCriteria(target.id, HAND_CRITERIA);
	await setJury(target.id, { phase: 'closed', reviewersPerApplication: 2 });
	const jurors = [];
	for (let i = 0; i < (options.jurors ?? 3); i++) {
		jurors.push(await createJuror(target.id, {}, { name: `Juror ${String.fromCharCode(65 + i)}` }));
	}
	const applications = [];
	const count = options.applications ?? 3;
	for (let i = 0; i < count; i++) {
		const applicant = await createApplicant({ name: `Enterprise ${String.fromCharCode(65 + i)}` });
		const row = await createApplication(target.id, applicant.enterprise.id, {
			createdBy: applicant.user.id,
			status: 'submitted',
			submittedAt: new Date(Date.now() - (count - i) * 60_000),
			locale: options.locales?.[i] ?? 'en'
		});
		applications.push({ ...row, applicant });
	}
	return { lead, call: target, callId: target.id, criteria, jurors, applications };
}

/**
 * The hand-computed world of the results tests: three applications, each reviewed by two of three
 * jurors (J1 lenient, J2 typical, J3 harsh). Totals (7.5 × impact + 2.5 × feasibility):
 *
 *            J1   J2   J3   raw mean
 *   A        90   60    ·   75
 *   B        80    ·   30   55
 *   C         ·   75   40   57.5
 *
 * Raw ranking A, C, B. Each juror's two totals standardise to ±1/√2; mean z: A 0, B −1/√2,
 * C +1/√2, so the z-normalised ranking is C, A, B: C's harsh juror no longer pulls it down.
 */
export async function createHandWorld() {
	const world = await createResultsCall({
		jurors: 3,
		applications: 3,
		locales: ['de', 'sv', 'en']
	});
	const [j1, j2, j3] = world.jurors.map((j) => j.member.id);
	const [a, b, c] = world.applications.map((x) => x.id);
	await createSubmittedReview(world, a, j1, [10, 6], {
		comment: 'Strong team.',
		privateNote: 'Knows the mayor.'
	});
	await createSubmittedReview(world, b, j1, [10, 2], { comment: 'Good idea.' });
	await createSubmittedReview(world, a, j2, [6, 6], {
		comment: '  ',
		privateNote: 'Unsure about the budget.'
	});
	await createSubmittedReview(world, c, j2, [9, 3], { comment: 'Clear plan for the first year.' });
	await createSubmittedReview(world, b, j3, [3, 3], { comment: 'Weak budget.' });
	await createSubmittedReview(world, c, j3, [4, 4], {
		comment: 'Convincing impact.',
		privateNote: 'Best of my batch.'
	});
	return world;
}
