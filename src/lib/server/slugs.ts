import { like } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db';

export function slugify(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 48) || 'organisation'
	);
}

/** A URL name from a title, numbered (-2, -3, …) when taken in that table. */
export async function uniqueSlug(
	tx: Executor,
	table: PgTable,
	column: PgColumn,
	title: string
): Promise<string> {
	const base = slugify(title);
	const rows = (await tx
		.select({ slug: column })
		.from(table)
		.where(like(column, `${base}%`))) as { slug: string }[];
	const taken = new Set(rows.map((r) => r.slug));
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}
