import type { Answers } from '$lib/calls/answers';
import type { FormDefinition, QuestionType } from '$lib/calls/form-definition';
import type { JurorProfile } from '$lib/review/juror-review';

/** The enterprise behind an application, as the database holds it. */
export interface EnterpriseProfile {
	name: string;
	organisationNumber: string | null;
	country: string;
	legalForm: string | null;
	foundedYear: number | null;
	employees: number | null;
	website: string | null;
	impactAreas: number[];
	/** The team as the enterprise presents itself. */
	team: { name: string; role: string }[];
	/** Names of the people with an account in the organisation (never shown; only redacted). */
	memberNames: string[];
}

export interface JurorApplication {
	/** The form with the questions the juror may read (withheld ones removed, empty sections too). */
	form: FormDefinition;
	answers: Answers;
	profile: JurorProfile;
	/** Ids of the questions withheld from the juror. */
	withheld: string[];
}

/** Replaces a name, an address or a link in a blind text answer. */
export const REDACTED = '[…]';

/** Answers of these types identify by nature: an address, a website, a document with a letterhead. */
const IDENTIFYING_TYPES: ReadonlySet<QuestionType> = new Set(['email', 'url', 'file']);

/** Words of organisation names that name a legal form or a sector, not the organisation. */
const GENERIC_NAME_WORDS = new Set(
	[
		'ab',
		'ag',
		'aps',
		'asbl',
		'association',
		'cooperativa',
		'cooperative',
		'coop',
		'eg',
		'ekonomisk',
		'ek',
		'förening',
		'forening',
		'foundation',
		'genossenschaft',
		'ggmbh',
		'gmbh',
		'gug',
		'hb',
		'ideell',
		'impresa',
		'kb',
		'ltd',
		'limited',
		'onlus',
		'sociale',
		'social',
		'soziale',
		'spa',
		'srl',
		'stiftelse',
		'stiftung',
		'the',
		'und',
		'och',
		'and',
		'ug',
		'verein'
	].map((w) => w.toLocaleLowerCase())
);

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names to hide: whole names, and each distinctive word of them. */
function namesToHide(profile: EnterpriseProfile): string[] {
	const names = new Set<string>();
	const add = (whole: string, isOrganisation: boolean) => {
		const trimmed = whole.trim();
		if (trimmed.length < 3) return;
		names.add(trimmed);
		for (const word of trimmed.split(/[\s,.;:()"'/&+-]+/u)) {
			if (word.length < 3) continue;
			if (isOrganisation && (word.length < 4 || GENERIC_NAME_WORDS.has(word.toLocaleLowerCase())))
				continue;
			names.add(word);
		}
	};
	add(profile.name, true);
	for (const person of profile.team) add(person.name, false);
	for (const person of profile.memberNames) add(person, false);
	// Longest first, so a full name is replaced as one before its parts are looked for.
	return [...names].sort((a, b) => b.length - a.length);
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/gu;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const DOMAIN =
	/\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,6})(?:\/[^\s<>"]*)?(?![\p{L}\p{N}])/giu;
/** A phone number: starts with + or 0, at least eight digits in all (dots separate dates, not numbers). */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|0)\d(?:[\s()/-]?\d){6,}(?![\p{N}])/gu;

/**
 * A free-text answer with whatever identifies the enterprise replaced by REDACTED: its name and
 * the distinctive words of it, the names of its team and members, email addresses, links and
 * phone numbers. It errs on the side of hiding.
 */
export function redactText(text: string, names: readonly string[]): string {
	let result = text.replace(EMAIL, REDACTED).replace(LINK, REDACTED);
	for (const name of names) {
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
		result = result.replace(pattern, REDACTED);
	}
	return result.replace(DOMAIN, REDACTED).replace(PHONE, REDACTED);
}

/**
 * What a juror may read of an application. With blind review: no organisation name, number or
 * website, no people (team, members, founder data), no answers that identify by nature (email
 * addresses, links, files), and names, addresses and numbers blanked out of the free texts.
 * Without blind review the juror sees the application as sent, except the founder background,
 * which the enterprise gave only for aggregate reporting and which is never in the profile here.
 */
export function blindAnswers(
	form: FormDefinition,
	answers: Answers,
	profile: EnterpriseProfile,
	blind: boolean
): JurorApplication {
	const common = {
		country: profile.country,
		legalForm: profile.legalForm,
		foundedYear: profile.foundedYear,
		employees: profile.employees,
		impactAreas: [...profile.impactAreas],
		teamSize: profile.team.length
	};
	if (!blind) {
		return {
			form,
			answers: { ...answers },
			profile: {
				...common,
				name: profile.name,
				website: profile.website,
				organisationNumber: profile.organisationNumber,
				team: profile.team.map((p) => ({ name: p.name, role: p.role }))
			},
			withheld: []
		};
	}

	const names = namesToHide(profile);
	const withheld: string[] = [];
	const kept: Answers = {};
	const sections = form.sections
		.map((section) => ({
			...section,
			questions: section.questions.filter((question) => {
				if (IDENTIFYING_TYPES.has(question.type)) {
					withheld.push(question.id);
					return false;
				}
				const answer = answers[question.id];
				if (answer !== undefined)
					kept[question.id] =
						(question.type === 'short_text' || question.type === 'long_text') &&
						typeof answer === 'string'
							? redactText(answer, names)
							: answer;
				return true;
			})
		}))
		.filter((section) => section.questions.length > 0);

	return {
		form: { sections },
		answers: kept,
		profile: { ...common, name: null, website: null, organisationNumber: null, team: null },
		withheld
	};
}
