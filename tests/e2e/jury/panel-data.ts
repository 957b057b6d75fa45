import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { E2E_PG_PORT, e2ePgPassword, type Locale } from '../helpers';

/**
 * Data the jury panel's journey starts from, written straight into the app's database (the call
 * flow has its own journeys): a closed call of Coompanion Örebro inside SocialTech4EU with
 * submitted applications, so Maja has something to assign.
 */

export interface SeededApplication {
	organisation: string;
	locale: Locale;
	impactAreas: number[];
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

/** Creates the call and its applications; returns the call's id and its title. */
export async function seedJuryCall(
	applications: SeededApplication[],
	connection?: { port: number; password: string }
) {
	const db = await client(connection);
	const suffix = randomBytes(3).toString('hex');
	const title = `Jury journey ${suffix}`;
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
				JSON.stringify({ en: title, sv: `Juryresa ${suffix}`, de: `Jury-Reise ${suffix}` }),
				new Date(now - 30 * 86_400_000),
				new Date(now - 86_400_000)
			]
		);
		const callId = created.rows[0].id;
		for (const app of applications) {
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
			await db.query(
				`INSERT INTO application (call_id, organisation_id, status, locale, created_by, submitted_at)
				 VALUES ($1, $2, 'submitted', $3, $4, now())`,
				[callId, org.rows[0].id, app.locale, userId]
			);
		}
		await db.query('COMMIT');
		return { callId, title };
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
	area: 'jury' | 'calls',
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
