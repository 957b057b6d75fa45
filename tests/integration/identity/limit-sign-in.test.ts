import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/lib/server/errors';
import { limitSignIn, SIGN_IN_LIMITS } from '../../../src/lib/server/identity/limit-sign-in';

async function appError(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected an AppError, but the promise resolved');
}

describe('limitSignIn', () => {
	it('the limits are five per email and thirty per address in ten minutes', () => {
		expect(SIGN_IN_LIMITS).toEqual({ perEmail: 5, perAddress: 30, windowSeconds: 600 });
	});

	it('a sixth request for one email is rate limited while another email is still allowed', async () => {
		for (let i = 0; i < 5; i++) {
			await expect(
				limitSignIn({ email: 'busy@example.org', clientAddress: '198.51.100.1' })
			).resolves.toBeUndefined();
		}

		const error = await appError(
			limitSignIn({ email: 'busy@example.org', clientAddress: '198.51.100.2' })
		);

		expect({ code: error.code, status: error.status, fields: error.fields }).toEqual({
			code: 'rate_limited',
			status: 429,
			fields: { email: 'rate_limited' }
		});
		await expect(
			limitSignIn({ email: 'calm@example.org', clientAddress: '198.51.100.1' })
		).resolves.toBeUndefined();
	});

	it('an email in other capitals counts against the same limit', async () => {
		for (const email of [
			'Case@Example.org',
			'CASE@example.org',
			'case@example.org',
			'case@EXAMPLE.org',
			'Case@example.ORG'
		]) {
			await limitSignIn({ email, clientAddress: '198.51.100.3' });
		}

		expect(
			(await appError(limitSignIn({ email: 'case@example.org', clientAddress: '198.51.100.3' })))
				.code
		).toBe('rate_limited');
	});

	it('a thirty-first request from one address is rate limited whatever the email', async () => {
		for (let i = 0; i < 30; i++) {
			await limitSignIn({ email: `many-${i}@example.org`, clientAddress: '203.0.113.9' });
		}

		const error = await appError(
			limitSignIn({ email: 'fresh@example.org', clientAddress: '203.0.113.9' })
		);

		expect([error.code, error.fields]).toEqual(['rate_limited', { email: 'rate_limited' }]);
		await expect(
			limitSignIn({ email: 'fresh@example.org', clientAddress: '203.0.113.10' })
		).resolves.toBeUndefined();
	});
});
