import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/localized';
import { formatDateTime } from '$lib/i18n/format';

export interface RenderedEmail {
	subject: string;
	text: string;
	html: string;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One layout for every email: a greeting paragraph, an optional button, a footer. */
export function layout(
	locale: Locale,
	parts: {
		subject: string;
		lines: string[];
		action?: { label: string; url: string };
		after?: string[];
	}
): RenderedEmail {
	const footer = m.email_footer({}, { locale });
	const text = [
		...parts.lines,
		...(parts.action ? ['', `${parts.action.label}: ${parts.action.url}`] : []),
		...(parts.after?.length ? ['', ...parts.after] : []),
		'',
		'—',
		footer
	].join('\n');
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:560px">
${parts.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${parts.action ? `<p><a href="${escape(parts.action.url)}" style="display:inline-block;background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(parts.action.label)}</a></p><p style="font-size:13px;color:#4b5563">${escape(parts.action.url)}</p>` : ''}
${(parts.after ?? []).map((l) => `<p>${escape(l)}</p>`).join('\n')}
<hr><p style="font-size:12px;color:#6b7280">${escape(footer)}</p></body></html>`;
	return { subject: parts.subject, text, html };
}

export const templates = {
	magicLink(locale: Locale, vars: { url: string; minutes: number }): RenderedEmail {
		return layout(locale, {
			subject: m.email_magic_link_subject({}, { locale }),
			lines: [m.email_magic_link_intro({ minutes: vars.minutes }, { locale })],
			action: { label: m.email_magic_link_action({}, { locale }), url: vars.url },
			after: [m.email_ignore_if_not_you({}, { locale })]
		});
	},
	signInCode(locale: Locale, vars: { code: string; minutes: number }): RenderedEmail {
		return layout(locale, {
			subject: m.email_code_subject({ code: vars.code }, { locale }),
			lines: [m.email_code_intro({ minutes: vars.minutes }, { locale }), vars.code],
			after: [m.email_ignore_if_not_you({}, { locale })]
		});
	},
	applicationSubmitted(
		locale: Locale,
		vars: {
			call: string;
			organisation: string;
			url: string;
			answers: { label: string; value: string }[];
		}
	): RenderedEmail {
		return layout(locale, {
			subject: m.email_submitted_subject({ call: vars.call }, { locale }),
			lines: [
				m.email_submitted_intro({ organisation: vars.organisation, call: vars.call }, { locale })
			],
			action: { label: m.email_submitted_action({}, { locale }), url: vars.url },
			after: vars.answers.map((a) => `${a.label}: ${a.value || '—'}`)
		});
	},
	draftReminder(
		locale: Locale,
		vars: { call: string; closesAt: Date; timeZone: string; url: string }
	): RenderedEmail {
		const deadline = formatDateTime(vars.closesAt, locale, vars.timeZone);
		return layout(locale, {
			subject: m.email_reminder_subject({ call: vars.call }, { locale }),
			lines: [m.email_reminder_intro({ call: vars.call, deadline }, { locale })],
			action: { label: m.email_reminder_action({}, { locale }), url: vars.url }
		});
	},
	/** A manager's own message to applicants: their words as written, our footer in the reader's language. */
	bulk(locale: Locale, vars: { subject: string; body: string; from: string }): RenderedEmail {
		return layout(locale, {
			subject: vars.subject,
			lines: [
				...vars.body
					.split(/\n{2,}/)
					.map((p) => p.trim())
					.filter(Boolean),
				m.email_bulk_from({ from: vars.from }, { locale })
			]
		});
	},
	invitation(
		locale: Locale,
		vars: { url: string; organisation: string; inviter: string; role: string; days: number }
	): RenderedEmail {
		return layout(locale, {
			subject: m.email_invitation_subject({ organisation: vars.organisation }, { locale }),
			lines: [
				m.email_invitation_intro(
					{ inviter: vars.inviter, organisation: vars.organisation, role: vars.role },
					{ locale }
				),
				m.email_invitation_expiry({ days: vars.days }, { locale })
			],
			action: { label: m.email_invitation_action({}, { locale }), url: vars.url }
		});
	}
};
