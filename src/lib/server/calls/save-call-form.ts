import { eq } from 'drizzle-orm';
import { formDefinitionSchema, questionsOf } from '$lib/calls/form-definition';
import { formChangeProblems, type FormChangeProblem } from '$lib/calls/form-changes';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockCallForManager } from './lock-call';

export class FormChangeRefused extends AppError {
	constructor(readonly problems: FormChangeProblem[]) {
		super('conflict', 'form_change_refused', { form: 'form_change_refused' });
	}
}

/**
 * Saves the application form. While the call is a draft anything goes; once it is open, a change
 * that could invalidate answers already given is refused with the list of what it would break.
 */
export async function saveCallForm({
	actor,
	callId,
	version,
	form
}: {
	actor: Actor;
	callId: string;
	version: number;
	form: unknown;
}) {
	const parsed = formDefinitionSchema.safeParse(form);
	if (!parsed.success)
		throw new AppError('invalid_input', 'form_invalid', {
			form: parsed.error.issues[0]?.message ?? 'invalid'
		});
	return db().transaction(async (tx) => {
		const current = await lockCallForManager(tx, actor, callId, version);
		if (current.status !== 'draft') {
			const problems = formChangeProblems(current.form, parsed.data);
			if (problems.length) throw new FormChangeRefused(problems);
		}
		const [updated] = await tx
			.update(call)
			.set({
				form: parsed.data,
				// A yes/no rule whose question is gone would fail every applicant: it goes with the question.
				eligibilityRules: current.eligibilityRules.filter(
					(rule) =>
						rule.kind !== 'answer_yes' ||
						questionsOf(parsed.data).some((q) => q.id === rule.questionId && q.type === 'confirm')
				),
				version: current.version + 1,
				updatedAt: new Date()
			})
			.where(eq(call.id, callId))
			.returning({ version: call.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'call.form_saved',
			entityType: 'call',
			entityId: callId,
			organisationId: current.organisationId,
			data: { questions: parsed.data.sections.reduce((n, s) => n + s.questions.length, 0) }
		});
		return updated;
	});
}
