import { expect, test, type Page } from '@playwright/test';
import {
	BASE_URL,
	hydrated,
	latestMailInNewTab,
	latestMailTo,
	mailsTo,
	readMailbox,
	t,
	uniqueEmail
} from '../helpers';

const MAGIC_LINK_MINUTES = 15;
const CODE_MINUTES = 10;

async function requestLink(page: Page, email: string) {
	await page.goto('/login');
	await hydrated(page);
	await page.locator('#email').fill(email);
	await page.getByRole('button', { name: t('en', 'login_submit') }).click();
}

async function requestCode(page: Page, email: string) {
	await page.goto('/login');
	await page.getByRole('link', { name: t('en', 'login_use_code') }).click();
	await page.waitForURL('/login/code?redirectTo=%2Fapp');
	await hydrated(page);
	await page.locator('#email').fill(email);
	await page.getByRole('button', { name: t('en', 'code_send') }).click();
	await expect(page.getByRole('status')).toHaveText(
		t('en', 'code_sent', { email, minutes: CODE_MINUTES })
	);
}

async function codeFromMailbox(page: Page, email: string): Promise<string> {
	const mail = await latestMailInNewTab(page.context(), email);
	const match = mail.subject.match(/^Your Tandem sign-in code: (\d{6})$/);
	expect(match, `code subject "${mail.subject}"`).not.toBeNull();
	return match![1];
}

test.describe('magic link', () => {
	test('magic link for a new address signs in, and signing out ends the session', async ({
		page
	}) => {
		const email = uniqueEmail('magic');
		await requestLink(page, email);

		await page.waitForURL(
			`/login/check-email?email=${encodeURIComponent(email)}&redirectTo=%2Fapp`
		);
		await expect(page.locator('main h1')).toHaveText(t('en', 'check_email_title'));
		await expect(page.getByRole('status')).toHaveText(
			t('en', 'check_email_body', { email, minutes: MAGIC_LINK_MINUTES })
		);

		await page.getByRole('link', { name: t('en', 'check_email_mailbox') }).click();
		await page.waitForURL('/dev/mailbox');
		const mail = await latestMailTo(page, email);
		expect(mail.subject).toBe(t('en', 'email_magic_link_subject'));
		expect(mail.links).toHaveLength(1);
		expect(mail.links[0].startsWith(`${BASE_URL}/api/auth/magic-link/verify?token=`)).toBe(true);

		await page.goto(mail.links[0]);
		await page.waitForURL('/app');
		await expect(page.locator('main h1')).toHaveText(t('en', 'dashboard_title', { name: email }));

		await page.getByRole('button', { name: t('en', 'nav_sign_out') }).click();
		await page.waitForURL('/login?signedOut=1');
		await expect(page.getByRole('status')).toHaveText(t('en', 'signed_out'));

		await page.goto('/app');
		await page.waitForURL('/login?redirectTo=%2Fapp');
	});

	test('magic link used a second time lands on the link error page', async ({ page }) => {
		const email = uniqueEmail('reuse');
		await requestLink(page, email);
		await page.waitForURL('/login/check-email?**');
		const mail = await latestMailTo(page, email);
		await page.goto(mail.links[0]);
		await page.waitForURL('/app');
		await page.getByRole('button', { name: t('en', 'nav_sign_out') }).click();
		await page.waitForURL('/login?signedOut=1');

		await page.goto(mail.links[0]);
		await page.waitForURL((url) => url.pathname === '/login/link-error');
		expect(new URL(page.url()).searchParams.get('email')).toBe(email);
		await expect(page.locator('main h1')).toHaveText(t('en', 'link_error_title'));
		await expect(page.locator('main p').first()).toHaveText(
			t('en', 'link_error_body', { minutes: MAGIC_LINK_MINUTES })
		);
		await expect(page.getByRole('button', { name: t('en', 'link_error_again') })).toBeVisible();
		// Still signed out: the reused link did not start a session.
		await page.goto('/app');
		await page.waitForURL('/login?redirectTo=%2Fapp');
	});
});

test.describe('one-time code', () => {
	test('one-time code from the email signs in', async ({ page }) => {
		const email = uniqueEmail('code');
		await requestCode(page, email);
		const code = await codeFromMailbox(page, email);

		await page.locator('#code').fill(code);
		await page
			.locator('main')
			.getByRole('button', { name: t('en', 'code_submit') })
			.click();
		await page.waitForURL('/app');
		await expect(page.locator('main h1')).toHaveText(t('en', 'dashboard_title', { name: email }));
	});

	test('wrong code shows the translated error next to the code field', async ({ page }) => {
		const email = uniqueEmail('wrong-code');
		await requestCode(page, email);
		const code = await codeFromMailbox(page, email);
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

		// Back from the mailbox tab to the sign-in tab, as a person would switch back to it.
		await page.bringToFront();
		await page.locator('#code').fill(wrong);
		await page
			.locator('main')
			.getByRole('button', { name: t('en', 'code_submit') })
			.click();
		await expect(page.locator('#code-error')).toHaveText(t('en', 'code_wrong'));
		await expect(page.locator('#code')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#code')).toHaveAttribute('aria-describedby', 'code-error');
		await expect(page.locator('#code')).toBeFocused();
		expect(new URL(page.url()).pathname).toBe('/login/code');
	});

	test('code that is not six digits asks for the six digits', async ({ page }) => {
		const email = uniqueEmail('short-code');
		await requestCode(page, email);

		await page.locator('#code').fill('12ab');
		await page
			.locator('main')
			.getByRole('button', { name: t('en', 'code_submit') })
			.click();
		await expect(page.locator('#code-error')).toHaveText(t('en', 'field_code_invalid'));
	});
});

test.describe('bad input on /login', () => {
	const cases: { name: string; input: string; key: string; vars?: Record<string, string> }[] = [
		{ name: 'empty address', input: '', key: 'field_required' },
		{ name: 'malformed address', input: 'not-an-email', key: 'field_email_invalid' },
		{
			name: '300-character address',
			input: `${'a'.repeat(288)}@example.org`,
			key: 'field_too_long',
			vars: { max: '254' }
		}
	];
	for (const c of cases) {
		test(`${c.name} shows the field error and sends no email`, async ({ page }) => {
			const before = (await readMailbox(page)).length;
			// The mailbox lists the newest 100 emails; below that, the count shows every new one.
			expect(before).toBeLessThan(100);

			await page.goto('/login');
			await hydrated(page);
			// The browser would stop at maxlength; a script would not. The server must check itself.
			await page.locator('#email').evaluate((input) => input.removeAttribute('maxlength'));
			await page.locator('#email').fill(c.input);
			expect(await page.locator('#email').inputValue()).toHaveLength(c.input.length);
			await page.getByRole('button', { name: t('en', 'login_submit') }).click();

			await expect(page.locator('#email-error')).toHaveText(t('en', c.key, c.vars));
			await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
			await expect(page.locator('#email')).toHaveAttribute(
				'aria-describedby',
				'email-hint email-error'
			);
			await expect(page.locator('#email')).toBeFocused();
			expect(new URL(page.url()).pathname).toBe('/login');

			expect((await readMailbox(page)).length).toBe(before);
		});
	}
});

test('sixth sign-in request for one address within ten minutes is refused', async ({ page }) => {
	const email = uniqueEmail('limit');
	for (let i = 1; i <= 5; i++) {
		await requestLink(page, email);
		await page.waitForURL('/login/check-email?**');
	}
	await requestLink(page, email);
	await expect(page.locator('#email-error')).toHaveText(t('en', 'login_rate_limited'));
	expect(new URL(page.url()).pathname).toBe('/login');
	expect(await mailsTo(page, email)).toHaveLength(5);
});

test('address typed before the page’s scripts have loaded is kept and sent', async ({ page }) => {
	// A slow connection: the HTML is there and usable, the JavaScript is still on its way.
	const email = uniqueEmail('early');
	let release: () => void = () => {};
	const scriptsHeld = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.locator('#email').fill(email);

	release();
	await hydrated(page);
	await expect(page.locator('#email')).toHaveValue(email);
	await page.getByRole('button', { name: t('en', 'login_submit') }).click();
	await page.waitForURL(`/login/check-email?email=${encodeURIComponent(email)}&redirectTo=%2Fapp`);
});
