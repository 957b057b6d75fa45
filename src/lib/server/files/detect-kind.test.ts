import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind';
import { assertSafeKey } from './file-store';

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('detectKind', () => {
	it('reads pdf, png and jpeg from their bytes', async () => {
		expect([await detectKind(PDF), await detectKind(PNG), await detectKind(JPEG)]).toEqual([
			'pdf',
			'png',
			'jpeg'
		]);
	});
	it('text and an unsupported kind are no kind', async () => {
		const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00');
		expect([
			await detectKind(new TextEncoder().encode('just some text, named x.pdf')),
			await detectKind(gif),
			await detectKind(new Uint8Array())
		]).toEqual([null, null, null]);
	});
});

describe('assertSafeKey', () => {
	it('accepts generated keys', () => {
		expect(() => {
			assertSafeKey(
				'applications/3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc'
			);
			assertSafeKey('exports/3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69.xlsx');
		}).not.toThrow();
	});
	it('refuses traversal, absolute paths, upper case and empty segments', () => {
		const refused = ['../etc/passwd', '/etc/passwd', 'a/../b', 'A/b', 'a//b', 'a/b/', '', 'a b'];
		expect(
			refused.filter((key) => {
				try {
					assertSafeKey(key);
					return false;
				} catch (error) {
					return (error as Error).message === `unsafe storage key: ${key}`;
				}
			})
		).toEqual(refused);
	});
});
