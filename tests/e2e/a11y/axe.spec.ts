import { expect, test, type Page } from '@playwright/test';
import {
	BASE_URL,
	COOMPANION,
	DEMO,
	PUBLIC_PAGES,
	ROLES,
	SHELL_PAGES,
	expectNoSeriousA11yViolations,
	hydrated,
	invite,
	latestMailTo,
	messages,
	seriousViolations,
	signInAs,
	t,
	uniqueEmail,
	type Locale,
	type Role
} from '../helpers';

/** Visits each path and gathers axe's serious and critical findings over all of them. */
async function violationsOn(page: Page, paths: readonly string[]): Promise<string[]> {
	const found: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		found.push(...(await seriousViolations(page)));
	}
	return found;
}

test.describe('anonymous visitor', () => {
	test('every public page in English has no serious accessibility violations', async ({ page }) => {
		expect(await violationsOn(page, PUBLIC_PAGES)).toEqual([]);
	});

	test('sign-in form showing a field error has no serious accessibility violations', async ({
		page
	}) => {
		await page.goto('/login');
		await page.getByRole('button', { name: t('en', 'login_submit') }).click();
		await expect(page.locator('#email-error')).toHaveText(t('en', 'field_required'));
		await expectNoSeriousA11yViolations(page);
	});

	test('code step after sending a code has no serious accessibility violations', async ({
		page
	}) => {
		await page.goto('/login/code');
		await hydrated(page);
		await page.locator('#email').fill(uniqueEmail('axe-code'));
		await page.getByRole('button', { name: t('en', 'code_send') }).click();
		await expect(page.locator('#code')).toBeVisible();
		await expectNoSeriousA11yViolations(page);
	});

	for (const locale of ['de', 'sv'] as const satisfies Locale[]) {
		test(`landing and sign-in pages in ${locale} have no serious accessibility violations`, async ({
			page
		}) => {
			await page.goto('/');
			await page
				.getByRole('button', { name: messages.en[`language_${locale}`], exact: true })
				.click();
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			expect(await violationsOn(page, ['/', '/login'])).toEqual([]);
		});
	}
});

/**
 * Each signed-in page once, seen by a person who may open it; the juror's pages come in Swedish and
 * the coach's in German (their stored languages), plus the 403 and 404 pages.
 */
const SIGNED_IN_PAGES: Record<Role, string[]> = {
	applicant: ['/app', '/account', '/applications', '/manage', '/manage/kvarterskraft'],
	juror: ['/app', '/review', '/admin'],
	coach: ['/coach', '/account', '/manage/no-such-org'],
	provider: ['/provider', '/manage/nordlys-design/members'],
	manager: ['/manage/coompanion-orebro', '/manage/coompanion-orebro/members'],
	admin: ['/admin']
};

for (const role of ROLES) {
	test(`${role}'s pages (${DEMO[role].locale}) have no serious accessibility violations`, async ({
		page
	}) => {
		await signInAs(page, role, null);
		expect(await violationsOn(page, SIGNED_IN_PAGES[role])).toEqual([]);
	});
}

test('every signed-in page is in the accessibility walk', () => {
	const walked = new Set(Object.values(SIGNED_IN_PAGES).flat());
	expect(SHELL_PAGES.filter((path) => !walked.has(path))).toEqual([]);
});

test('invitation pages and the members page with a form error have no serious accessibility violations', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('axe-invite');
	await signInAs(page, 'manager', `/manage/${COOMPANION.slug}/members`);
	await invite(page, email);
	await expect(page.getByRole('status')).toHaveText(t('en', 'invite_sent', { email }));
	await expectNoSeriousA11yViolations(page);

	await invite(page, 'not-an-address');
	await expect(page.locator('#invite-email-error')).toHaveText(t('en', 'field_email_invalid'));
	await expectNoSeriousA11yViolations(page);

	const link = (await latestMailTo(page, email)).links[0];
	const anonymous = await browser.newContext({ baseURL: BASE_URL });
	const visitor = await anonymous.newPage();
	await visitor.goto(link);
	await expect(
		visitor.getByRole('button', { name: t('en', 'invite_page_sign_in', { email }) })
	).toBeVisible();
	await expectNoSeriousA11yViolations(visitor);
	await anonymous.close();

	// Signed in as someone else: the page explains the mismatch.
	await page.goto(link);
	await expect(page.getByRole('alert')).toHaveText(
		t('en', 'invite_page_wrong_email', { current: DEMO.manager.email, email })
	);
	await expectNoSeriousA11yViolations(page);
});

test.describe('keyboard', () => {
	test('first Tab on the landing page reaches the skip link, and Enter moves focus to main', async ({
		page
	}) => {
		await page.goto('/');
		await hydrated(page);
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		await expect(focused).toHaveText(t('en', 'skip_to_content'));
		await expect(focused).toHaveAttribute('href', '#main');
		await expect(focused).toBeInViewport();

		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
		// The next Tab continues inside main, not back in the header.
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveText(t('en', 'landing_cta_sign_in'));
	});

	test('sign-in form can be filled and sent with the keyboard only', async ({ page }) => {
		const email = uniqueEmail('keyboard');
		await page.goto('/login');
		await hydrated(page);
		// Tab through the header to the email field, in reading order.
		const stops: string[] = [];
		for (let i = 0; i < 9; i++) {
			await page.keyboard.press('Tab');
			stops.push(
				await page.evaluate(
					() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''
				)
			);
		}
		expect(stops).toEqual([
			t('en', 'skip_to_content'),
			t('en', 'app_name'),
			t('en', 'nav_calls'),
			t('en', 'nav_mailbox'),
			t('en', 'nav_sign_in'),
			t('en', 'language_en'),
			t('en', 'language_de'),
			t('en', 'language_sv'),
			'email'
		]);
		await expect(page.locator('#email')).toBeFocused();
		await page.keyboard.type(email);
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveText(t('en', 'login_submit'));
		await page.keyboard.press('Enter');

		await page.waitForURL(
			`/login/check-email?email=${encodeURIComponent(email)}&redirectTo=%2Fapp`
		);
		await expect(page.getByRole('status')).toHaveText(
			t('en', 'check_email_body', { email, minutes: 15 })
		);
	});
});
