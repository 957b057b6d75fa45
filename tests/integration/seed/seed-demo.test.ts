import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import {
	auditLog,
	call,
	juryMember,
	jurySettings,
	review,
	membership,
	organisation,
	programme,
	programmePartner,
	programmeRole,
	programmeTarget,
	user
} from '../../../src/lib/server/db/schema';
import { DEMO_JURORS, DEMO_JURY_CALL_SLUG } from '../../../src/lib/server/seed/demo-jury';
import { DEMO_USERS } from '../../../src/lib/server/seed/demo-users';
import { seedDemo } from '../../../src/lib/server/seed/seed-demo';

async function counts() {
	const tables = {
		user,
		organisation,
		membership,
		programme,
		programmeTarget,
		programmePartner,
		programmeRole,
		auditLog
	};
	const entries = await Promise.all(
		Object.entries(tables).map(
			async ([name, table]) => [name, (await db().select({ n: count() }).from(table))[0].n] as const
		)
	);
	return Object.fromEntries(entries);
}

describe('seedDemo', () => {
	it('an empty database is seeded with the demo world, and a second seed writes nothing', async () => {
		expect(await seedDemo(db())).toBe(true);

		const seeded = await counts();
		expect(seeded).toEqual({
			user: 6 + DEMO_JURORS.length,
			organisation: 7,
			membership: 3,
			programme: 2,
			programmeTarget: 5,
			programmePartner: 1,
			programmeRole: 4 + DEMO_JURORS.length,
			auditLog: 1
		});

		const people = await db()
			.select({
				email: user.email,
				name: user.name,
				locale: user.locale,
				admin: user.platformAdmin
			})
			.from(user)
			.orderBy(user.email);
		expect(people).toEqual(
			[
				...DEMO_USERS.map((d) => ({
					email: d.email,
					name: d.name,
					locale: d.locale,
					admin: d.role === 'admin'
				})),
				...DEMO_JURORS.map((j) => ({
					email: j.email,
					name: j.name,
					locale: j.locale,
					admin: false
				}))
			].sort((a, b) => a.email.localeCompare(b.email))
		);

		const programmes = await db()
			.select({ slug: programme.slug, budget: programme.budgetMinor, currency: programme.currency })
			.from(programme)
			.orderBy(programme.slug);
		expect(programmes).toEqual([
			{ slug: 'etablering-mittnorden', budget: 816_867_500, currency: 'SEK' },
			{ slug: 'socialtech4eu', budget: 148_000_000, currency: 'EUR' }
		]);
		const targets = await db()
			.select({
				slug: programme.slug,
				indicator: programmeTarget.indicator,
				target: programmeTarget.target
			})
			.from(programmeTarget)
			.innerJoin(programme, eq(programme.id, programmeTarget.programmeId))
			.orderBy(programme.slug, programmeTarget.position);
		expect(targets).toEqual([
			{ slug: 'etablering-mittnorden', indicator: 'establishments', target: 15 },
			{ slug: 'etablering-mittnorden', indicator: 'jobs', target: 100 },
			{ slug: 'socialtech4eu', indicator: 'enterprises_supported', target: 16 },
			{ slug: 'socialtech4eu', indicator: 'sparring_partners', target: 40 },
			{ slug: 'socialtech4eu', indicator: 'vouchers', target: 30 }
		]);

		expect(await seedDemo(db())).toBe(false);
		expect(await counts()).toEqual(seeded);
	});

	it('the demo jury scores a call in review: Jonas has three applications waiting, the others submitted', async () => {
		await seedDemo(db());
		const reviews = await db()
			.select({ juror: juryMember.email, status: review.status, total: review.total })
			.from(review)
			.innerJoin(juryMember, eq(juryMember.id, review.juryMemberId))
			.innerJoin(call, eq(call.id, review.callId))
			.where(eq(call.slug, DEMO_JURY_CALL_SLUG))
			.orderBy(juryMember.email, review.total);
		expect(reviews).toEqual([
			{ juror: 'jonas.berg@jury.example', status: 'assigned', total: null },
			{ juror: 'jonas.berg@jury.example', status: 'assigned', total: null },
			{ juror: 'jonas.berg@jury.example', status: 'assigned', total: null },
			{ juror: 'lena.ekstrom@jury.example', status: 'submitted', total: 73.75 },
			{ juror: 'lena.ekstrom@jury.example', status: 'submitted', total: 76.25 },
			{ juror: 'marco.bianchi@jury.example', status: 'submitted', total: 57.5 }
		]);
		const [settings] = await db()
			.select({ phase: jurySettings.phase, blind: jurySettings.blindReview })
			.from(jurySettings)
			.innerJoin(call, eq(call.id, jurySettings.callId))
			.where(eq(call.slug, DEMO_JURY_CALL_SLUG));
		expect(settings).toEqual({ phase: 'scoring', blind: true });
	});
});
