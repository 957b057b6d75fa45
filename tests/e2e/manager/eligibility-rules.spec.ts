import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	e2eDatabase,
	COOMPANION,
	expectNoSeriousA11yViolations,
	hydrated,
	t,
	type Locale,
	openAs,
	managerFollowsBrowserLanguage,
	uniqueSuffix
} from '../helpers';

/*
 * The eligibility rules of a call, as Maja (cluster manager of Coompanion Örebro) sets them: the
 * two number rules ("founded after" a year, "fewer employees than") switched on without a number,
 * with a year out of range, then with good values next to a country rule. Each mistake is told
 * next to its field, in her language, and nothing is saved until all is right. Every test works
 * on a draft call of its own, which no other spec knows.
 */

const COUNTRY = 'SE';

/** A draft call of Coompanion without rules, written straight into the e2e database. */
async function seedDraftCall(): Promise<{ id: string; path: string }> {
	const suffix = uniqueSuffix();
	const title = {
		en: `Eligibility rules ${suffix}`,
		de: `Teilnahmeregeln ${suffix}`,
		sv: `Behörighetsregler ${suffix}`
	};
	const client = await e2eDatabase();
	try {
		const { rows } = await client.query<{ id: string }>(
			`INSERT INTO call (slug, programme_id, organisation_id, title, status, opens_at, closes_at)
			 VALUES ($1, (SELECT id FROM programme WHERE slug = 'socialtech4eu'),
			         (SELECT id FROM organisation WHERE slug = $2), $3, 'draft',
			         now() + interval '7 days', now() + interval '37 days')
			 RETURNING id`,
			[`eligibility-rules-${suffix}`, COOMPANION.slug, JSON.stringify(title)]
		);
		const id = rows[0].id;
		return { id, path: `/manage/${COOMPANION.slug}/calls/${id}/eligibility` };
	} finally {
		await client.end();
	}
}

/** Maja on the eligibility page of a draft call of her own, the page ready for her. */
async function openNewCallRules(page: Page) {
	const call = await seedDraftCall();
	await openAs(page, 'manager', call.path);
	return call;
}

/** The rules stored with the call. */
async function savedRules(callId: string): Promise<unknown[]> {
	const client = await e2eDatabase();
	try {
		const { rows } = await client.query<{ rules: unknown[] }>(
			'SELECT eligibility_rules AS rules FROM call WHERE id = $1',
			[callId]
		);
		return rows[0].rules;
	} finally {
		await client.end();
	}
}

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The page's controls, found the way people find them: by their labels. */
function rulesForm(page: Page, locale: Locale) {
	const ruleSwitch = (key: string) =>
		page.getByRole('checkbox', { name: t(locale, key), exact: true });
	return {
		foundedOn: ruleSwitch('manage_rules_founded'),
		founded: page.getByLabel(t(locale, 'manage_rules_founded_year'), { exact: true }),
		employeesOn: ruleSwitch('manage_rules_employees'),
		employees: page.getByLabel(t(locale, 'manage_rules_employees_limit'), { exact: true }),
		countryOn: ruleSwitch('manage_rules_country'),
		country: (code: string) =>
			page.getByRole('checkbox', {
				name: new Intl.DisplayNames([locale], { type: 'region' }).of(code),
				exact: true
			}),
		save: page.getByRole('button', { name: t(locale, 'manage_rules_save'), exact: true }),
		/** The summary above the form after a refused save. */
		problems: page.getByRole('alert').filter({ hasText: t(locale, 'form_has_errors') }),
		/** "Saved." after a save that went through. */
		saved: page.getByRole('status').filter({
			hasText: new RegExp(`^\\s*${escape(t(locale, 'manage_saved'))}\\s*$`)
		})
	};
}

/** `input` is marked invalid, and the text is shown next to it and read out with it. */
async function expectError(input: Locator, rule: 'rule-founded' | 'rule-employees', text: string) {
	await expect(input).toHaveAttribute('id', `${rule}-value`);
	await expect(input).toHaveAttribute('aria-invalid', 'true');
	await expect(input).toHaveAttribute(
		'aria-describedby',
		new RegExp(`(^|\\s)${rule}-error(\\s|$)`)
	);
	const error = input.locator('xpath=..').locator(`#${rule}-error`);
	await expect(error).toBeVisible();
	await expect(error).toHaveText(text);
	await expect(input).toHaveAccessibleDescription(new RegExp(escape(text)));
}

/** `input` is not marked invalid and has no error next to it. */
async function expectNoError(input: Locator, rule: 'rule-founded' | 'rule-employees') {
	await expect(input).toHaveAttribute('aria-invalid', 'false');
	await expect(input).toHaveAttribute('aria-describedby', `${rule}-hint`);
	await expect(input.page().locator(`#${rule}-error`)).toHaveCount(0);
}

// Maja's language is stored with her account when she switches; the other specs expect her to
// follow the browser, as the demo data has it, and each test starts from there.
test.beforeEach(managerFollowsBrowserLanguage);
test.afterAll(managerFollowsBrowserLanguage);

test('manager sets the number rules: missing and out-of-range values are refused, good ones saved', async ({
	page
}) => {
	const call = await openNewCallRules(page);
	await expect(
		page.getByRole('heading', { level: 3, name: t('en', 'manage_call_tab_eligibility') })
	).toBeVisible();
	const form = rulesForm(page, 'en');

	// No rules yet: every switch off, their settings hidden.
	await expect(form.foundedOn).not.toBeChecked();
	await expect(form.employeesOn).not.toBeChecked();
	await expect(form.countryOn).not.toBeChecked();
	await expect(form.founded).toBeHidden();
	await expect(form.employees).toBeHidden();

	// Both number rules on, their numbers left empty: each field says what is missing.
	await form.foundedOn.check();
	await expect(form.founded).toBeVisible();
	await expect(form.founded).toHaveValue('');
	await form.employeesOn.check();
	await expect(form.employees).toBeVisible();
	await expect(form.employees).toHaveValue('');
	await form.save.click();
	await expect(form.problems).toBeVisible();
	await expectError(form.founded, 'rule-founded', t('en', 'field_required'));
	await expectError(form.employees, 'rule-employees', t('en', 'field_required'));
	// The keyboard lands on the first thing to fix, not on the button it pressed.
	await expect(form.founded).toBeFocused();
	await expect(form.foundedOn).toBeChecked();
	await expect(form.employeesOn).toBeChecked();
	await expect(form.saved).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	// Nothing was saved.
	expect(await savedRules(call.id)).toEqual([]);
	await page.reload();
	await hydrated(page);
	await expect(form.foundedOn).not.toBeChecked();
	await expect(form.employeesOn).not.toBeChecked();
	await expect(form.problems).toHaveCount(0);

	// A year before 1800, then after 2100: the range is told next to the year; the employee limit
	// is fine, and both numbers stay as typed.
	await form.foundedOn.check();
	await form.founded.fill('1700');
	await form.employeesOn.check();
	await form.employees.fill('50');
	await form.save.click();
	await expectError(form.founded, 'rule-founded', t('en', 'field_number_min', { min: 1800 }));
	await expectNoError(form.employees, 'rule-employees');
	await expect(form.founded).toHaveValue('1700');
	await expect(form.employees).toHaveValue('50');
	await form.founded.fill('2101');
	await form.save.click();
	await expectError(form.founded, 'rule-founded', t('en', 'field_number_max', { max: 2100 }));
	await expect(form.founded).toHaveValue('2101');
	await expect(form.founded).toBeFocused();
	expect(await savedRules(call.id)).toEqual([]);

	// Good values, and a country rule besides: saved.
	await form.founded.fill('2015');
	await form.countryOn.check();
	await form.country(COUNTRY).check();
	await form.save.click();
	await expect(form.saved).toBeVisible();
	await expect(form.problems).toHaveCount(0);
	await expectNoError(form.founded, 'rule-founded');
	await expectNoError(form.employees, 'rule-employees');
	expect(await savedRules(call.id)).toEqual([
		{ kind: 'country_in', countries: [COUNTRY] },
		{ kind: 'founded_after', year: 2015 },
		{ kind: 'employees_below', limit: 50 }
	]);

	// After a reload the switches are on and the values are there, each field with its hint.
	await page.reload();
	await hydrated(page);
	await expect(form.foundedOn).toBeChecked();
	await expect(form.founded).toHaveValue('2015');
	await expect(form.founded).toHaveAccessibleDescription(t('en', 'manage_rules_founded_hint'));
	await expect(form.employeesOn).toBeChecked();
	await expect(form.employees).toHaveValue('50');
	await expect(form.employees).toHaveAccessibleDescription(t('en', 'manage_rules_employees_hint'));
	await expect(form.countryOn).toBeChecked();
	await expect(form.country(COUNTRY)).toBeChecked();
	await expect(form.saved).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	// A rule switched off with a number left out of range: the hidden number is not in the way.
	await form.employees.fill('0');
	await form.employeesOn.uncheck();
	await expect(form.employees).toBeHidden();
	await form.save.click();
	await expect(form.saved).toBeVisible();
	await expect(form.problems).toHaveCount(0);
	expect(await savedRules(call.id)).toEqual([
		{ kind: 'country_in', countries: [COUNTRY] },
		{ kind: 'founded_after', year: 2015 }
	]);
});

test('the errors of the number rules are in the manager’s language', async ({ page }) => {
	const call = await openNewCallRules(page);
	await page.getByRole('button', { name: t('en', 'language_de'), exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page).toHaveURL(new RegExp(`${escape(call.path)}$`));
	await hydrated(page);
	const form = rulesForm(page, 'de');

	await form.foundedOn.check();
	await form.employeesOn.check();
	await form.employees.fill('0');
	await form.save.click();
	await expect(form.problems).toBeVisible();
	await expectError(form.founded, 'rule-founded', t('de', 'field_required'));
	await expectError(form.employees, 'rule-employees', t('de', 'field_number_min', { min: 1 }));
	expect(await savedRules(call.id)).toEqual([]);
});

test('a problem without a field of its own takes the keyboard to the form’s message', async ({
	page
}) => {
	const call = await openNewCallRules(page);
	const form = rulesForm(page, 'en');

	// The country rule on without a country: the list is told, and focus goes to the summary.
	await form.countryOn.check();
	await form.save.click();
	await expect(form.problems).toBeVisible();
	await expect(form.problems).toBeFocused();
	await expect(page.locator('#countries-error')).toHaveText(t('en', 'manage_rules_choose_one'));
	await expect(form.countryOn).toBeChecked();
	expect(await savedRules(call.id)).toEqual([]);
});
