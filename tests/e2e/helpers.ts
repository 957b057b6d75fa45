import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	type APIResponse,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

/** Where playwright.config.ts serves the built app under test. */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data-e2e';
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 5544);

export type Role = 'applicant' | 'juror' | 'coach' | 'provider' | 'manager' | 'admin';
export const ROLES: Role[] = ['applicant', 'juror', 'coach', 'provider', 'manager', 'admin'];
export type Locale = 'en' | 'de' | 'sv';
export const LOCALES: Locale[] = ['en', 'de', 'sv'];

/** The seeded demo people (src/lib/server/seed/demo-users.ts), as the tests know them. */
export const DEMO: Record<Role, { email: string; name: string; locale: Locale }> = {
	applicant: { email: 'amira.haddad@kvarterskraft.example', name: 'Amira Haddad', locale: 'en' },
	juror: { email: 'jonas.berg@jury.example', name: 'Jonas Berg', locale: 'sv' },
	coach: { email: 'claudia.weber@coaching.example', name: 'Claudia Weber', locale: 'de' },
	provider: { email: 'pekka.nieminen@nordlys.example', name: 'Pekka Nieminen', locale: 'en' },
	manager: { email: 'maja.lindqvist@coompanion.example', name: 'Maja Lindqvist', locale: 'en' },
	admin: { email: 'ada.admin@tandem.example', name: 'Ada Admin', locale: 'en' }
};

// ---------------------------------------------------------------------------------------------
// The role × page matrix

/** Every page of the signed-in shell. */
export const SHELL_PAGES = [
	'/app',
	'/account',
	'/applications',
	'/review',
	'/coach',
	'/provider',
	'/manage',
	'/manage/coompanion-orebro',
	'/manage/coompanion-orebro/members',
	'/manage/kvarterskraft',
	'/manage/nordlys-design/members',
	'/admin'
] as const;

/** The pages each demo person may open; every other shell page is 403 for them. */
export const ALLOWED: Record<Role, string[]> = {
	applicant: ['/app', '/account', '/applications', '/manage', '/manage/kvarterskraft'],
	juror: ['/app', '/account', '/review'],
	coach: ['/app', '/account', '/coach'],
	provider: ['/app', '/account', '/provider', '/manage', '/manage/nordlys-design/members'],
	manager: [
		'/app',
		'/account',
		'/manage',
		'/manage/coompanion-orebro',
		'/manage/coompanion-orebro/members'
	],
	// Platform admins reach every organisation, but have no space of their own and no /manage list.
	admin: [
		'/app',
		'/account',
		'/manage/coompanion-orebro',
		'/manage/coompanion-orebro/members',
		'/manage/kvarterskraft',
		'/manage/nordlys-design/members',
		'/admin'
	]
};

/** Pages anyone can open without signing in (the last one does not exist). */
export const PUBLIC_PAGES = [
	'/',
	'/login',
	'/login?signedOut=1',
	'/login/check-email?email=someone%40example.org&redirectTo=%2Fapp',
	'/login/code',
	'/login/link-error?email=someone%40example.org',
	'/invite/no-such-token',
	'/dev/mailbox',
	'/no-such-page'
] as const;

// ---------------------------------------------------------------------------------------------
// Message catalogues

export type Catalogue = Record<string, string>;

/** A message with variants (plural forms), as the catalogues store it. */
type Variants = { selectors?: string[]; match: Record<string, string> }[];

function loadCatalogue<T = string>(locale: Locale, area = ''): Record<string, T> {
	const raw = JSON.parse(
		readFileSync(resolve('messages', area, `${locale}.json`), 'utf8')
	) as Record<string, T>;
	delete raw.$schema;
	return raw;
}

/** messages/{en,de,sv}.json, read from disk: the core texts the app must show. */
export const messages: Record<Locale, Catalogue> = {
	en: loadCatalogue('en'),
	de: loadCatalogue('de'),
	sv: loadCatalogue('sv')
};

/** The areas with catalogues of their own (project.inlang lists the same folders). */
const AREAS = ['calls', 'apply', 'manage'] as const;

/** Every catalogue: the core one and messages/{calls,apply,manage}/{en,de,sv}.json. */
export const allMessages: Record<Locale, Record<string, string | Variants>> = Object.fromEntries(
	LOCALES.map((locale) => [
		locale,
		Object.assign(
			{},
			messages[locale],
			...AREAS.map((area) => loadCatalogue<string | Variants>(locale, area))
		)
	])
) as Record<Locale, Record<string, string | Variants>>;

/**
 * One catalogue text (from any catalogue) with its `{placeholders}` filled in. A message with
 * plural forms ("countPlural=one" / "countPlural=other") takes the form for `vars.count`.
 */
export function t(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
	const entry = allMessages[locale][key];
	if (entry === undefined) throw new Error(`messages/**/${locale}.json have no key ${key}`);
	let template: string;
	if (typeof entry === 'string') template = entry;
	else {
		const category = new Intl.PluralRules(locale).select(Number(vars.count));
		const match = entry[0].match;
		const chosen =
			Object.keys(match).find((k) => k.endsWith(`=${category}`)) ??
			Object.keys(match).find((k) => k.endsWith('=other'));
		if (!chosen) throw new Error(`${key} in ${locale} has no form for ${category}`);
		template = match[chosen];
	}
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole
	);
}

/** A catalogue text as a whole-string pattern; each `{placeholder}` matches any text. */
export function messagePattern(template: string): RegExp {
	const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('.+')}$`);
}

/** Six hex digits that keep a name or slug this run creates apart from the others. */
export const uniqueSuffix = () => randomBytes(3).toString('hex');

export const uniqueEmail = (label: string) =>
	`${label}-${Date.now().toString(36)}-${uniqueSuffix()}@example.org`;

// ---------------------------------------------------------------------------------------------
// Signing in

/**
 * Waits until the page's scripts have loaded and hydrated it. Svelte's hydration writes each
 * `value={…}` back into its input, wiping what was typed before (see the sign-in spec's test of
 * that), so forms are filled only after this. Returns at once when the page is already idle.
 */
export async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle');
}

/** Signs in with the role's button in the "Demo accounts" card (local mode only); ends on the target. */
export async function signInWithDemoButton(page: Page, role: Role, redirectTo?: string) {
	await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login');
	await page.locator(`[data-demo-role="${role}"]`).click();
	await page.waitForURL(redirectTo ?? '/app');
}

/**
 * Signs in as a demo person by sending the demo form's post from the page's own cookie jar (what the
 * button does, without loading /login first), then opens `landOn`.
 */
export async function signInAs(page: Page, role: Role, landOn: string | null = '/app') {
	const response = await page.request.post('/login?/demo', {
		form: { role, redirectTo: landOn ?? '/app' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `demo sign-in as ${role}`).toBe(303);
	if (landOn) await page.goto(landOn);
}

/** Signs in as a demo person and waits on `path` until its forms can be filled. */
export async function openAs(page: Page, role: Role, path: string) {
	await signInAs(page, role, path);
	await hydrated(page);
}

/** Requests a magic link on /login and follows it from the dev mailbox; ends on /app. */
export async function signInByMagicLink(page: Page, email: string, base = '') {
	await page.goto(`${base}/login`);
	await hydrated(page);
	await page.locator('#email').fill(email);
	await page.getByRole('button', { name: messages.en.login_submit }).click();
	await page.waitForURL(`${base}/login/check-email?**`);
	const mail = await latestMailTo(page, email, base);
	await page.goto(mail.links[0]);
	await page.waitForURL(`${base}/app`);
}

// ---------------------------------------------------------------------------------------------
// The dev mailbox

export interface Mail {
	to: string;
	subject: string;
	text: string;
	links: string[];
}

/** Every email in /dev/mailbox, newest first. Navigates `page` there. */
export async function readMailbox(page: Page, base = ''): Promise<Mail[]> {
	await page.goto(`${base}/dev/mailbox`);
	return page.locator('[data-testid=mail]').evaluateAll((articles) =>
		articles.map((article) => ({
			to: article.querySelector('[data-testid=mail-to]')?.textContent?.trim() ?? '',
			subject: article.querySelector('h2')?.textContent?.trim() ?? '',
			text: article.querySelector('div')?.textContent ?? '',
			links: [...article.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')
		}))
	);
}

/** All emails to one address, newest first. */
export async function mailsTo(page: Page, address: string, base = ''): Promise<Mail[]> {
	return (await readMailbox(page, base)).filter((mail) => mail.to === address);
}

/** The newest email to an address; fails the test when there is none. */
export async function latestMailTo(page: Page, address: string, base = ''): Promise<Mail> {
	const [mail] = await mailsTo(page, address, base);
	expect(mail, `an email to ${address} in the dev mailbox`).toBeDefined();
	return mail;
}

/** Reads the mailbox in a second tab, so the page under test keeps its state. */
export async function latestMailInNewTab(
	context: BrowserContext,
	address: string,
	base = ''
): Promise<Mail> {
	const tab = await context.newPage();
	try {
		return await latestMailTo(tab, address, base);
	} finally {
		await tab.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Forged requests

/**
 * A hand-made form post with the page's cookies, as a browser without JavaScript sends it: the
 * right origin (SvelteKit's CSRF check), asking for HTML (so a failed action answers with its own
 * status rather than SvelteKit's JSON envelope), no redirects followed.
 */
export function postForm(
	page: Page,
	path: string,
	form: Record<string, string>,
	origin = BASE_URL
): Promise<APIResponse> {
	return page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations with impact "serious" or "critical" on the current page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const path = new URL(page.url()).pathname;
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${path}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
		);
}

/** axe on the current page: no violation with impact "serious" or "critical". */
export async function expectNoSeriousA11yViolations(page: Page) {
	expect(
		await seriousViolations(page),
		`serious or critical axe violations on ${page.url()}`
	).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Page text

/**
 * The own text of every element in `main`, `header` and `footer` (its direct text nodes joined,
 * whitespace collapsed), for elements that are visible or, with `all`, for every element.
 */
export async function ownTexts(page: Page, { all = false } = {}): Promise<string[]> {
	return page.evaluate((includeHidden) => {
		const texts: string[] = [];
		for (const root of document.querySelectorAll('main, header, footer')) {
			for (const element of [root, ...root.querySelectorAll('*')]) {
				if (!includeHidden && !element.checkVisibility()) continue;
				const own = [...element.childNodes]
					.filter((n) => n.nodeType === Node.TEXT_NODE)
					.map((n) => n.textContent)
					.join('')
					.replace(/\s+/g, ' ')
					.trim();
				if (own) texts.push(own);
			}
		}
		return texts;
	}, all);
}

// ---------------------------------------------------------------------------------------------
// Separate app instances (operations specs)

export interface Instance {
	process: ChildProcess;
	stdout: () => string;
	stderr: () => string;
	/** Resolves with the exit code (or the signal's name) once the process has ended. */
	exited: Promise<number | string>;
}

/** Starts `node build/index.js` with the given environment on top of this one. */
export function startInstance(env: Record<string, string>): Instance {
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const exited = new Promise<number | string>((done) =>
		child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'))
	);
	return { process: child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `url` answers 200, or fails with what the instance printed. */
export async function waitForHealthy(url: string, instance: Instance, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	let exitedWith: number | string | undefined;
	void instance.exited.then((code) => (exitedWith = code));
	while (Date.now() < deadline) {
		if (exitedWith !== undefined) {
			throw new Error(
				`the instance exited (${exitedWith}) before ${url} answered:\n${instance.stderr()}\n${instance.stdout()}`
			);
		}
		try {
			const response = await fetch(url);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`${url} did not answer 200 within ${timeoutMs} ms:\n${instance.stderr()}\n${instance.stdout()}`
	);
}

/** Ends an instance this test started, and waits for it to be gone. */
export async function stopInstance(
	instance: Instance | undefined,
	signal: NodeJS.Signals = 'SIGTERM'
) {
	if (!instance || instance.process.exitCode !== null || instance.process.signalCode !== null)
		return;
	instance.process.kill(signal);
	const ended = await Promise.race([
		instance.exited,
		new Promise((r) => setTimeout(() => r('timeout'), 20_000))
	]);
	if (ended === 'timeout') {
		instance.process.kill('SIGKILL');
		await instance.exited;
	}
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			done(true);
		});
		socket.once('error', () => done(false));
	});
}

/** The e2e embedded PostgreSQL's password (written by the app under test on its first start). */
export function e2ePgPassword(): string {
	const secrets = JSON.parse(readFileSync(resolve(E2E_DATA_DIR, 'local-secrets.json'), 'utf8')) as {
		pgPassword: string;
	};
	return secrets.pgPassword;
}

/** A connection to the e2e database, for what a spec writes or checks there directly. */
export async function e2eDatabase(): Promise<pg.Client> {
	const client = new pg.Client({
		host: '127.0.0.1',
		port: E2E_PG_PORT,
		user: 'postgres',
		password: e2ePgPassword(),
		database: 'tandem'
	});
	await client.connect();
	return client;
}

/**
 * A demo person follows their browser's language again (as the demo data has it). Specs that make
 * someone switch language (which is stored on their account) call this so later specs start clean.
 */
/** Maja, the demo cluster manager, back on her browser's language (a spec's `beforeEach`). */
export const managerFollowsBrowserLanguage = () => followBrowserLanguage(DEMO.manager.email);

export async function followBrowserLanguage(email: string) {
	const client = await e2eDatabase();
	try {
		await client.query('UPDATE "user" SET locale = NULL WHERE email = $1', [email]);
	} finally {
		await client.end();
	}
}

// ---------------------------------------------------------------------------------------------
// Organisation members (manager's /manage/<org>/members)

export const COOMPANION = { slug: 'coompanion-orebro', name: 'Coompanion Örebro' };
export const KVARTERSKRAFT = { slug: 'kvarterskraft', name: 'Kvarterskraft ekonomisk förening' };

/** Fills and sends the "Invite a member" form on the members page that is open. */
export async function invite(page: Page, email: string, role: 'member' | 'manager' = 'member') {
	await hydrated(page);
	const card = page.getByRole('region', { name: messages.en.invite_title });
	await card.locator('#invite-email').fill(email);
	await card.locator('#invite-role').selectOption(role);
	await card.getByRole('button', { name: messages.en.invite_submit }).click();
}

/** The open invitations listed on the members page: [email, "Role · Expires …"]. */
export async function openInvitations(page: Page): Promise<string[][]> {
	const card = page.getByRole('region', { name: messages.en.invitations_title });
	return card
		.locator('li')
		.evaluateAll((items) =>
			items.map((li) =>
				[...li.querySelectorAll(':scope > span > span')].map((s) => s.textContent?.trim() ?? '')
			)
		);
}

/** The members table: one [name, email, role, since] row per member. */
export async function memberRows(page: Page): Promise<string[][]> {
	return page
		.getByRole('table')
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))
		);
}

/** "7 days from now" as the members page prints it (en, the organisation's time zone). */
export function inDays(days: number, timeZone = 'Europe/Stockholm', tag = 'en-GB'): string {
	return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }).format(
		new Date(Date.now() + days * 86_400_000)
	);
}

/**
 * Makes the demo applicant (manager of Kvarterskraft) also a member of Coompanion Örebro, the way
 * people do it: Maja invites her, she accepts while signed in. Does nothing when she already is.
 */
export async function ensureApplicantInCoompanion(browser: Browser) {
	const maja = await browser.newContext({ baseURL: BASE_URL });
	const amira = await browser.newContext({ baseURL: BASE_URL });
	try {
		const page = await maja.newPage();
		await signInAs(page, 'manager', `/manage/${COOMPANION.slug}/members`);
		if ((await memberRows(page)).some((row) => row[1] === DEMO.applicant.email)) return;
		await invite(page, DEMO.applicant.email);
		await expect(page.getByRole('status')).toHaveText(
			t('en', 'invite_sent', { email: DEMO.applicant.email })
		);
		const link = (await latestMailTo(page, DEMO.applicant.email)).links[0];

		const her = await amira.newPage();
		await signInAs(her, 'applicant', link);
		await her
			.getByRole('button', { name: t('en', 'invite_page_accept', { name: COOMPANION.name }) })
			.click();
		await her.waitForURL('/app');
		await expect(her.locator('main p').first()).toHaveText(
			t('en', 'dashboard_active_org', { name: COOMPANION.name })
		);
	} finally {
		await maja.close();
		await amira.close();
	}
}

/**
 * The accessible name of a button that reads "<label>: <target>" to screen readers (the target is
 * in an sr-only span; Chromium puts a space before the colon).
 */
export function labelFor(label: string, target: string): RegExp {
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${escape(label)}\\s?: ${escape(target)}$`);
}
