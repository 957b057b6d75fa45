import { getRequestEvent } from '$app/server';
import { betterAuth } from 'better-auth/minimal';
import type { BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { emailOTP, magicLink } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale, type Locale } from '$lib/i18n/localized';
import { config } from './config';
import { db } from './db';
import { account, rateLimit, session, user, verification } from './db/schema';
import { deliverSoon } from './jobs';
import { log } from './log';
import { queueEmail } from './notify/queue-email';
import { templates } from './notify/templates';
import { DEMO_USERS } from './seed/demo-users';

export const MAGIC_LINK_MINUTES = 15;
export const CODE_MINUTES = 10;

/** Better Auth's cookie helper needs the request; outside one (jobs, seeding) there is none. */
const requestEvent = (() => {
	try {
		return getRequestEvent();
	} catch {
		return undefined;
	}
}) as typeof getRequestEvent;

function emailLocale(): Locale {
	try {
		const locale = getLocale();
		return isLocale(locale) ? locale : 'en';
	} catch {
		return 'en';
	}
}

async function sendEmail(
	to: string,
	template: string,
	render: (locale: Locale) => ReturnType<typeof templates.magicLink>
) {
	const locale = emailLocale();
	const id = await queueEmail(db(), { to, template, locale, email: render(locale) });
	await deliverSoon([id]);
}

/**
 * Local mode only: signs in as one of the seeded demo people. Server-only, so it has no URL;
 * the sign-in page's form action calls it, and only when there is no DATABASE_URL.
 */
const demoSignIn = () =>
	({
		id: 'tandem-demo-sign-in',
		endpoints: {
			demoSignIn: createAuthEndpoint.serverOnly(
				{ method: 'POST', body: z.object({ email: z.string() }) },
				async (ctx) => {
					if (!config().local || !DEMO_USERS.some((d) => d.email === ctx.body.email)) {
						return ctx.json({ ok: false }, { status: 404 });
					}
					const found = await ctx.context.internalAdapter.findUserByEmail(ctx.body.email);
					if (!found) return ctx.json({ ok: false }, { status: 404 });
					const created = await ctx.context.internalAdapter.createSession(found.user.id);
					await setSessionCookie(ctx, { session: created, user: found.user });
					return ctx.json({ ok: true });
				}
			)
		}
	}) satisfies BetterAuthPlugin;

function createAuth() {
	const { authSecret, origin } = config();
	return betterAuth({
		appName: 'Tandem',
		baseURL: origin,
		secret: authSecret,
		trustedOrigins: [origin],
		database: drizzleAdapter(db(), {
			provider: 'pg',
			schema: { user, session, account, verification, rateLimit }
		}),
		emailAndPassword: { enabled: false },
		logger: {
			log: (level, message) => log[level]({ component: 'better-auth' }, message)
		},
		advanced: {
			// Behind a load balancer, the header that carries the client's address (as for adapter-node).
			ipAddress: {
				ipAddressHeaders: process.env.ADDRESS_HEADER
					? [process.env.ADDRESS_HEADER.toLowerCase()]
					: ['x-forwarded-for']
			}
		},
		session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
		rateLimit: {
			enabled: true,
			storage: 'database',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/magic-link': { window: 600, max: 5 },
				'/email-otp/send-verification-otp': { window: 600, max: 5 },
				'/sign-in/email-otp': { window: 600, max: 10 },
				// Opening a link: the magic-link plugin allows 5 a minute per address, and a room of
				// people on one network (a jury day, an event) share one. Its token is long, random and
				// single-use, so the general limit is enough; sending links stays limited above.
				'/magic-link/verify': { window: 60, max: 100 }
			}
		},
		plugins: [
			magicLink({
				expiresIn: MAGIC_LINK_MINUTES * 60,
				storeToken: 'hashed',
				sendMagicLink: async ({ email, url }) =>
					sendEmail(email, 'magic-link', (locale) =>
						templates.magicLink(locale, { url, minutes: MAGIC_LINK_MINUTES })
					)
			}),
			emailOTP({
				otpLength: 6,
				expiresIn: CODE_MINUTES * 60,
				allowedAttempts: 5,
				storeOTP: 'hashed',
				sendVerificationOTP: async ({ email, otp }) =>
					sendEmail(email, 'sign-in-code', (locale) =>
						templates.signInCode(locale, { code: otp, minutes: CODE_MINUTES })
					)
			}),
			demoSignIn(),
			sveltekitCookies(requestEvent) // must stay the last plugin
		]
	});
}

type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

export function auth(): Auth {
	instance ??= createAuth();
	return instance;
}
