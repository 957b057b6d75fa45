import type { FormDefinition } from '$lib/calls/form-definition';
import type { EligibilityRule } from '$lib/calls/eligibility';
import type { LocalizedText } from '$lib/i18n/localized';

/** A demo call in the spirit of SocialTech4EU's selection for innovation support. */
export const DEMO_CALL_FORM: FormDefinition = {
	sections: [
		{
			id: 'innovation',
			title: { en: 'Your innovation', de: 'Ihre Innovation', sv: 'Er innovation' },
			description: {
				en: 'Tell us what you want to develop with the support of the programme.',
				de: 'Erzählen Sie uns, was Sie mit der Unterstützung des Programms entwickeln möchten.',
				sv: 'Berätta vad ni vill utveckla med stöd från programmet.'
			},
			questions: [
				{
					id: 'title',
					type: 'short_text',
					required: true,
					maxLength: 120,
					label: {
						en: 'Name of the innovation',
						de: 'Name der Innovation',
						sv: 'Innovationens namn'
					}
				},
				{
					id: 'challenge',
					type: 'long_text',
					required: true,
					maxLength: 2000,
					label: {
						en: 'Which social challenge do you address?',
						de: 'Welche gesellschaftliche Herausforderung gehen Sie an?',
						sv: 'Vilken samhällsutmaning tar ni er an?'
					},
					help: {
						en: 'Who is affected, and how will your work change their situation?',
						de: 'Wer ist betroffen, und wie verändert Ihre Arbeit deren Lage?',
						sv: 'Vilka berörs, och hur förändrar ert arbete deras situation?'
					}
				},
				{
					id: 'people_reached',
					type: 'number',
					required: true,
					min: 0,
					max: 1000000,
					integer: true,
					label: {
						en: 'People reached in the last 12 months',
						de: 'Erreichte Menschen in den letzten 12 Monaten',
						sv: 'Antal personer som nåtts de senaste 12 månaderna'
					}
				},
				{
					id: 'stage',
					type: 'single_choice',
					required: true,
					label: {
						en: 'Stage of the innovation',
						de: 'Stand der Innovation',
						sv: 'Innovationens skede'
					},
					options: [
						{ id: 'idea', label: { en: 'Idea', de: 'Idee', sv: 'Idé' } },
						{ id: 'pilot', label: { en: 'Pilot', de: 'Pilot', sv: 'Pilot' } },
						{ id: 'scaling', label: { en: 'Scaling', de: 'Skalierung', sv: 'Uppskalning' } }
					]
				},
				{
					id: 'support',
					type: 'multiple_choice',
					required: false,
					maxSelected: 3,
					label: {
						en: 'Which support would help most?',
						de: 'Welche Unterstützung würde am meisten helfen?',
						sv: 'Vilket stöd skulle hjälpa mest?'
					},
					options: [
						{ id: 'coaching', label: { en: 'Coaching', de: 'Coaching', sv: 'Coachning' } },
						{
							id: 'design',
							label: { en: 'Service design', de: 'Service-Design', sv: 'Tjänstedesign' }
						},
						{
							id: 'digital',
							label: { en: 'Digital tools', de: 'Digitale Werkzeuge', sv: 'Digitala verktyg' }
						},
						{
							id: 'legal',
							label: { en: 'Legal advice', de: 'Rechtsberatung', sv: 'Juridisk rådgivning' }
						},
						{ id: 'financing', label: { en: 'Financing', de: 'Finanzierung', sv: 'Finansiering' } }
					]
				},
				{
					id: 'start',
					type: 'date',
					required: false,
					label: { en: 'Planned start', de: 'Geplanter Beginn', sv: 'Planerad start' }
				}
			]
		},
		{
			id: 'contact',
			title: {
				en: 'Contact and documents',
				de: 'Kontakt und Unterlagen',
				sv: 'Kontakt och dokument'
			},
			questions: [
				{
					id: 'website',
					type: 'url',
					required: false,
					label: {
						en: 'Website or demo video',
						de: 'Website oder Demo-Video',
						sv: 'Webbplats eller demovideo'
					}
				},
				{
					id: 'contact_email',
					type: 'email',
					required: true,
					label: {
						en: 'Contact email for this application',
						de: 'Kontakt-E-Mail für diese Bewerbung',
						sv: 'Kontakt-e-post för ansökan'
					}
				},
				{
					id: 'pitch_deck',
					type: 'file',
					required: false,
					accept: ['pdf', 'png', 'jpeg'],
					maxSizeMb: 10,
					label: {
						en: 'Pitch deck (PDF, PNG or JPEG, up to 10 MB)',
						de: 'Pitch-Deck (PDF, PNG oder JPEG, bis 10 MB)',
						sv: 'Pitchdeck (PDF, PNG eller JPEG, högst 10 MB)'
					}
				},
				{
					id: 'terms',
					type: 'confirm',
					required: true,
					label: {
						en: 'I confirm that the information is correct and accept the programme terms.',
						de: 'Ich bestätige, dass die Angaben korrekt sind, und akzeptiere die Programmbedingungen.',
						sv: 'Jag intygar att uppgifterna är korrekta och godkänner programmets villkor.'
					}
				}
			]
		}
	]
};

export const DEMO_CALL_TEXTS: {
	title: LocalizedText;
	summary: LocalizedText;
	description: LocalizedText;
	eligibilityText: LocalizedText;
} = {
	title: {
		en: 'Innovation support for social enterprises 2026',
		de: 'Innovationsförderung für Sozialunternehmen 2026',
		sv: 'Innovationsstöd för sociala företag 2026'
	},
	summary: {
		en: 'Coaching, a hackathon weekend and innovation vouchers for 16 social enterprises from the SocialTech4EU regions.',
		de: 'Coaching, ein Hackathon-Wochenende und Innovationsgutscheine für 16 Sozialunternehmen aus den SocialTech4EU-Regionen.',
		sv: 'Coachning, en hackathonhelg och innovationscheckar för 16 sociala företag från SocialTech4EU-regionerna.'
	},
	description: {
		en: 'Selected enterprises join the Social Innovation Hackathon with team coaches and sparring partners, then receive vouchers for professional services and are accompanied for twelve months.\n\nApplications are scored by an international jury against four criteria: social impact, innovation, feasibility and team.',
		de: 'Ausgewählte Unternehmen nehmen am Social Innovation Hackathon mit Teamcoaches und Sparringspartnern teil, erhalten danach Gutscheine für professionelle Dienstleistungen und werden zwölf Monate begleitet.\n\nEine internationale Jury bewertet die Bewerbungen nach vier Kriterien: gesellschaftliche Wirkung, Innovation, Machbarkeit und Team.',
		sv: 'Utvalda företag deltar i Social Innovation Hackathon med teamcoacher och sparringpartner, får sedan checkar för professionella tjänster och följs under tolv månader.\n\nEn internationell jury bedömer ansökningarna utifrån fyra kriterier: social påverkan, innovation, genomförbarhet och team.'
	},
	eligibilityText: {
		en: 'Social enterprises registered in Italy, Romania, Sweden, Germany or Spain with fewer than 250 employees.',
		de: 'Sozialunternehmen mit Sitz in Italien, Rumänien, Schweden, Deutschland oder Spanien und weniger als 250 Beschäftigten.',
		sv: 'Sociala företag registrerade i Italien, Rumänien, Sverige, Tyskland eller Spanien med färre än 250 anställda.'
	}
};

export const DEMO_CALL_RULES: EligibilityRule[] = [
	{ kind: 'country_in', countries: ['IT', 'RO', 'SE', 'DE', 'ES'] },
	{ kind: 'employees_below', limit: 250 },
	{ kind: 'answer_yes', questionId: 'terms' }
];

const anchors = (texts: [string, string, string][]) =>
	texts.map(([en, de, sv], i) => ({ value: i + 1, text: { en, de, sv } }));
const scale = anchors([
	['Very weak', 'Sehr schwach', 'Mycket svag'],
	['Weak', 'Schwach', 'Svag'],
	['Adequate', 'Angemessen', 'Godtagbar'],
	['Good', 'Gut', 'Bra'],
	['Excellent', 'Hervorragend', 'Utmärkt']
]);

export const DEMO_CALL_CRITERIA = [
	{
		name: { en: 'Social impact', de: 'Gesellschaftliche Wirkung', sv: 'Social påverkan' },
		rubric: {
			en: 'How much does the innovation improve the lives of the people it serves?',
			de: 'Wie sehr verbessert die Innovation das Leben der Menschen, für die sie gedacht ist?',
			sv: 'Hur mycket förbättrar innovationen livet för dem den riktar sig till?'
		},
		weight: 30
	},
	{
		name: { en: 'Innovation', de: 'Innovation', sv: 'Innovation' },
		rubric: {
			en: 'Is the approach new for the region or the sector?',
			de: 'Ist der Ansatz neu für die Region oder die Branche?',
			sv: 'Är angreppssättet nytt för regionen eller branschen?'
		},
		weight: 25
	},
	{
		name: { en: 'Feasibility', de: 'Machbarkeit', sv: 'Genomförbarhet' },
		rubric: {
			en: 'Can the enterprise deliver it within the programme with the support offered?',
			de: 'Kann das Unternehmen es im Programm mit der angebotenen Unterstützung umsetzen?',
			sv: 'Kan företaget genomföra det inom programmet med det stöd som erbjuds?'
		},
		weight: 25
	},
	{
		name: { en: 'Team', de: 'Team', sv: 'Team' },
		rubric: {
			en: 'Does the team have the skills and commitment needed?',
			de: 'Hat das Team die nötigen Fähigkeiten und das Engagement?',
			sv: 'Har teamet den kompetens och det engagemang som krävs?'
		},
		weight: 20
	}
].map((c, position) => ({ ...c, scaleMin: 1, scaleMax: 5, anchors: scale, position }));
