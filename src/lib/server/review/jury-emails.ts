import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/localized';
import { layout, type RenderedEmail } from '../notify/templates';

/** The jury's emails, in the reader's language, in the platform's one layout. */
export const juryTemplates = {
	invitation(
		locale: Locale,
		vars: { url: string; call: string; programme: string; inviter: string; days: number }
	): RenderedEmail {
		return layout(locale, {
			subject: m.jury_email_invitation_subject({ call: vars.call }, { locale }),
			lines: [
				m.jury_email_invitation_intro(
					{ inviter: vars.inviter, call: vars.call, programme: vars.programme },
					{ locale }
				),
				m.jury_email_invitation_expiry({ days: vars.days }, { locale })
			],
			action: { label: m.jury_email_invitation_action({}, { locale }), url: vars.url }
		});
	},
	reminder(
		locale: Locale,
		vars: {
			call: string;
			pending: number;
			url: string;
			deadline: Date | null;
			timeZone: string;
		}
	): RenderedEmail {
		return layout(locale, {
			subject: m.jury_email_reminder_subject({ call: vars.call }, { locale }),
			lines: [
				m.jury_email_reminder_intro({ call: vars.call, count: String(vars.pending) }, { locale }),
				...(vars.deadline
					? [
							m.jury_email_reminder_deadline(
								{ deadline: formatDateTime(vars.deadline, locale, vars.timeZone) },
								{ locale }
							)
						]
					: [])
			],
			action: { label: m.jury_email_reminder_action({}, { locale }), url: vars.url }
		});
	}
};
