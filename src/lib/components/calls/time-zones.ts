/** Time zones offered for a call: Europe's, plus the Atlantic islands of EU and EEA countries. */
export const EUROPEAN_TIME_ZONES = [
	'Atlantic/Azores',
	'Atlantic/Canary',
	'Atlantic/Madeira',
	'Atlantic/Reykjavik',
	'Europe/Amsterdam',
	'Europe/Athens',
	'Europe/Belgrade',
	'Europe/Berlin',
	'Europe/Bratislava',
	'Europe/Brussels',
	'Europe/Bucharest',
	'Europe/Budapest',
	'Europe/Copenhagen',
	'Europe/Dublin',
	'Europe/Helsinki',
	'Europe/Kyiv',
	'Europe/Lisbon',
	'Europe/Ljubljana',
	'Europe/London',
	'Europe/Luxembourg',
	'Europe/Madrid',
	'Europe/Malta',
	'Europe/Oslo',
	'Europe/Paris',
	'Europe/Prague',
	'Europe/Riga',
	'Europe/Rome',
	'Europe/Sofia',
	'Europe/Stockholm',
	'Europe/Tallinn',
	'Europe/Vaduz',
	'Europe/Vienna',
	'Europe/Vilnius',
	'Europe/Warsaw',
	'Europe/Zagreb',
	'Europe/Zurich',
	'Asia/Nicosia'
] as const;

/** The list to offer, with the current value kept even when it is not a European zone. */
export function timeZoneChoices(current: string | undefined): string[] {
	const list: string[] = [...EUROPEAN_TIME_ZONES];
	if (current && !list.includes(current)) list.push(current);
	return list.sort();
}
