/**
 * Typed errors thrown by the domain. Routes and hooks map them to an HTTP status and a translated
 * message (see `errorStatus` and $lib/i18n/errors.ts); users never see a stack trace.
 */
export const ERROR_STATUS = {
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	invalid_input: 400,
	rate_limited: 429,
	invitation_invalid: 410,
	invitation_wrong_email: 403
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		message?: string,
		readonly fields?: Record<string, string>
	) {
		super(message ?? code);
		this.name = 'AppError';
	}

	get status(): number {
		return ERROR_STATUS[this.code];
	}
}

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}

/** Ids in URLs and forms are checked before they reach a query: a malformed one is simply not found. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
