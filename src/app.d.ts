import type { Logger } from 'pino';
import type { Actor } from '$lib/server/identity/actor';
import type { RequestSession } from '$lib/server/identity/request-actor';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			session?: RequestSession;
			actor: Actor | null;
			memo?: Map<string, Promise<unknown>>;
		}
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
	}
}

export {};
