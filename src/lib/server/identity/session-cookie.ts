import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session token from Better Auth's signed cookie (`token.base64(HMAC-SHA256(secret, token))`,
 * as better-call signs it), or null when there is none or the signature does not match.
 */
export function verifySessionCookie(value: string | undefined, secret: string): string | null {
	if (!value) return null;
	const dot = value.lastIndexOf('.');
	if (dot < 1) return null;
	const token = value.slice(0, dot);
	const signature = value.slice(dot + 1);
	if (signature.length !== 44 || !signature.endsWith('=')) return null;
	const expected = createHmac('sha256', secret).update(token).digest();
	const given = Buffer.from(signature, 'base64');
	return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * Better Auth's rule for a session read from the database: usable until it expires, and extended
 * (by Better Auth) once `updateAge` seconds have passed since it last was. Ages in seconds.
 */
export function sessionIsCurrent(
	session: { expiresAt: Date },
	ages: { expiresIn: number; updateAge: number },
	now = Date.now()
): boolean {
	const expiresAt = session.expiresAt.valueOf();
	return expiresAt > now && expiresAt - ages.expiresIn * 1000 + ages.updateAge * 1000 > now;
}
