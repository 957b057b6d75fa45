import { auth } from '../auth';
import type { Actor } from './actor';
import { loadActor, loadSessionActor } from './queries';
import { sessionIsCurrent, verifySessionCookie } from './session-cookie';

/** What a request knows about its session once it is signed in. */
export interface RequestSession {
	id: string;
	token: string;
	userId: string;
	expiresAt: Date;
	createdAt: Date;
	updatedAt: Date;
	ipAddress?: string | null;
	userAgent?: string | null;
}

interface SessionSettings {
	cookieName: string;
	secret: string;
	expiresIn: number;
	updateAge: number;
}

let settings: Promise<SessionSettings> | undefined;

/** Better Auth's own cookie name, secret and session ages, read once. */
function sessionSettings(): Promise<SessionSettings> {
	settings ??= auth().$context.then((context) => ({
		cookieName: context.authCookies.sessionToken.name,
		secret: context.secret,
		expiresIn: context.sessionConfig.expiresIn,
		updateAge: context.sessionConfig.updateAge
	}));
	return settings;
}

/**
 * The signed-in person of a request, read fresh from the database on every request (no cache:
 * a signed-out session or a revoked membership counts at once).
 *
 * The common case is one query: the signed cookie names a session that exists, has not expired
 * and is not yet due to be extended; it and its person are read together. Anything else (an
 * expired, unknown or due session, a cookie this check cannot read) goes through Better Auth's
 * `getSession`, which decides, extends or deletes the session and sets or clears the cookies as
 * it always does.
 */
export async function loadRequestActor(
	cookie: (name: string) => string | undefined,
	headers: Headers
): Promise<{ session: RequestSession; actor: Actor } | null> {
	const current = await sessionSettings();
	const value = cookie(current.cookieName);
	if (!value) return null;
	const token = verifySessionCookie(value, current.secret);
	const found = token ? await loadSessionActor(token) : null;
	if (found && sessionIsCurrent(found.session, current)) return found;

	const session = await auth().api.getSession({ headers });
	if (!session) return null;
	const actor = await loadActor(session.user.id);
	return actor && { session: session.session, actor };
}
