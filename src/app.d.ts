import type { Session } from 'better-auth';
import type { Logger } from 'pino';
import type { Actor } from '$lib/server/identity/actor';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			session?: Session;
			actor: Actor | null;
		}
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
	}
}

export {};
