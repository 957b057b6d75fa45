import { expect, test, type Page } from '@playwright/test';
import {
	DEMO,
	messagePattern,
	messages,
	ownTexts,
	signInWithDemoButton,
	t,
	type Locale
} from '../helpers';

const TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE' };

/** Catalogue texts the landing page shows to an anonymous visitor in local mode. */
const LANDING_KEYS = [
	'nav_mailbox',
	'nav_sign_in',
	'landing_title',
	'landing_lead',
	'landing_cta_sign_in',
	'landing_for_whom',
	'landing_audience_enterprises',
	'landing_audience_juries',
	'landing_audience_managers',
	'landing_features',
	'landing_feature_calls',
	'landing_feature_review',
	'landing_feature_events',
	'landing_feature_vouchers',
	'landing_programmes',
	'programme_funder',
	'programme_period',
	'programme_budget',
	'programme_targets',
	'footer_text',
	'footer_local_mode'
];

/** Catalogue texts /login shows in local mode (the demo buttons are checked with their role names). */
const LOGIN_KEYS = [
	'nav_mailbox',
	'nav_sign_in',
	'login_title',
	'login_intro',
	'login_email_label',
	'login_email_hint',
	'login_submit',
	'login_use_code',
	'login_demo_title',
	'login_demo_intro',
	'footer_text',
	'footer_local_mode'
];

const DEMO_ROLE_KEYS = [
	'role_applicant',
	'role_juror',
	'role_coach',
	'role_provider',
	'role_manager',
	'role_admin'
];

async function switchLanguage(page: Page, locale: Locale) {
	await page.getByRole('button', { name: messages.en[`language_${locale}`], exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Every English text of the catalogue that the translation changes, as it would appear on a page. */
function untranslatedEnglish(locale: Locale) {
	return Object.keys(messages.en)
		.filter((key) => messages.en[key] !== messages[locale][key])
		.map((key) => ({ key, text: messages.en[key], pattern: messagePattern(messages.en[key]) }));
}

/** No element in header or main (shown or hidden) carries an English catalogue text. */
async function expectNoEnglish(page: Page, locale: Locale) {
	const texts = await ownTexts(page, { all: true });
	const whole = await page
		.locator('header, main')
		.evaluateAll((els) => els.map((e) => e.textContent ?? '').join('\n'));
	const found: string[] = [];
	for (const { key, text, pattern } of untranslatedEnglish(locale)) {
		const hit = texts.find((own) => pattern.test(own));
		if (hit) found.push(`${key}: "${hit}"`);
		// Long sentences are unambiguous even inside a larger text.
		const longest = text.split(/\{\w+\}/).reduce((a, b) => (b.length > a.length ? b : a), '');
		if (longest.length >= 20 && whole.includes(longest)) found.push(`${key}: …${longest}…`);
	}
	expect(found, `English texts on ${page.url()} in ${locale}`).toEqual([]);
}

async function expectShown(page: Page, expected: string[]) {
	const visible = new Set(await ownTexts(page));
	expect(expected.filter((text) => !visible.has(text))).toEqual([]);
}

for (const locale of ['de', 'sv'] as const) {
	test(`landing page switched to ${locale} shows every text in ${locale} and none in English`, async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await switchLanguage(page, locale);

		expect(new URL(page.url()).pathname).toBe('/');
		await expect(page).toHaveTitle(`${t(locale, 'app_name')} — ${t(locale, 'app_tagline')}`);
		await expectShown(
			page,
			LANDING_KEYS.map((key) => t(locale, key))
		);
		await expect(page.getByRole('navigation', { name: t(locale, 'nav_main') })).toBeVisible();
		await expect(
			page.getByRole('button', { name: messages.en[`language_${locale}`] })
		).toHaveAttribute('aria-current', 'true');
		await expectNoEnglish(page, locale);
	});

	test(`sign-in page switched to ${locale} shows every text in ${locale} and none in English`, async ({
		page
	}) => {
		await page.goto('/login');
		await switchLanguage(page, locale);

		expect(new URL(page.url()).pathname).toBe('/login');
		await expect(page).toHaveTitle(`${t(locale, 'login_title')} — ${t(locale, 'app_name')}`);
		await expectShown(page, [
			...LOGIN_KEYS.map((key) => t(locale, key)),
			...DEMO_ROLE_KEYS.map((role) => t(locale, 'login_demo_as', { role: t(locale, role) }))
		]);
		await expectNoEnglish(page, locale);
	});
}

test('chosen language stays across navigation and new tabs', async ({ page, context }) => {
	await page.goto('/');
	await switchLanguage(page, 'sv');

	await page.getByRole('link', { name: t('sv', 'landing_cta_sign_in') }).click();
	await page.waitForURL('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.locator('main h1')).toHaveText(t('sv', 'login_title'));

	await page.getByRole('link', { name: t('sv', 'login_use_code') }).click();
	await page.waitForURL('/login/code?**');
	await expect(page.locator('main h1')).toHaveText(t('sv', 'code_title'));

	const other = await context.newPage();
	await other.goto('/');
	await expect(other.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(other.locator('main h1')).toHaveText(t('sv', 'landing_title'));

	await switchLanguage(other, 'en');
	await expect(other.locator('main h1')).toHaveText(t('en', 'landing_title'));
});

test.describe('browser asking for German', () => {
	test.use({ locale: 'de-DE' });

	test('browser asking for German gets German on the first visit', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('main h1')).toHaveText(t('de', 'landing_title'));
		await expectNoEnglish(page, 'de');

		await page.goto('/login');
		await expect(page.locator('main h1')).toHaveText(t('de', 'login_title'));
	});
});

test('juror with Swedish stored gets Swedish after demo sign-in in an English browser', async ({
	page
}) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await signInWithDemoButton(page, 'juror');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.locator('main h1')).toHaveText(
		t('sv', 'dashboard_title', { name: DEMO.juror.name })
	);
	await expectNoEnglish(page, 'sv');

	await page.goto('/review');
	await expect(page.locator('main h1')).toHaveText(t('sv', 'review_title'));
	await expectNoEnglish(page, 'sv');
});

test.describe('dates and money', () => {
	const money = (locale: Locale, amount: number, currency: string) =>
		new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency }).format(amount);
	const day = (locale: Locale, iso: string) =>
		new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
			new Date(`${iso}T00:00:00Z`)
		);

	/** What the seeded SocialTech4EU card must say, written out so a change in Intl shows up too. */
	const LITERAL: Record<Locale, { budget: string; period: string }> = {
		en: { budget: '€1,480,000.00', period: '1 September 2022 – 31 August 2024' },
		de: { budget: '1.480.000,00\u00a0€', period: '1. September 2022 – 31. August 2024' },
		sv: { budget: '1\u00a0480\u00a0000,00\u00a0€', period: '1 september 2022 – 31 augusti 2024' }
	};

	for (const locale of ['en', 'de', 'sv'] as const) {
		test(`programme budget and period are formatted for ${locale}`, async ({ page }) => {
			await page.goto('/');
			if (locale !== 'en') await switchLanguage(page, locale);

			const card = (name: string) =>
				page
					.locator('main section:has(> div > h3)')
					.filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
			const value = (name: string, key: string) =>
				card(name)
					.locator('dt', { hasText: t(locale, key) })
					.locator('xpath=following-sibling::dd');

			// Read raw text: toHaveText would fold the no-break spaces into plain ones.
			const text = async (name: string, key: string) =>
				((await value(name, key).textContent()) ?? '').trim();

			const socialTech = 'SocialTech4EU';
			expect(await text(socialTech, 'programme_budget')).toBe(money(locale, 1_480_000, 'EUR'));
			expect(await text(socialTech, 'programme_budget')).toBe(LITERAL[locale].budget);
			expect(await text(socialTech, 'programme_period')).toBe(
				t(locale, 'programme_period_value', {
					start: day(locale, '2022-09-01'),
					end: day(locale, '2024-08-31')
				})
			);
			expect(await text(socialTech, 'programme_period')).toBe(LITERAL[locale].period);

			const midNordic = {
				en: 'Establishment partnership Mid-Nordic',
				de: 'Ansiedlungspartnerschaft Mittnorden',
				sv: 'Etableringsfrämjande samverkan Mittnorden'
			}[locale];
			expect(await text(midNordic, 'programme_budget')).toBe(money(locale, 8_168_675, 'SEK'));
			expect(await text(midNordic, 'programme_period')).toBe(
				t(locale, 'programme_period_value', {
					start: day(locale, '2017-05-14'),
					end: day(locale, '2020-05-14')
				})
			);
		});
	}
});
