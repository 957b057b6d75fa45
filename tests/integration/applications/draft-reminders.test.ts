import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { outbox } from '../../../src/lib/server/db/schema';
import { sendDraftReminders } from '../../../src/lib/server/jobs/handlers';
import { createApplicant, createApplication, createCall, createLead } from '../../factories';

const ORIGIN = 'http://localhost:4999';
const NOW = new Date('2026-11-20T16:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FOOTER_SV =
	'Tandem – stödprogram för sociala företag. Du får det här mejlet eftersom någon har använt din adress i Tandem.';

async function remindersSent() {
	const rows = await db().select().from(outbox);
	return rows
		.filter((r) => r.template.startsWith('reminder-'))
		.map((r) => ({ template: r.template, applicationId: r.meta.applicationId }));
}

/** Reminders read the whole database: each test works in its own stretch of time. */
describe('sendDraftReminders', () => {
	it('reminds drafts 7 days and 1 day before the deadline, once each, and nobody else', async () => {
		const { programme } = await createLead();
		const opensAt = new Date(NOW.getTime() - 30 * DAY);
		const inSixDays = await createCall(programme.id, {
			opensAt,
			closesAt: new Date(NOW.getTime() + 6 * DAY),
			title: { en: 'Six days', sv: 'Sex dagar' }
		});
		const inTenDays = await createCall(programme.id, {
			opensAt,
			closesAt: new Date(NOW.getTime() + 10 * DAY)
		});
		const passed = await createCall(programme.id, {
			opensAt,
			closesAt: new Date(NOW.getTime() - HOUR)
		});
		const unpublished = await createCall(programme.id, {
			opensAt,
			closesAt: new Date(NOW.getTime() + 2 * DAY),
			status: 'draft'
		});
		const applicant = await createApplicant({}, { email: 'anna@example.se' });
		const draftOf = (callId: string, extra = {}) =>
			createApplication(callId, applicant.enterprise.id, {
				createdBy: applicant.user.id,
				...extra
			});
		const due = await draftOf(inSixDays.id, { locale: 'sv' });
		await draftOf(inSixDays.id, { status: 'submitted' });
		await draftOf(inSixDays.id, { status: 'withdrawn' });
		const later = await draftOf(inTenDays.id);
		await draftOf(passed.id);
		await draftOf(unpublished.id);

		const first = await sendDraftReminders(NOW, ORIGIN);
		const again = await sendDraftReminders(new Date(NOW.getTime() + HOUR), ORIGIN);
		const dayBefore = await sendDraftReminders(new Date(NOW.getTime() + 5 * DAY + HOUR), ORIGIN);
		const lastDay = await sendDraftReminders(new Date(NOW.getTime() + 5 * DAY + 2 * HOUR), ORIGIN);

		expect([first.length, again.length, dayBefore.length, lastDay.length]).toEqual([1, 0, 2, 0]);
		expect(await remindersSent()).toEqual([
			{ template: 'reminder-7d', applicationId: due.id },
			{ template: 'reminder-7d', applicationId: later.id },
			{ template: 'reminder-1d', applicationId: due.id }
		]);
		const [email] = await db().select().from(outbox);
		expect({
			to: email.toAddress,
			subject: email.subject,
			text: email.text,
			locale: email.locale
		}).toEqual({
			to: 'anna@example.se',
			subject: 'Påminnelse: din ansökan till Sex dagar är inte inskickad än',
			text: [
				'Ditt ansökningsutkast till Sex dagar är inte inskickat. Sista dag är 26 nov. 2026 17:00 CET.',
				'',
				`Fortsätt med ansökan: ${ORIGIN}/applications/${due.id}`,
				'',
				'—',
				FOOTER_SV
			].join('\n'),
			locale: 'sv'
		});
	});

	it('a draft first seen within a day of the deadline gets only the 1-day reminder', async () => {
		const now = new Date('2027-06-01T10:00:00Z');
		const { programme } = await createLead();
		const closing = await createCall(programme.id, {
			opensAt: new Date(now.getTime() - 30 * DAY),
			closesAt: new Date(now.getTime() + 12 * HOUR)
		});
		const applicant = await createApplicant();
		const draft = await createApplication(closing.id, applicant.enterprise.id, {
			createdBy: applicant.user.id
		});

		await sendDraftReminders(now, ORIGIN);

		expect((await remindersSent()).filter((r) => r.applicationId === draft.id)).toEqual([
			{ template: 'reminder-1d', applicationId: draft.id }
		]);
	});
});
