import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
	e2eDatabase,
	COOMPANION,
	DEMO,
	KVARTERSKRAFT,
	ensureApplicantInCoompanion,
	hydrated,
	labelFor,
	signInAs,
	signInByMagicLink,
	t,
	uniqueEmail
} from '../helpers';

/** The overview's line that names the organisation the person works in. */
const activeLine = (page: Page) => page.locator('main p').first();

async function switchInHeader(page: Page, name: string) {
	await page.locator('#organisation-switch').selectOption({ label: name });
	await page
		.getByRole('button', { name: t('en', 'organisation_switch_button'), exact: true })
		.click();
}

/** The "Your organisations" card on /account: [name, "Kind · Role", "Active" or the button's text]. */
async function accountOrganisations(page: Page): Promise<string[][]> {
	return page
		.getByRole('region', { name: t('en', 'account_organisations') })
		.locator('li')
		.evaluateAll((items) =>
			items.map((li) => [
				li.querySelector('span > span:first-child')?.textContent?.trim() ?? '',
				li.querySelector('span > span:last-child')?.textContent?.trim() ?? '',
				(li.querySelector(':scope > span:last-child, form button')?.textContent ?? '')
					.replace(/\s+/g, ' ')
					.trim()
			])
		);
}

async function organisationId(slug: string): Promise<string> {
	const client = await e2eDatabase();
	try {
		const result = await client.query<{ id: string }>(
			'SELECT id FROM organisation WHERE slug = $1',
			[slug]
		);
		return result.rows[0].id;
	} finally {
		await client.end();
	}
}

test.describe('a person in two organisations', () => {
	test.beforeAll(async ({ browser }) => {
		await ensureApplicantInCoompanion(browser);
	});

	test('header switcher moves between both organisations and stays on the page', async ({
		page
	}) => {
		await signInAs(page, 'applicant');
		const select = page.locator('#organisation-switch');
		// Listed by name.
		await expect(select.locator('option')).toHaveText([COOMPANION.name, KVARTERSKRAFT.name]);

		await switchInHeader(page, KVARTERSKRAFT.name);
		await page.waitForURL('/app');
		await expect(activeLine(page)).toHaveText(
			t('en', 'dashboard_active_org', { name: KVARTERSKRAFT.name })
		);
		await expect(select.locator('option:checked')).toHaveText(KVARTERSKRAFT.name);

		await page.goto('/applications');
		await switchInHeader(page, COOMPANION.name);
		await page.waitForURL('/applications');
		await page.goto('/app');
		await expect(activeLine(page)).toHaveText(
			t('en', 'dashboard_active_org', { name: COOMPANION.name })
		);
		await expect(select.locator('option:checked')).toHaveText(COOMPANION.name);
	});

	test('account page buttons make an organisation the active one', async ({ page }) => {
		await signInAs(page, 'applicant');
		await switchInHeader(page, KVARTERSKRAFT.name);
		await page.waitForURL('/app');

		await page.goto('/account');
		const kvarterskraftLine = `${t('en', 'kind_enterprise')} · ${t('en', 'role_manager')}`;
		const coompanionLine = `${t('en', 'kind_cluster')} · ${t('en', 'role_member')}`;
		expect(await accountOrganisations(page)).toEqual([
			[COOMPANION.name, coompanionLine, `${t('en', 'account_make_active')}: ${COOMPANION.name}`],
			[KVARTERSKRAFT.name, kvarterskraftLine, t('en', 'account_active')]
		]);

		await page
			.getByRole('button', { name: labelFor(t('en', 'account_make_active'), COOMPANION.name) })
			.click();
		await page.waitForURL('/account');
		expect(await accountOrganisations(page)).toEqual([
			[COOMPANION.name, coompanionLine, t('en', 'account_active')],
			[
				KVARTERSKRAFT.name,
				kvarterskraftLine,
				`${t('en', 'account_make_active')}: ${KVARTERSKRAFT.name}`
			]
		]);
		await page.goto('/app');
		await expect(activeLine(page)).toHaveText(
			t('en', 'dashboard_active_org', { name: COOMPANION.name })
		);

		await page.goto('/account');
		await page
			.getByRole('button', { name: labelFor(t('en', 'account_make_active'), KVARTERSKRAFT.name) })
			.click();
		await page.waitForURL('/account');
		await page.goto('/app');
		await expect(activeLine(page)).toHaveText(
			t('en', 'dashboard_active_org', { name: KVARTERSKRAFT.name })
		);
	});

	const forgeries = [
		{ name: 'a random id', id: async () => randomUUID(), status: 403 },
		{
			name: 'an organisation she is not in',
			id: () => organisationId('silicon-vilstal'),
			status: 403
		},
		{ name: 'something that is not an id', id: async () => 'kvarterskraft', status: 400 }
	];
	for (const forgery of forgeries) {
		test(`switching to ${forgery.name} is refused and keeps the active organisation`, async ({
			page
		}) => {
			const forged = await forgery.id();
			await signInAs(page, 'applicant');
			await switchInHeader(page, KVARTERSKRAFT.name);
			await page.waitForURL('/app');

			// Tamper with the form the page offers, as someone with the browser's developer tools would.
			await page.goto('/account');
			await hydrated(page);
			const form = page.locator('form[action="?/switchOrganisation"]');
			await expect(form).toHaveCount(1);
			await form.locator('input[name=organisationId]').evaluate((input, value) => {
				(input as HTMLInputElement).value = value;
			}, forged);
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				form.getByRole('button').click()
			]);
			expect(response.status()).toBe(forgery.status);
			await expect(
				page.getByRole('region', { name: t('en', 'account_organisations') }).getByRole('alert')
			).toHaveText(t('en', 'field_organisation_unknown'));

			await page.goto('/app');
			await expect(activeLine(page)).toHaveText(
				t('en', 'dashboard_active_org', { name: KVARTERSKRAFT.name })
			);
		});
	}
});

test.describe('profile form', () => {
	test('empty name is refused with a field error', async ({ page }) => {
		await signInAs(page, 'applicant', '/account');
		await hydrated(page);
		await page.locator('#name').fill('');
		await page.getByRole('button', { name: t('en', 'account_save') }).click();
		await expect(page.locator('#name-error')).toHaveText(t('en', 'field_required'));
		await expect(page.locator('#name')).toHaveAttribute('aria-invalid', 'true');
		// The keyboard is taken to the field to fix, not left on "Save".
		await expect(page.locator('#name')).toBeFocused();

		await page.goto('/app');
		await expect(page.locator('main h1')).toHaveText(
			t('en', 'dashboard_title', { name: DEMO.applicant.name })
		);
	});

	test('name of 121 characters is refused as too long', async ({ page }) => {
		await signInAs(page, 'applicant', '/account');
		await hydrated(page);
		await page.locator('#name').evaluate((input) => input.removeAttribute('maxlength'));
		await page.locator('#name').fill('N'.repeat(121));
		await page.getByRole('button', { name: t('en', 'account_save') }).click();
		await expect(page.locator('#name-error')).toHaveText(t('en', 'field_too_long', { max: 120 }));
		await expect(page.locator('#name')).toHaveValue('N'.repeat(121));

		await page.goto('/app');
		await expect(page.locator('main h1')).toHaveText(
			t('en', 'dashboard_title', { name: DEMO.applicant.name })
		);
	});

	test('saving a name and Deutsch as language renames the person and turns the interface German', async ({
		page
	}) => {
		// A person of their own, so the demo people keep their settings for the other specs.
		const email = uniqueEmail('profile');
		await signInByMagicLink(page, email);
		await page.goto('/account');
		await hydrated(page);
		await expect(page.locator('#locale option:checked')).toHaveText(
			t('en', 'account_locale_browser')
		);

		await page.locator('#name').fill('Åsa Öberg-Müller');
		await page.locator('#locale').selectOption('de');
		await page.getByRole('button', { name: t('en', 'account_save') }).click();

		await page.waitForURL('/account?saved=1');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('main h1')).toHaveText(t('de', 'account_title'));
		await expect(page.getByRole('status')).toHaveText(t('de', 'account_saved'));
		await expect(page.locator('#name')).toHaveValue('Åsa Öberg-Müller');
		await expect(page.locator('#locale option:checked')).toHaveText(t('de', 'language_de'));

		await page.goto('/app');
		await expect(page.locator('main h1')).toHaveText(
			t('de', 'dashboard_title', { name: 'Åsa Öberg-Müller' })
		);
		await expect(
			page.getByRole('navigation', { name: t('de', 'nav_main') }).getByRole('link')
		).toHaveText([
			t('de', 'nav_calls'),
			t('de', 'nav_dashboard'),
			t('de', 'nav_account'),
			t('de', 'nav_mailbox')
		]);
	});
});
