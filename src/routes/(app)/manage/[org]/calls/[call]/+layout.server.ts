import type { LayoutServerLoad } from './$types';
import { callOf } from '../access.server';

export const load = (async (event) => {
	const { call, canManage, organisation } = await callOf(event, 'call.view');
	return {
		call: {
			id: call.id,
			slug: call.slug,
			title: call.title,
			fallbackLocale: call.fallbackLocale,
			timeZone: call.timeZone,
			opensAt: call.opensAt,
			closesAt: call.closesAt,
			status: call.status,
			version: call.version,
			programmeName: call.programmeName,
			organisationName: call.organisationName,
			ours: call.organisationId === organisation.id
		},
		canManage
	};
}) satisfies LayoutServerLoad;
