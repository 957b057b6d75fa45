import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../src/lib/calls/form-definition';
import { readApplicationFile } from '../../../src/lib/server/applications/read-file';
import { uploadFile } from '../../../src/lib/server/applications/upload-file';
import { fileStore, useFileStore } from '../../../src/lib/server/files';
import { supabaseStore } from '../../../src/lib/server/files/supabase-store';
import { createDraft, errorOf } from '../../factories';

const SERVICE_KEY = 'service-role-key-for-tests';
const BUCKET = 'tandem-files';
const KEY =
	'applications/3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

interface Seen {
	method: string;
	path: string;
	authorization: string | undefined;
	contentType: string | undefined;
	upsert: string | undefined;
	body: string;
}

/**
 * A stand-in for Supabase Storage's REST API: just the endpoints the SDK calls for upload,
 * download, signing and removal, keeping objects in memory and recording every request.
 */
const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const seen: Seen[] = [];
let failNext: { status: number; body: unknown } | null = null;
let server: Server;
let url: string;

function bodyOf(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		request.on('data', (c: Buffer) => chunks.push(c));
		request.on('end', () => resolve(Buffer.concat(chunks)));
	});
}

beforeAll(async () => {
	server = createServer(async (request, response) => {
		const body = await bodyOf(request);
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		seen.push({
			method: request.method ?? '',
			path,
			authorization: request.headers.authorization,
			contentType: request.headers['content-type'],
			upsert: request.headers['x-upsert'] as string | undefined,
			body: request.headers['content-type']?.startsWith('application/json')
				? body.toString()
				: `<${body.byteLength} bytes>`
		});
		const json = (status: number, value: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(value));
		};
		if (failNext) {
			const { status, body: failure } = failNext;
			failNext = null;
			return json(status, failure);
		}
		const object = `/storage/v1/object/${BUCKET}/`;
		const sign = `/storage/v1/object/sign/${BUCKET}/`;
		if (request.method === 'POST' && path.startsWith(sign)) {
			const key = path.slice(sign.length);
			return json(200, { signedURL: `/object/sign/${BUCKET}/${key}?token=signed-token` });
		}
		if (request.method === 'POST' && path.startsWith(object)) {
			const key = path.slice(object.length);
			if (objects.has(key))
				return json(400, {
					statusCode: '409',
					error: 'Duplicate',
					message: 'The resource already exists'
				});
			objects.set(key, { bytes: body, contentType: request.headers['content-type'] ?? '' });
			return json(200, { Key: `${BUCKET}/${key}`, Id: 'object-id' });
		}
		if (request.method === 'GET' && path.startsWith(object)) {
			const found = objects.get(path.slice(object.length));
			if (!found)
				return json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
			response.writeHead(200, { 'content-type': found.contentType });
			return response.end(found.bytes);
		}
		if (request.method === 'DELETE' && path === `/storage/v1/object/${BUCKET}`) {
			const { prefixes } = JSON.parse(body.toString()) as { prefixes: string[] };
			const removed = prefixes.filter((p) => objects.delete(p));
			return json(
				200,
				removed.map((name) => ({ name }))
			);
		}
		json(404, {
			statusCode: '404',
			error: 'unexpected',
			message: `unexpected ${request.method} ${path}`
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	useFileStore(undefined);
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	objects.clear();
	seen.length = 0;
	failNext = null;
});

const store = () => supabaseStore({ url, serviceRoleKey: SERVICE_KEY, bucket: BUCKET });
const AUTH = `Bearer ${SERVICE_KEY}`;
const globals = globalThis as { WebSocket?: unknown };

/**
 * supabase-js builds a realtime client it never uses here; on Node 20 that needs a WebSocket class
 * to exist (see the first test). This stand-in lets the HTTP calls be tested and is never
 * instantiated.
 */
function withStandInWebSocket() {
	let added = false;
	beforeAll(() => {
		if (globals.WebSocket) return;
		added = true;
		globals.WebSocket = class {
			constructor() {
				throw new Error('no realtime in these tests');
			}
		};
	});
	afterAll(() => {
		if (added) delete globals.WebSocket;
	});
}

describe('supabaseStore on a runtime without WebSocket', () => {
	it('uploads on Node 20, which package.json allows and which has no global WebSocket', async () => {
		const native = globals.WebSocket;
		delete globals.WebSocket;
		try {
			await store().put(KEY, PDF, 'application/pdf');
		} finally {
			if (native) globals.WebSocket = native;
		}
		expect(seen.map((s) => [s.method, s.path])).toEqual([
			['POST', `/storage/v1/object/${BUCKET}/${KEY}`]
		]);
	});
});

describe('supabaseStore', () => {
	withStandInWebSocket();

	it('uploads with the service key, the content type and no upsert', async () => {
		await store().put(KEY, PDF, 'application/pdf');
		expect(seen).toEqual([
			{
				method: 'POST',
				path: `/storage/v1/object/${BUCKET}/${KEY}`,
				authorization: AUTH,
				contentType: 'application/pdf',
				upsert: 'false',
				body: `<${PDF.byteLength} bytes>`
			}
		]);
		expect(new Uint8Array(objects.get(KEY)!.bytes)).toEqual(PDF);
	});

	it('an upload the store refuses is an error naming the key and the reason', async () => {
		await store().put(KEY, PDF, 'application/pdf');
		expect(((await errorOf(store().put(KEY, PDF, 'application/pdf'))) as Error).message).toBe(
			`Supabase Storage refused ${KEY}: The resource already exists`
		);
	});

	it('downloads the bytes with the service key', async () => {
		objects.set(KEY, { bytes: Buffer.from(PDF), contentType: 'application/pdf' });
		expect(await store().get(KEY)).toEqual(PDF);
		expect(seen.map((s) => [s.method, s.path, s.authorization])).toEqual([
			['GET', `/storage/v1/object/${BUCKET}/${KEY}`, AUTH]
		]);
	});

	it('a missing object reads as null', async () => {
		expect(await store().get(KEY)).toBeNull();
	});

	it('a server error on download is an error, not a missing file', async () => {
		failNext = {
			status: 500,
			body: { statusCode: '500', error: 'internal', message: 'disk on fire' }
		};
		expect(((await errorOf(store().get(KEY))) as Error).message).toBe(
			`Supabase Storage could not read ${KEY}: disk on fire`
		);
	});

	it('signs a download URL for the given seconds', async () => {
		expect(await store().signedUrl(KEY, 60)).toBe(
			`${url}/storage/v1/object/sign/${BUCKET}/${KEY}?token=signed-token&download=`
		);
		expect(seen).toEqual([
			{
				method: 'POST',
				path: `/storage/v1/object/sign/${BUCKET}/${KEY}`,
				authorization: AUTH,
				contentType: 'application/json',
				upsert: undefined,
				body: JSON.stringify({ expiresIn: 60 })
			}
		]);
	});

	it('removes by prefix with the service key', async () => {
		objects.set(KEY, { bytes: Buffer.from(PDF), contentType: 'application/pdf' });
		await store().remove(KEY);
		expect([objects.has(KEY), seen]).toEqual([
			false,
			[
				{
					method: 'DELETE',
					path: `/storage/v1/object/${BUCKET}`,
					authorization: AUTH,
					contentType: 'application/json',
					upsert: undefined,
					body: JSON.stringify({ prefixes: [KEY] })
				}
			]
		]);
	});

	it('a refused removal is an error', async () => {
		failNext = {
			status: 403,
			body: { statusCode: '403', error: 'Unauthorized', message: 'denied' }
		};
		expect(((await errorOf(store().remove(KEY))) as Error).message).toBe(
			`Supabase Storage could not remove ${KEY}: denied`
		);
	});

	it('an unsafe key is refused before any request', async () => {
		const errors = [
			await errorOf(store().put('../secrets', PDF, 'application/pdf')),
			await errorOf(store().get('a/../../b')),
			await errorOf(store().remove('/etc/passwd')),
			await errorOf(store().signedUrl('A B', 60))
		];
		expect([errors.map((e) => (e as Error).message), seen]).toEqual([
			[
				'unsafe storage key: ../secrets',
				'unsafe storage key: a/../../b',
				'unsafe storage key: /etc/passwd',
				'unsafe storage key: A B'
			],
			[]
		]);
	});
});

describe('fileStore', () => {
	withStandInWebSocket();
	it('is Supabase Storage when its URL and service key are set, else the disk', () => {
		useFileStore(undefined);
		const supabase = fileStore({ SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY });
		useFileStore(undefined);
		const disk = fileStore({ FILES_DIR: '/tmp/tandem-unused', SUPABASE_URL: url });
		useFileStore(undefined);
		expect([supabase.kind, disk.kind]).toEqual(['supabase', 'disk']);
	});
});

describe('application files on Supabase Storage', () => {
	withStandInWebSocket();

	it('an upload goes to the bucket with its detected type, and reading it redirects to a signed URL', async () => {
		useFileStore(store());
		const form: FormDefinition = {
			sections: [
				{
					id: 's',
					title: { en: 'Files' },
					questions: [
						{
							id: 'deck',
							type: 'file',
							label: { en: 'Deck' },
							required: true,
							accept: ['pdf'],
							maxSizeMb: 1
						}
					]
				}
			]
		};
		const { application, actor } = await createDraft({ call: { form } });

		const { file } = await uploadFile({
			actor,
			applicationId: application.id,
			questionId: 'deck',
			version: 1,
			fileName: 'deck.pdf',
			bytes: PDF
		});
		const read = await readApplicationFile({
			actor,
			applicationId: application.id,
			fileId: file.id
		});

		const [key] = [...objects.keys()];
		expect(key).toMatch(new RegExp(`^applications/${application.id}/[0-9a-f-]{36}$`));
		expect(objects.get(key)!.contentType).toBe('application/pdf');
		expect(read).toEqual({
			kind: 'redirect',
			url: `${url}/storage/v1/object/sign/${BUCKET}/${key}?token=signed-token&download=`
		});
	});
});
