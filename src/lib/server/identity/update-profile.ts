import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/localized';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { user } from '../db/schema';
import type { Actor } from './actor';

export async function updateProfile({
	actor,
	name,
	locale
}: {
	actor: Actor;
	name: string;
	locale: Locale | null;
}) {
	await db().transaction(async (tx) => {
		await tx
			.update(user)
			.set({ name, locale, updatedAt: new Date() })
			.where(eq(user.id, actor.userId));
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'profile.updated',
			entityType: 'user',
			entityId: actor.userId,
			data: { locale }
		});
	});
}

/** Remembers a language chosen with the switcher, for the next sign-in on another device. */
export async function rememberLocale({ actor, locale }: { actor: Actor; locale: Locale }) {
	if (actor.locale === locale) return;
	await db().update(user).set({ locale }).where(eq(user.id, actor.userId));
}
