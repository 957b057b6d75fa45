import { describe, expect, it } from 'vitest';
import { perRequest } from './request-memo';

const event = (memo?: Map<string, Promise<unknown>>) => ({ locals: { memo } as App.Locals });

describe('perRequest', () => {
	it('loads of one request share a lookup by its key', async () => {
		const calls: string[] = [];
		const load = (key: string) => () => {
			calls.push(key);
			return Promise.resolve(key.toUpperCase());
		};
		const request = event(new Map());
		const values = await Promise.all([
			perRequest(request, 'organisation a', load('organisation a')),
			perRequest(request, 'organisation a', load('organisation a')),
			perRequest(request, 'call b', load('call b'))
		]);
		expect([values, calls]).toEqual([
			['ORGANISATION A', 'ORGANISATION A', 'CALL B'],
			['organisation a', 'call b']
		]);
	});

	it('a request without a memo (after a form action) looks up every time', async () => {
		let calls = 0;
		const load = () => Promise.resolve(++calls);
		const request = event();
		expect([
			await perRequest(request, 'call b', load),
			await perRequest(request, 'call b', load)
		]).toEqual([1, 2]);
	});
});
