import { makeSignature } from 'better-auth/crypto';
import { describe, expect, it } from 'vitest';
import { sessionIsCurrent, verifySessionCookie } from './session-cookie';

const SECRET = 'a-secret-of-the-platform-that-is-long-enough';
const DAY = 86_400_000;
const ages = { expiresIn: 14 * 86_400, updateAge: 86_400 };

/** As Better Auth (better-call) signs its session cookie. */
async function signed(token: string, secret = SECRET) {
	return `${token}.${await makeSignature(token, secret)}`;
}

describe('verifySessionCookie', () => {
	it('a cookie Better Auth signed gives back its token', async () => {
		expect(verifySessionCookie(await signed('EAKe7djE5JkdzSWrxo80ZbXfubbHj5oI'), SECRET)).toBe(
			'EAKe7djE5JkdzSWrxo80ZbXfubbHj5oI'
		);
	});

	it('a cookie signed with another secret, altered, unsigned or missing gives nothing', async () => {
		const good = await signed('EAKe7djE5JkdzSWrxo80ZbXfubbHj5oI');
		expect([
			verifySessionCookie(await signed('EAKe7djE5JkdzSWrxo80ZbXfubbHj5oI', 'another'), SECRET),
			verifySessionCookie(`X${good}`, SECRET),
			verifySessionCookie(good.replace(/.=$/, 'A='), SECRET),
			verifySessionCookie('EAKe7djE5JkdzSWrxo80ZbXfubbHj5oI', SECRET),
			verifySessionCookie(`.${good.split('.')[1]}`, SECRET),
			verifySessionCookie(undefined, SECRET)
		]).toEqual([null, null, null, null, null, null]);
	});
});

describe('sessionIsCurrent', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');
	const expiringIn = (ms: number) => ({ expiresAt: new Date(now + ms) });

	it('a session extended less than a day ago is current', () => {
		expect(sessionIsCurrent(expiringIn(14 * DAY - 60_000), ages, now)).toBe(true);
	});

	it('a session extended a day ago or more is due for Better Auth to extend', () => {
		expect([
			sessionIsCurrent(expiringIn(13 * DAY), ages, now),
			sessionIsCurrent(expiringIn(2 * DAY), ages, now)
		]).toEqual([false, false]);
	});

	it('an expired session is not current', () => {
		expect(sessionIsCurrent(expiringIn(-1), { expiresIn: 14 * 86_400, updateAge: 0 }, now)).toBe(
			false
		);
	});
});
