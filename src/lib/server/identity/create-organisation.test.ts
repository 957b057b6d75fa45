import { describe, expect, it } from 'vitest';
import { slugify } from './create-organisation';

describe('slugify', () => {
	it('a Swedish name loses its diacritics', () => {
		expect(slugify('Coompanion Örebro')).toBe('coompanion-orebro');
	});

	it('a German name loses its umlaut and keeps its legal form', () => {
		expect(slugify('Grünhof Inklusion gGmbH')).toBe('grunhof-inklusion-ggmbh');
	});

	it('punctuation and repeated spaces become single hyphens without leading or trailing ones', () => {
		expect(slugify('  Silicon Vilstal (gUG) — Dingolfing!  ')).toBe(
			'silicon-vilstal-gug-dingolfing'
		);
	});

	it('a long name is cut at 48 characters', () => {
		expect(slugify('a'.repeat(60))).toBe('a'.repeat(48));
	});

	it('a name without any latin letter or digit becomes organisation', () => {
		expect(slugify('Ωμέγα ★')).toBe('organisation');
	});
});
