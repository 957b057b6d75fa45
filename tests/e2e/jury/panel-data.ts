import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import {
	BASE_URL,
	E2E_PG_PORT,
	e2ePgPassword,
	expectNoSeriousA11yViolations,
	hydrated,
	latestMailTo,
	t,
	type Locale,
	uniqueSuffix
} from '../helpers';

/**
 * Data the jury panel's journey starts from, written straight into the app's database (the call
 * flow has its own journeys): a closed call of Coompanion Örebro inside SocialTech4EU with
 * submitted applications, so Maja has something to assign.
 */

export interface SeededApplication {
	organisation: string;
	locale: Locale;
	impactAreas: number[];
	/**
	 * An organisation of the demo seed (by slug) and one of its people (by email) to apply as,
	 * instead of a new enterprise with a founder of its own; `organisation` is then its name.
	 */
	existing?: { slug: string; email: string };
}

/** A scoring criterion of the seeded call, in the three languages. */
export interface SeededCriterion {
	name: Record<Locale, string>;
	weight: number;
	scaleMin: number;
	scaleMax: number;
}

async function client(connection?: { port: number; password: string }) {
	const c = new pg.Client({
		host: '127.0.0.1',
		port: connection?.port ?? E2E_PG_PORT,
		user: 'postgres',
		password: connection?.password ?? e2ePgPassword(),
		database: 'tandem'
	});
	await c.connect();
	return c;
}

/**
 * Creates the call, its criteria and its applications; returns the call's id, its title (English,
 * and in every language) and each application's id by organisation name.
 */
export async function seedJuryCall(
	applications: SeededApplication[],
	connection?: { port: number; password: string },
	criteria: SeededCriterion[] = []
) {
	const db = await client(connection);
	const suffix = uniqueSuffix();
	const title = `Jury journey ${suffix}`;
	const titles: Record<Locale, string> = {
		en: title,
		sv: `Juryresa ${suffix}`,
		de: `Jury-Reise ${suffix}`
	};
	const applicationIds: Record<string, string> = {};
	try {
		await db.query('BEGIN');
		const demo = await db.query<{ programme_id: string; organisation_id: string }>(
			"SELECT programme_id, organisation_id FROM call WHERE slug = 'innovation-support-2026'"
		);
		const { programme_id: programmeId, organisation_id: organisationId } = demo.rows[0];
		const now = Date.now();
		const created = await db.query<{ id: string }>(
			`INSERT INTO call (slug, programme_id, organisation_id, title, status, opens_at, closes_at, form)
			 VALUES ($1, $2, $3, $4, 'closed', $5, $6, '{"sections":[]}') RETURNING id`,
			[
				`jury-journey-${suffix}`,
				programmeId,
				organisationId,
				JSON.stringify(titles),
				new Date(now - 30 * 86_400_000),
				new Date(now - 86_400_000)
			]
		);
		const callId = created.rows[0].id;
		for (const [position, c] of criteria.entries())
			await db.query(
				`INSERT INTO call_criterion (call_id, name, weight, scale_min, scale_max, position)
				 VALUES ($1, $2, $3, $4, $5, $6)`,
				[callId, JSON.stringify(c.name), c.weight, c.scaleMin, c.scaleMax, position]
			);
		for (const app of applications) {
			if (app.existing) {
				const found = await db.query<{ organisation_id: string; user_id: string }>(
					`SELECT o.id AS organisation_id, u.id AS user_id FROM organisation o, "user" u
					 WHERE o.slug = $1 AND u.email = $2`,
					[app.existing.slug, app.existing.email]
				);
				const { organisation_id: orgId, user_id: userId } = found.rows[0];
				const inserted = await db.query<{ id: string }>(
					`INSERT INTO application (call_id, organisation_id, status, locale, created_by, submitted_at)
					 VALUES ($1, $2, 'submitted', $3, $4, now()) RETURNING id`,
					[callId, orgId, app.locale, userId]
				);
				applicationIds[app.organisation] = inserted.rows[0].id;
				continue;
			}
			const org = await db.query<{ id: string }>(
				`INSERT INTO organisation (slug, name, kind, country, impact_areas, legal_form, founded_year, employees)
				 VALUES ($1, $2, 'enterprise', 'SE', $3, 'cooperative', 2019, 5) RETURNING id`,
				[
					`${app.organisation.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix}`,
					app.organisation,
					app.impactAreas
				]
			);
			const userId = randomUUID();
			await db.query(
				`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, $2, $3, true)`,
				[
					userId,
					`Founder of ${app.organisation}`,
					`founder-${suffix}-${randomBytes(2).toString('hex')}@example.org`
				]
			);
			await db.query(
				`INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, 'manager')`,
				[org.rows[0].id, userId]
			);
			const inserted = await db.query<{ id: string }>(
				`INSERT INTO application (call_id, organisation_id, status, locale, created_by, submitted_at)
				 VALUES ($1, $2, 'submitted', $3, $4, now()) RETURNING id`,
				[callId, org.rows[0].id, app.locale, userId]
			);
			applicationIds[app.organisation] = inserted.rows[0].id;
		}
		await db.query('COMMIT');
		return { callId, title, titles, applicationIds };
	} catch (error) {
		await db.query('ROLLBACK');
		throw error;
	} finally {
		await db.end();
	}
}

/** A catalogue the shared `t()` does not read: messages/<area>/<locale>.json. */
function catalogue(area: string, locale: Locale): Record<string, string> {
	return JSON.parse(readFileSync(resolve(`messages/${area}/${locale}.json`), 'utf8'));
}

const areas = new Map<string, Record<string, string>>();

/** One text of an area's catalogue with its `{placeholders}` filled in. */
export function areaText(
	area: 'jury' | 'calls' | 'review' | 'decisions',
	locale: Locale,
	key: string,
	vars: Record<string, string | number> = {}
) {
	const id = `${area}/${locale}`;
	if (!areas.has(id)) areas.set(id, catalogue(area, locale));
	const template = areas.get(id)?.[key];
	if (template === undefined) throw new Error(`messages/${id}.json has no key ${key}`);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole
	);
}

/** One jury text (messages/jury/<locale>.json) with its `{placeholders}` filled in. */
export const tj = (locale: Locale, key: string, vars: Record<string, string | number> = {}) =>
	areaText('jury', locale, key, vars);

export interface Juror {
	name: string;
	email: string;
	/** Ticked by Maja in the invitation. */
	prefilled: string[];
	/** Ticked by the juror on their own page. */
	languages: string[];
	sdgs: number[];
	/** The invitation link from the email, once read. */
	link?: string;
	/** The signed-in browser state after accepting, for the juror's later visits. */
	session?: Awaited<ReturnType<BrowserContext['storageState']>>;
}

/** Each application's reviewers as "name — why" lines, with markers for pinned pairs. */
export async function reviewersByApplication(page: Page): Promise<Record<string, string[]>> {
	return page
		.locator('[data-application]')
		.evaluateAll((articles) =>
			Object.fromEntries(
				articles.map((article) => [
					article.getAttribute('data-application') ?? '',
					[...article.querySelectorAll('[data-reviewer]')].map((li) =>
						[
							li.getAttribute('data-reviewer'),
							li.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim(),
							li.querySelector('[data-testid=why]')?.textContent?.replace(/\s+/g, ' ').trim()
						].join(' | ')
					)
				])
			)
		);
}

/**
 * A juror in a browser of their own: from the invitation email, through signing in by magic link,
 * to their expertise page, where they tick the languages they read and their impact areas.
 */
export async function acceptInvitation(
	browser: Browser,
	juror: Juror,
	call: { id: string; title: string },
	{ checkA11y = false } = {}
) {
	const { id: callId, title: callTitle } = call;
	const context = await browser.newContext({ baseURL: BASE_URL });
	const page = await context.newPage();
	try {
		const invitation = await latestMailTo(page, juror.email);
		expect(invitation.subject).toBe(tj('en', 'jury_email_invitation_subject', { call: callTitle }));
		const link = invitation.links[0];
		juror.link = link;
		expect(link).toMatch(new RegExp(`^${BASE_URL}/jury/invitation/[A-Za-z0-9_-]+$`));
		const path = new URL(link).pathname;

		await page.goto(link);
		await expect(page.locator('main h1')).toHaveText(
			tj('en', 'jury_invitation_title', { call: callTitle })
		);
		await expect(
			page.getByText(tj('en', 'jury_invitation_for', { email: juror.email }))
		).toBeVisible();
		if (checkA11y) await expectNoSeriousA11yViolations(page);
		await page
			.getByRole('button', { name: tj('en', 'jury_invitation_sign_in', { email: juror.email }) })
			.click();
		await page.waitForURL(/\/login\/check-email/);
		const signIn = await latestMailTo(page, juror.email);
		expect(signIn.subject).toBe(t('en', 'email_magic_link_subject'));
		await page.goto(signIn.links[0]);
		await page.waitForURL(path);

		await page.getByRole('button', { name: tj('en', 'jury_invitation_accept') }).click();
		await page.waitForURL(`/jury/profile/${callId}?welcome=1`);
		await expect(page.locator('main h1')).toHaveText(tj('en', 'jury_profile_title'));
		await expect(page.locator('main').getByRole('status')).toHaveText(
			tj('en', 'jury_profile_welcome')
		);
		await hydrated(page);
		// What Maja already knew is there; the juror adds the rest.
		for (const language of juror.prefilled)
			await expect(page.locator(`input[name=languages][value=${language}]`)).toBeChecked();
		for (const language of juror.languages)
			await page.locator(`input[name=languages][value=${language}]`).check();
		await page.locator('summary', { hasText: tj('en', 'jury_impact_areas') }).click();
		for (const goal of juror.sdgs) await page.locator(`input[name=sdgs][value="${goal}"]`).check();
		if (checkA11y) await expectNoSeriousA11yViolations(page);
		await page.getByRole('button', { name: tj('en', 'jury_profile_save') }).click();
		await expect(page.locator('main').getByRole('status')).toHaveText(
			tj('en', 'jury_profile_saved')
		);

		// Their review space is open to them now.
		expect((await page.goto('/review'))?.status()).toBe(200);
		// Kept, so that later steps need no new sign-in link (those are rate-limited).
		juror.session = await context.storageState();
	} finally {
		await context.close();
	}
}

/** On the panel page, Maja invites one juror by email, with the languages she knows they read. */
export async function inviteJuror(page: Page, juror: Juror) {
	await hydrated(page);
	const card = page.getByRole('region', { name: tj('en', 'jury_invite_title') });
	await card.locator('#invite-email').fill(juror.email);
	await card.locator('#invite-name').fill(juror.name);
	for (const language of juror.prefilled)
		await card.locator(`input[name=languages][value=${language}]`).check();
	await card.getByRole('button', { name: tj('en', 'jury_invite_submit') }).click();
	await expect(card.getByRole('status')).toHaveText(
		tj('en', 'jury_invite_sent', { email: juror.email })
	);
}
