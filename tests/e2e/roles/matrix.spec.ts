import { expect, test } from '@playwright/test';
import {
	ALLOWED,
	BASE_URL,
	DEMO,
	ROLES,
	SHELL_PAGES,
	messages,
	signInAs,
	signInWithDemoButton,
	t,
	type Role
} from '../helpers';

/** The header navigation links each demo person sees, as catalogue keys, in order. */
const NAV: Record<Role, string[]> = {
	applicant: ['nav_calls', 'nav_dashboard', 'nav_applications', 'nav_manage', 'nav_account'],
	juror: ['nav_calls', 'nav_dashboard', 'nav_review', 'nav_account'],
	coach: ['nav_calls', 'nav_dashboard', 'nav_coach', 'nav_account'],
	provider: ['nav_calls', 'nav_dashboard', 'nav_provider', 'nav_manage', 'nav_account'],
	manager: ['nav_calls', 'nav_dashboard', 'nav_manage', 'nav_account'],
	admin: ['nav_calls', 'nav_dashboard', 'nav_admin', 'nav_account']
};

const HREF: Record<string, string> = {
	nav_calls: '/calls',
	nav_dashboard: '/app',
	nav_applications: '/applications',
	nav_review: '/review',
	nav_coach: '/coach',
	nav_provider: '/provider',
	nav_manage: '/manage',
	nav_admin: '/admin',
	nav_account: '/account',
	nav_mailbox: '/dev/mailbox'
};

for (const role of ROLES) {
	test(`${role} (${DEMO[role].name}) sees exactly their header links and gets 200 only on their pages`, async ({
		page
	}) => {
		await signInWithDemoButton(page, role);

		// Jurors and coaches have a stored language (sv, de); the others get the browser's English.
		const locale = DEMO[role].locale;
		const nav = page.getByRole('navigation', { name: messages[locale].nav_main });
		const links = await nav
			.getByRole('link')
			.evaluateAll((as) =>
				as.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? ''])
			);
		// Local mode adds the dev mailbox for everyone.
		const keys = [...NAV[role], 'nav_mailbox'];
		expect(links).toEqual(keys.map((key) => [messages[locale][key], HREF[key]]));
		await expect(nav.getByRole('button')).toHaveText([messages[locale].nav_sign_out]);

		const seen: Record<string, number> = {};
		for (const path of SHELL_PAGES) {
			// The status is all this needs: no waiting for the page to load.
			const response = await page.goto(path, { waitUntil: 'commit' });
			seen[path] = response?.status() ?? 0;
		}
		const expected = Object.fromEntries(
			SHELL_PAGES.map((path) => [path, ALLOWED[role].includes(path) ? 200 : 403])
		);
		expect(seen).toEqual(expected);
	});
}

test('forbidden page says so in the reader’s language', async ({ page }) => {
	await signInAs(page, 'juror', null);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.locator('main h1')).toHaveText(messages.sv.error_forbidden);
});

test('unknown organisation is 404 for a manager', async ({ page }) => {
	await signInAs(page, 'manager', null);
	const response = await page.goto('/manage/no-such-org');
	expect(response?.status()).toBe(404);
	await expect(page.locator('main h1')).toHaveText(messages.en.error_not_found);
});

test('unknown organisation members page is 404 for a platform admin', async ({ page }) => {
	await signInAs(page, 'admin', null);
	const response = await page.goto('/manage/no-such-org/members');
	expect(response?.status()).toBe(404);
	await expect(page.locator('main h1')).toHaveText(messages.en.error_not_found);
});

for (const path of SHELL_PAGES) {
	test(`anonymous visitor to ${path} is sent to sign in`, async ({ request }) => {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers().location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
	});
}

test('anonymous visitor who signs in from the redirect lands on the page they asked for', async ({
	page
}) => {
	await page.goto('/review');
	expect(page.url()).toBe(`${BASE_URL}/login?redirectTo=%2Freview`);
	await expect(page.locator('main h1')).toHaveText(messages.en.login_title);
	await page.locator('[data-demo-role="juror"]').click();
	await page.waitForURL('/review');
	await expect(page.locator('main h1')).toHaveText(t('sv', 'review_title'));
});
