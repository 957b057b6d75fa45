import { expect, test, type Page } from '@playwright/test';
import {
	ALLOWED,
	DEMO,
	PUBLIC_PAGES,
	ROLES,
	ensureApplicantInCoompanion,
	messages,
	signInAs,
	t,
	type Role
} from '../helpers';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

/** Paths whose page is wider than the screen, with the width they need. */
async function overflowingPages(page: Page, paths: readonly string[]): Promise<string[]> {
	const wide: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > WIDTH) wide.push(`${path}: ${width}px`);
	}
	return wide;
}

test('every public page fits a 360 px wide screen', async ({ page }) => {
	expect(await overflowingPages(page, PUBLIC_PAGES)).toEqual([]);
});

for (const role of ROLES) {
	test(`${role}'s pages fit a 360 px wide screen`, async ({ page, browser }) => {
		// The applicant works in two organisations, so her header also carries the switcher.
		if (role === 'applicant') await ensureApplicantInCoompanion(browser);
		await signInAs(page, role, null);
		expect(await overflowingPages(page, ALLOWED[role])).toEqual([]);
		if (role === 'applicant') await expect(page.locator('#organisation-switch')).toBeVisible();
	});
}

/** The main navigation's links, as a person with each role sees them (local mode adds the mailbox). */
const NAV_KEYS: Record<Role, string[]> = {
	applicant: [
		'nav_calls',
		'nav_dashboard',
		'nav_applications',
		'nav_manage',
		'nav_account',
		'nav_mailbox'
	],
	juror: ['nav_calls', 'nav_dashboard', 'nav_review', 'nav_account', 'nav_mailbox'],
	coach: ['nav_calls', 'nav_dashboard', 'nav_coach', 'nav_account', 'nav_mailbox'],
	provider: [
		'nav_calls',
		'nav_dashboard',
		'nav_provider',
		'nav_manage',
		'nav_account',
		'nav_mailbox'
	],
	manager: ['nav_calls', 'nav_dashboard', 'nav_manage', 'nav_account', 'nav_mailbox'],
	admin: ['nav_calls', 'nav_dashboard', 'nav_admin', 'nav_account', 'nav_mailbox']
};

test('menu opens on a small screen and shows the navigation for an anonymous visitor', async ({
	page
}) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: t('en', 'nav_main') });
	await expect(nav).toBeHidden();

	await page.getByText(t('en', 'nav_menu'), { exact: true }).click();
	await expect(nav).toBeVisible();
	await expect(nav.getByRole('link')).toHaveText([
		t('en', 'nav_calls'),
		t('en', 'nav_mailbox'),
		t('en', 'nav_sign_in')
	]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		WIDTH
	);

	await nav.getByRole('link', { name: t('en', 'nav_sign_in') }).click();
	await page.waitForURL('/login');
	await expect(page.locator('main h1')).toHaveText(t('en', 'login_title'));
});

for (const role of ['manager', 'juror'] as const) {
	test(`menu opens on a small screen and shows the ${role}'s navigation`, async ({ page }) => {
		const locale = DEMO[role].locale;
		await signInAs(page, role);
		const nav = page.getByRole('navigation', { name: messages[locale].nav_main });
		await expect(nav).toBeHidden();

		await page.getByText(messages[locale].nav_menu, { exact: true }).click();
		await expect(nav).toBeVisible();
		await expect(nav.getByRole('link')).toHaveText(
			NAV_KEYS[role].map((key) => messages[locale][key])
		);
		await expect(nav.getByRole('button')).toHaveText([messages[locale].nav_sign_out]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			WIDTH
		);

		await nav.getByRole('link', { name: messages[locale].nav_account }).click();
		await page.waitForURL('/account');
	});
}
