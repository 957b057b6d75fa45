/**
 * Decision email templates: managers write them with {placeholders}; each decision email fills
 * them for one applicant. Pure, shared by the server (emails) and the template editor (preview).
 */

/** The placeholders a template may use, in the order the editor lists them. */
export const PLACEHOLDERS = [
	'organisation',
	'call',
	'programme',
	'feedback',
	'juryComments',
	'link'
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

const PATTERN = /\{([A-Za-z]+)\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** The names in braces that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
	const unknown = new Set<string>();
	for (const [, name] of template.matchAll(PATTERN)) if (!KNOWN.has(name)) unknown.add(name);
	return [...unknown];
}

/** Which placeholders a template uses. */
export function usedPlaceholders(template: string): Set<Placeholder> {
	const used = new Set<Placeholder>();
	for (const [, name] of template.matchAll(PATTERN)) {
		if (KNOWN.has(name)) used.add(name as Placeholder);
	}
	return used;
}

/**
 * Fills every known placeholder in one pass: a value is inserted as it is and never read again,
 * so text an applicant or a manager wrote ("{call}", "$&") cannot pull in other values. Unknown
 * names in braces stay as written (saving a template refuses them).
 */
export function fillTemplate(template: string, values: TemplateValues): string {
	return template.replace(PATTERN, (whole, name: string) =>
		KNOWN.has(name) ? values[name as Placeholder] : whole
	);
}

/** Subject lines are one line: any line break a value brings becomes a space. */
export function fillSubject(template: string, values: TemplateValues): string {
	return fillTemplate(template, values)
		.replace(/\s*[\r\n]+\s*/g, ' ')
		.trim();
}

/**
 * The subject and paragraphs of a decision email. The feedback and the jury's comments always
 * reach the applicant: a body that does not place them gets them after its text.
 */
export function decisionEmailText(
	template: { subject: string; body: string },
	values: TemplateValues
): { subject: string; paragraphs: string[] } {
	const used = usedPlaceholders(template.body);
	const body = [
		fillTemplate(template.body, values),
		used.has('feedback') ? '' : values.feedback,
		used.has('juryComments') ? '' : values.juryComments
	].join('\n\n');
	return {
		subject: fillSubject(template.subject, values),
		paragraphs: body
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter(Boolean)
	};
}
