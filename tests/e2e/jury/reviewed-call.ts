import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { COOMPANION, DEMO, e2eDatabase, type Locale, uniqueSuffix } from '../helpers';

/** The decisions catalogue (messages/decisions/), which the root catalogue helpers do not read. */
const catalogue = Object.fromEntries(
	(['en', 'de', 'sv'] as const).map((l) => [
		l,
		JSON.parse(readFileSync(resolve('messages/decisions', `${l}.json`), 'utf8')) as Record<
			string,
			string
		>
	])
) as Record<Locale, Record<string, string>>;

export function d(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
	const template = catalogue[locale][key];
	if (template === undefined)
		throw new Error(`messages/decisions/${locale}.json has no key ${key}`);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole
	);
}

export const FEEDBACK =
	'Herzlichen Glückwunsch! Ihr Konzept für Nachbarschaftsenergie hat die Jury überzeugt.';

export interface Seeded {
	callId: string;
	base: string;
	title: { en: string; de: string; sv: string };
}

/**
 * A call in review with three submitted applications, each scored by two of three jurors (one of
 * them harsh) — the hand-computed case of the integration tests. Raw: Kvarterskraft 75,
 * Ponte Sociale 57.5, Grünhof 55; juror-normalised: Ponte Sociale, Kvarterskraft, Grünhof.
 * Written straight into the e2e database, as the jury's work would leave it.
 */
export async function seedReviewedCall(): Promise<Seeded> {
	const suffix = uniqueSuffix();
	const TITLE = { en: `Selection ${suffix}`, de: `Auswahl ${suffix}`, sv: `Urval ${suffix}` };
	const client = await e2eDatabase();
	try {
		await client.query('BEGIN');
		const one = async (text: string, params: unknown[] = []) =>
			(await client.query(text, params)).rows[0];
		const programme = await one(`SELECT id FROM programme WHERE slug = 'socialtech4eu'`);
		const cluster = await one(`SELECT id FROM organisation WHERE slug = $1`, [COOMPANION.slug]);
		const amira = await one(`SELECT id FROM "user" WHERE email = $1`, [DEMO.applicant.email]);
		const call = await one(
			`INSERT INTO call (slug, programme_id, organisation_id, title, status, opens_at, closes_at)
			 VALUES ($1, $2, $3, $4, 'in_review', now() - interval '30 days', now() - interval '1 day') RETURNING id`,
			[`selection-${suffix}`, programme.id, cluster.id, JSON.stringify(TITLE)]
		);
		const [impact, feasibility] = [
			await one(
				`INSERT INTO call_criterion (call_id, name, weight, scale_min, scale_max, position)
				 VALUES ($1, $2, 3, 0, 10, 0) RETURNING id`,
				[call.id, JSON.stringify({ en: 'Impact', de: 'Wirkung', sv: 'Effekt' })]
			),
			await one(
				`INSERT INTO call_criterion (call_id, name, weight, scale_min, scale_max, position)
				 VALUES ($1, $2, 1, 0, 10, 1) RETURNING id`,
				[call.id, JSON.stringify({ en: 'Feasibility', de: 'Machbarkeit', sv: 'Genomförbarhet' })]
			)
		];
		await client.query(
			`INSERT INTO jury_settings (call_id, phase, reviewers_per_application) VALUES ($1, 'closed', 2)`,
			[call.id]
		);
		const jurors = [];
		for (const name of ['Lena Lenient', 'Tom Typical', 'Hanna Harsh']) {
			jurors.push(
				(
					await one(
						`INSERT INTO jury_member (call_id, email, name, languages, accepted_at)
						 VALUES ($1, $2, $3, '{en,de,sv}', now()) RETURNING id`,
						[call.id, `${name.split(' ')[0].toLowerCase()}-${suffix}@jury.example`, name]
					)
				).id as string
			);
		}
		const applicant = async (slug: string, locale: string, userId?: string) => {
			const org = await one(`SELECT id FROM organisation WHERE slug = $1`, [slug]);
			let createdBy = userId;
			if (!createdBy) {
				createdBy = randomUUID();
				await client.query(
					`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, $2, $3, true)`,
					[createdBy, `Applicant ${slug}`, `${slug}-${suffix}@applicant.example`]
				);
			}
			return (
				await one(
					`INSERT INTO application (call_id, organisation_id, status, locale, created_by, submitted_at, eligibility, screening)
					 VALUES ($1, $2, 'submitted', $3, $4, now() - interval '2 days', 'eligible', 'eligible') RETURNING id`,
					[call.id, org.id, locale, createdBy]
				)
			).id as string;
		};
		const a = await applicant('kvarterskraft', 'de', amira.id);
		const b = await applicant('gruenhof-inklusion', 'de');
		const c = await applicant('ponte-sociale', 'en');
		const review = (
			applicationId: string,
			jurorId: string,
			[i, f]: [number, number],
			comment: string,
			note = ''
		) =>
			client.query(
				`INSERT INTO review (call_id, application_id, jury_member_id, status, reasons, scores, comment, private_note, total, started_at, submitted_at)
				 VALUES ($1, $2, $3, 'submitted', '{"sharedTags":[],"language":"en"}', $4, $5, $6, $7, now(), now())`,
				[
					call.id,
					applicationId,
					jurorId,
					JSON.stringify({ [impact.id]: i, [feasibility.id]: f }),
					comment,
					note,
					7.5 * i + 2.5 * f
				]
			);
		const [lenient, typical, harsh] = jurors;
		await review(
			a,
			lenient,
			[10, 6],
			'Ein starkes Team mit einem klaren Plan.',
			'Knows the mayor personally.'
		);
		await review(b, lenient, [10, 2], 'Good idea, thin budget.');
		await review(a, typical, [6, 6], '', 'Unsure about the budget.');
		await review(c, typical, [9, 3], 'Clear plan for the first year.');
		await review(b, harsh, [3, 3], 'Weak budget.');
		await review(c, harsh, [4, 4], 'Convincing impact.');
		await client.query('COMMIT');
		return { callId: call.id, base: `/manage/${COOMPANION.slug}/calls/${call.id}`, title: TITLE };
	} catch (error) {
		await client.query('ROLLBACK');
		throw error;
	} finally {
		await client.end();
	}
}

/** On the Decisions page: one application's outcome, with feedback if given, saved. */
export async function decide(page: Page, organisation: string, outcome: string, feedback?: string) {
	const row = page.getByTestId('decision-row').filter({ hasText: organisation });
	await row.getByTestId('decision-outcome').selectOption(outcome);
	if (feedback !== undefined) await row.getByTestId('decision-feedback').fill(feedback);
	await row.getByTestId('decision-save').click();
	await expect(row.getByText(d('en', 'decisions_saved'))).toBeVisible();
}

/**
 * On the Decisions page: sends the decisions and waits until the job is done and the list, which
 * follows by itself, counts every decision as sent.
 */
export async function sendDecisions(
	page: Page,
	counts: { accept: number; waitlist: number; reject: number }
) {
	await page.getByRole('button', { name: d('en', 'decisions_send_button') }).click();
	const progress = page.getByTestId('job-progress');
	await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
	await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
	await expect(page.getByTestId('decision-counts')).toHaveText(
		d('en', 'decisions_counts', {
			...counts,
			undecided: 0,
			released: counts.accept + counts.waitlist + counts.reject
		})
	);
}
