import { describe, expect, it } from 'vitest';
import { counterAnnouncement, counterLevel } from './char-counter';

describe('counterLevel', () => {
	it('counterLevel is near in the last tenth of a long limit', () => {
		expect([counterLevel(449, 500), counterLevel(450, 500), counterLevel(500, 500)]).toEqual([
			'ok',
			'near',
			'full'
		]);
	});

	it('counterLevel is near in the last ten characters of a short limit', () => {
		expect([counterLevel(69, 80), counterLevel(70, 80)]).toEqual(['ok', 'near']);
	});
});

describe('counterAnnouncement', () => {
	it('counterAnnouncement stays silent while typing far from the limit', () => {
		expect(counterAnnouncement(10, 11, 500)).toBeNull();
	});

	it('counterAnnouncement speaks when the text comes near the limit and when it reaches it', () => {
		expect([counterAnnouncement(449, 450, 500), counterAnnouncement(499, 500, 500)]).toEqual([
			'near',
			'full'
		]);
	});

	it('counterAnnouncement stays silent inside the same level and when deleting back', () => {
		expect([counterAnnouncement(460, 470, 500), counterAnnouncement(500, 495, 500)]).toEqual([
			null,
			null
		]);
	});

	it('counterAnnouncement speaks for a paste that jumps straight to the limit', () => {
		expect(counterAnnouncement(0, 80, 80)).toBe('full');
	});
});
