import { eq } from 'drizzle-orm';
import { eligibilityRulesSchema } from '$lib/calls/eligibility';
import { questionsOf } from '$lib/calls/form-definition';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { call } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { lockCallForManager } from './lock-call';

export async function saveEligibilityRules({
	actor,
	callId,
	version,
	rules
}: {
	actor: Actor;
	callId: string;
	version: number;
	rules: unknown;
}) {
	const parsed = eligibilityRulesSchema.safeParse(rules);
	if (!parsed.success)
		throw new AppError('invalid_input', 'rules_invalid', {
			rules: parsed.error.issues[0]?.message ?? 'invalid'
		});
	return db().transaction(async (tx) => {
		const current = await lockCallForManager(tx, actor, callId, version);
		const confirmIds = new Set(
			questionsOf(current.form)
				.filter((q) => q.type === 'confirm')
				.map((q) => q.id)
		);
		for (const rule of parsed.data) {
			if (rule.kind === 'answer_yes' && !confirmIds.has(rule.questionId)) {
				throw new AppError('invalid_input', 'rule_question_unknown', {
					rules: 'rule_question_unknown'
				});
			}
		}
		const [updated] = await tx
			.update(call)
			.set({ eligibilityRules: parsed.data, version: current.version + 1, updatedAt: new Date() })
			.where(eq(call.id, callId))
			.returning({ version: call.version });
		await recordAudit(tx, {
			actorUserId: actor.userId,
			action: 'call.eligibility_saved',
			entityType: 'call',
			entityId: callId,
			organisationId: current.organisationId,
			data: { rules: parsed.data.length }
		});
		return updated;
	});
}
