import { eq } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { review } from '../src/lib/server/db/schema';
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

const DAY = 86_400_000;

/**
 * A call in review with its jury scoring (deadline in a week), two criteria on 1–5 (weights 2
 * and 1), one submitted application and one juror assigned to it who has confirmed no conflict
 * (unless the review overrides say otherwise).
 */
export async function createScoringScenario(
	options: {
		jury?: Parameters<typeof setJury>[1];
		review?: Parameters<typeof createReview>[3];
		criteria?: Parameters<typeof createCriteria>[1];
	} = {}
) {
	const lead = await createLead();
	const now = Date.now();
	const target = await createCall(lead.programme.id, {
		status: 'in_review',
		opensAt: new Date(now - 30 * DAY),
		closesAt: new Date(now - DAY)
	});
	const jury = await setJury(target.id, {
		phase: 'scoring',
		reviewDeadline: new Date(now + 7 * DAY),
		...options.jury
	});
	const criteria = await createCriteria(target.id, options.criteria);
	const applicant = await createApplicant({ name: 'Kvarterskraft ekonomisk förening' });
	const app = await createApplication(target.id, applicant.enterprise.id, {
		status: 'submitted',
		submittedAt: new Date(now - 2 * DAY),
		createdBy: applicant.user.id,
		answers: { idea: 'Kvarterskraft runs community kitchens', staff: 7, statutes: true }
	});
	const juror = await createJuror(target.id);
	const assigned = await createReview(target.id, app.id, juror.member.id, {
		noConflictAt: new Date(now - DAY),
		...options.review
	});
	return {
		lead,
		call: target,
		jury,
		criteria,
		applicant,
		application: app,
		juror,
		review: assigned
	};
}

/** A second juror on the same call, with their own review of the same application. */
export async function addJurorWithReview(
	callId: string,
	applicationId: string,
	overrides: Parameters<typeof createReview>[3] = {}
) {
	const juror = await createJuror(callId);
	const assigned = await createReview(callId, applicationId, juror.member.id, {
		noConflictAt: new Date(),
		...overrides
	});
	return { juror, review: assigned };
}

/** A review row as it is stored now. */
export async function reviewRow(id: string) {
	const [row] = await db().select().from(review).where(eq(review.id, id));
	return row ?? null;
}
