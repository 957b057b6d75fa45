import pino from 'pino';

/** Structured JSON logs; each request's lines carry its request id (see hooks.server.ts). */
export const log = pino({
	level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info'),
	base: { service: 'tandem' },
	redact: ['req.headers.cookie', 'req.headers.authorization', '*.token', '*.password']
});
