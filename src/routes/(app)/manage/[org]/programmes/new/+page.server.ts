import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/forms/validation';
import { programmeSchema } from '$lib/schemas/programmes';
import { actionFailure } from '$lib/server/http';
import { createProgramme } from '$lib/server/programmes/create-programme';
import { listClusters } from '$lib/server/programmes/queries';
import { clusterOf } from '../access.server';

type TargetRow = { indicator: string; label: string; target: string };

/** The target rows typed in, without the blank ones (the page offers spare rows). */
function targetRows(data: FormData): TargetRow[] {
	const texts = (name: string) => data.getAll(name).map((v) => (typeof v === 'string' ? v : ''));
	const indicators = texts('target_indicator');
	const labels = texts('target_label');
	const values = texts('target_value');
	const rows: TargetRow[] = [];
	for (let i = 0; i < Math.max(indicators.length, labels.length, values.length); i++) {
		const row = {
			indicator: (indicators[i] ?? '').trim().slice(0, 100),
			label: (labels[i] ?? '').trim().slice(0, 300),
			target: (values[i] ?? '').trim().slice(0, 20)
		};
		if (row.indicator || row.label || row.target) rows.push(row);
	}
	return rows.slice(0, 25);
}

export const load = (async (event) => {
	const { organisation } = await clusterOf(event);
	const clusters = await listClusters();
	return {
		partners: clusters.filter((c) => c.id !== organisation.id),
		defaultCurrency: organisation.country === 'SE' ? 'SEK' : 'EUR'
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { organisation, actor } = await clusterOf(event);
		const data = await event.request.formData();
		const targets = targetRows(data);
		const partnerIds = data.getAll('partnerIds').filter((v): v is string => typeof v === 'string');
		const values: Record<string, string> = {};
		for (const [key, value] of data) {
			if (typeof value === 'string' && !key.startsWith('target_') && key !== 'partnerIds')
				values[key] = value;
		}
		const parsed = parseForm(programmeSchema, {
			...values,
			partnerIds,
			targets: targets.map((t) => ({ indicator: t.indicator, label: t.label, target: t.target }))
		});
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors, values: parsed.values, partnerIds, targets });
		let slug: string;
		try {
			({ slug } = await createProgramme({
				actor,
				organisationId: organisation.id,
				input: parsed.data
			}));
		} catch (e) {
			const failure = actionFailure(e, values);
			return fail(failure.status, { ...failure.data, partnerIds, targets });
		}
		redirect(303, `/manage/${organisation.slug}/programmes/${slug}`);
	}
} satisfies Actions;
