import { expect, test } from '@playwright/test';
import {
	COOMPANION,
	e2eDatabase,
	expectNoSeriousA11yViolations,
	managerFollowsBrowserLanguage,
	openAs,
	t,
	uniqueSuffix,
	type Locale
} from '../helpers';

/**
 * A search that matches more applications than the table counts (1,000): the manager is told
 * "more than 1,000", can page on, and can have them all counted.
 */
const APPLICANTS = 1010;
let callId: string;

test.beforeAll(async () => {
	const db = await e2eDatabase();
	const suffix = uniqueSuffix();
	try {
		await db.query('BEGIN');
		const created = await db.query<{ id: string }>(
			`INSERT INTO call (slug, programme_id, organisation_id, title, status, opens_at, closes_at, form)
			 SELECT $1, programme_id, organisation_id, $2, 'closed', now() - interval '30 days',
				now() - interval '1 day', '{"sections":[]}'
			 FROM call WHERE slug = 'innovation-support-2026'
			 RETURNING id`,
			[`broad-search-${suffix}`, JSON.stringify({ en: `Broad search ${suffix}` })]
		);
		callId = created.rows[0].id;
		await db.query(
			`WITH orgs AS (
				INSERT INTO organisation (slug, name, kind, country)
				SELECT 'broad-' || $2 || '-' || i, 'Broad ' || $2 || ' ' || lpad(i::text, 4, '0'), 'enterprise', 'SE'
				FROM generate_series(1, $3::int) i
				RETURNING id, name
			)
			INSERT INTO application (call_id, organisation_id, status, answers, submitted_at)
			SELECT $1, id, 'submitted', '{"idea": "common ground"}',
				now() - right(name, 4)::int * interval '1 minute'
			FROM orgs`,
			[callId, suffix, APPLICANTS]
		);
		await db.query('COMMIT');
	} catch (error) {
		await db.query('ROLLBACK');
		throw error;
	} finally {
		await db.end();
	}
});

// The German test stores German on Maja's account: the specs after this one find her as the demo has her.
test.beforeEach(managerFollowsBrowserLanguage);
test.afterAll(managerFollowsBrowserLanguage);

const table = () => `/manage/${COOMPANION.slug}/calls/${callId}/applications`;

for (const locale of ['en', 'de'] as Locale[]) {
	test.describe(locale, () => {
		test('a broad search says "more than 1,000", pages on, and counts them all on request', async ({
			page
		}) => {
			const thousand = new Intl.NumberFormat(locale).format(1000);
			await openAs(page, 'manager', `${table()}?q=common`);
			if (locale !== 'en') {
				await page
					.getByRole('button', { name: t('en', `language_${locale}`), exact: true })
					.click();
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
			}
			const count = page.getByRole('status').filter({ hasText: t(locale, 'apps_count_all') });
			await expect(count).toContainText(t(locale, 'apps_count_more', { count: thousand }));
			const pages = page.getByRole('navigation', { name: t(locale, 'apps_pagination') });
			await expect(pages).toContainText(t(locale, 'apps_page_more', { page: 1, pages: 40 }));
			await expect(
				page.getByText(t(locale, 'apps_bulk_intro_more', { count: thousand }))
			).toBeVisible();
			await expectNoSeriousA11yViolations(page);

			// The first page holds the 25 latest submissions; the next page goes on from there.
			const rows = page.getByTestId('applications-table').locator('tbody tr');
			await expect(rows).toHaveCount(25);
			await expect(rows.first()).toContainText(/Broad \w+ 0001/);
			await pages.getByRole('link', { name: t(locale, 'apps_next') }).click();
			await expect(rows.first()).toContainText(/Broad \w+ 0026/);
			await expect(pages).toContainText(t(locale, 'apps_page_more', { page: 2, pages: 40 }));

			await page.getByRole('link', { name: t(locale, 'apps_count_all') }).click();
			await expect(page.getByRole('status').first()).toHaveText(
				t(locale, 'apps_count', { count: APPLICANTS })
			);
			await expect(pages).toContainText(t(locale, 'apps_page', { page: 2, pages: 41 }));
			await expect(rows.first()).toContainText(/Broad \w+ 0026/);
		});
	});
}
