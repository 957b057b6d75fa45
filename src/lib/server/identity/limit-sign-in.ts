import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { pool } from '../db';
import { AppError } from '../errors';

/** Sign-in emails per address and per client address, over ten minutes. */
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 30, windowSeconds: 600 };

function limiter(keyPrefix: string, points: number) {
	return new RateLimiterPostgres({
		storeClient: pool(),
		tableName: 'sign_in_limit',
		tableCreated: true,
		clearExpiredByTimeout: false,
		keyPrefix,
		points,
		duration: SIGN_IN_LIMITS.windowSeconds
	});
}

/** Counts one sign-in request; throws `rate_limited` past the limit, before any email is sent. */
export async function limitSignIn({
	email,
	clientAddress
}: {
	email: string;
	clientAddress: string;
}) {
	try {
		await limiter('sign-in-email', SIGN_IN_LIMITS.perEmail).consume(email.toLowerCase());
		await limiter('sign-in-address', SIGN_IN_LIMITS.perAddress).consume(clientAddress);
	} catch (error) {
		if (error instanceof RateLimiterRes)
			throw new AppError('rate_limited', 'rate_limited', { email: 'rate_limited' });
		throw error;
	}
}
