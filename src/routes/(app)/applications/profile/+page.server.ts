import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { profileValuesFromForm, type ProfileValues } from '$lib/components/apply/profile-values';
import { parseForm } from '$lib/forms/validation';
import { enterpriseProfileSchema } from '$lib/schemas/enterprise';
import {
	findEnterpriseProfile,
	updateEnterpriseProfile
} from '$lib/server/enterprises/save-enterprise-profile';
import { AppError } from '$lib/server/errors';
import { actionFailure, guard, httpError } from '$lib/server/http';
import { can } from '$lib/server/identity/can';
import { activeEnterprise } from '../active-enterprise';

function enterpriseOf(event: RequestEvent) {
	const actor = guard(event, 'space.applicant');
	const enterprise = activeEnterprise(actor);
	const canEdit = can(actor, 'organisation.manage', {
		type: 'organisation',
		id: enterprise.organisationId
	});
	return { actor, enterprise, canEdit };
}

export const load = (async (event) => {
	const { enterprise, canEdit } = enterpriseOf(event);
	const profile = await findEnterpriseProfile(enterprise.organisationId);
	if (!profile) httpError(new AppError('not_found'));
	const values: ProfileValues = {
		name: profile.name,
		organisationNumber: profile.organisationNumber ?? '',
		country: profile.country,
		legalForm: profile.legalForm ?? '',
		foundedYear: profile.foundedYear === null ? '' : String(profile.foundedYear),
		employees: profile.employees === null ? '' : String(profile.employees),
		website: profile.website ?? '',
		impactAreas: profile.impactAreas,
		team: profile.team,
		founderBackground: profile.founderBackground ?? [],
		founderConsent: Boolean(profile.founderBackgroundConsentAt)
	};
	return { enterprise: { name: enterprise.name }, canEdit, profile: values };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { actor, enterprise, canEdit } = enterpriseOf(event);
		if (!canEdit) return fail(403, { errors: { _form: 'forbidden' } });
		const form = await event.request.formData();
		const parsed = parseForm(enterpriseProfileSchema, form);
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors, profile: profileValuesFromForm(form) });
		try {
			await updateEnterpriseProfile({
				actor,
				organisationId: enterprise.organisationId,
				profile: parsed.data
			});
		} catch (e) {
			return actionFailure(e);
		}
		return { saved: true };
	}
} satisfies Actions;
