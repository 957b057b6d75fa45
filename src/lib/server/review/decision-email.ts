import { m } from '$lib/paraglide/messages';
import { PLACEHOLDERS, decisionEmailText, type TemplateValues } from '$lib/decisions/fill-template';
import type { Locale } from '$lib/i18n/localized';
import type { DecisionOutcome, DecisionTemplates } from '../db/schema/review';
import { layout, type RenderedEmail } from '../notify/templates';

/** Every placeholder as itself: a catalogue text called with these comes back as a template. */
const AS_WRITTEN = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `{${p}}`])) as TemplateValues;

/** The platform's own decision email for an outcome, in one language (with placeholders). */
export function defaultDecisionTemplate(
	outcome: DecisionOutcome,
	locale: Locale
): { subject: string; body: string } {
	const options = { locale };
	switch (outcome) {
		case 'accept':
			return {
				subject: m.decisions_email_accept_subject(AS_WRITTEN, options),
				body: m.decisions_email_accept_body(AS_WRITTEN, options)
			};
		case 'waitlist':
			return {
				subject: m.decisions_email_waitlist_subject(AS_WRITTEN, options),
				body: m.decisions_email_waitlist_body(AS_WRITTEN, options)
			};
		case 'reject':
			return {
				subject: m.decisions_email_reject_subject(AS_WRITTEN, options),
				body: m.decisions_email_reject_body(AS_WRITTEN, options)
			};
	}
}

/** The call's template for an outcome and language: the managers' text where they wrote one. */
export function decisionTemplate(
	templates: Partial<DecisionTemplates>,
	outcome: DecisionOutcome,
	locale: Locale
): { subject: string; body: string; custom: { subject: boolean; body: boolean } } {
	const fallback = defaultDecisionTemplate(outcome, locale);
	const subject = templates[outcome]?.subject?.[locale]?.trim() ?? '';
	const body = templates[outcome]?.body?.[locale]?.trim() ?? '';
	return {
		subject: subject || fallback.subject,
		body: body || fallback.body,
		custom: { subject: Boolean(subject), body: Boolean(body) }
	};
}

/** The jurors' comments as the applicant reads them: no names, one paragraph each. */
export function juryCommentsText(comments: string[], locale: Locale): string {
	const shown = comments.map((c) => c.trim()).filter(Boolean);
	if (shown.length === 0) return '';
	return [
		m.decisions_email_jury_comments({}, { locale }),
		...shown.map((c) => `– ${c.replace(/\s*\n\s*\n\s*/g, '\n')}`)
	].join('\n\n');
}

export interface DecisionEmailValues {
	organisation: string;
	call: string;
	programme: string;
	feedback: string;
	/** Already chosen: empty unless the managers included the jury's comments. */
	juryComments: string[];
	link: string;
}

/** The decision email for one applicant, in their language (see decisionEmailText). */
export function decisionEmail(
	template: { subject: string; body: string },
	locale: Locale,
	vars: DecisionEmailValues
): RenderedEmail {
	const { subject, paragraphs } = decisionEmailText(template, {
		organisation: vars.organisation,
		call: vars.call,
		programme: vars.programme,
		feedback: vars.feedback.trim(),
		juryComments: juryCommentsText(vars.juryComments, locale),
		link: vars.link
	});
	return layout(locale, { subject, lines: paragraphs });
}
