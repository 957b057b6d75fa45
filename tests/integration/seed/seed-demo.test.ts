import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import {
	auditLog,
	membership,
	organisation,
	programme,
	programmePartner,
	programmeRole,
	programmeTarget,
	user
} from '../../../src/lib/server/db/schema';
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
			user: 6,
			organisation: 7,
			membership: 3,
			programme: 2,
			programmeTarget: 5,
			programmePartner: 1,
			programmeRole: 4,
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
			DEMO_USERS.map((d) => ({
				email: d.email,
				name: d.name,
				locale: d.locale,
				admin: d.role === 'admin'
			})).sort((a, b) => a.email.localeCompare(b.email))
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
});
