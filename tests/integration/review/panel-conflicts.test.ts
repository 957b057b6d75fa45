import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { juryConflict } from '../../../src/lib/server/db/schema';
import { detectConflicts } from '../../../src/lib/server/review/detect-conflicts';
import { addMember, createUser } from '../../factories';
import { juror, juryCall, submittedApplication } from '../../factories-panel';

async function conflictsOf(callId: string) {
	return db()
		.select({
			memberId: juryConflict.juryMemberId,
			applicationId: juryConflict.applicationId,
			source: juryConflict.source,
			reason: juryConflict.reason
		})
		.from(juryConflict)
		.where(eq(juryConflict.callId, callId))
		.orderBy(asc(juryConflict.source), asc(juryConflict.reason));
}

describe('detectConflicts', () => {
	it('finds a juror who is a member of the applicant organisation', async () => {
		const { call } = await juryCall();
		const app = await submittedApplication(call.id);
		const anna = await juror(call.id, 'Anna');
		await addMember(app.applicant.enterprise.id, anna.user.id, 'member');
		await submittedApplication(call.id);

		const found = await detectConflicts(db(), call.id);

		expect([found, await conflictsOf(call.id)]).toEqual([
			1,
			[
				{
					memberId: anna.member.id,
					applicationId: app.id,
					source: 'organisation_member',
					reason: ''
				}
			]
		]);
	});

	it("finds a juror whose address shares its domain with a member's, in any letter case", async () => {
		const { call } = await juryCall();
		const app = await submittedApplication(call.id, {
			person: { email: 'founder@kvarterskraft.se' }
		});
		const colleague = await createUser({ email: 'treasurer@Kvarterskraft.SE' });
		await addMember(app.applicant.enterprise.id, colleague.id);
		const bert = await juror(call.id, 'Bert', {}, { email: 'bert@kvarterskraft.se' });
		await juror(call.id, 'Carla', {}, { email: 'carla@other-cooperative.se' });

		await detectConflicts(db(), call.id);

		expect(await conflictsOf(call.id)).toEqual([
			{
				memberId: bert.member.id,
				applicationId: app.id,
				source: 'email_domain',
				reason: 'kvarterskraft.se'
			}
		]);
	});

	it('ignores free-mail domains: two gmail addresses are no conflict', async () => {
		const { call } = await juryCall();
		await submittedApplication(call.id, { person: { email: 'founder.free@gmail.com' } });
		await juror(call.id, 'Dana', {}, { email: 'dana.free@gmail.com' });

		expect([await detectConflicts(db(), call.id), await conflictsOf(call.id)]).toEqual([0, []]);
	});

	it('run twice records each conflict once, and never replaces a declared one', async () => {
		const { call } = await juryCall();
		const app = await submittedApplication(call.id, { person: { email: 'a@coop-one.se' } });
		const erik = await juror(call.id, 'Erik', {}, { email: 'erik@coop-one.se' });
		await db().insert(juryConflict).values({
			callId: call.id,
			juryMemberId: erik.member.id,
			applicationId: app.id,
			source: 'declared',
			reason: 'I advised them last year'
		});

		const first = await detectConflicts(db(), call.id);
		const second = await detectConflicts(db(), call.id);

		expect([first, second, await conflictsOf(call.id)]).toEqual([
			0,
			0,
			[
				{
					memberId: erik.member.id,
					applicationId: app.id,
					source: 'declared',
					reason: 'I advised them last year'
				}
			]
		]);
	});

	it('looks only at applications the jury reviews and jurors still on the panel', async () => {
		const { call } = await juryCall();
		await submittedApplication(call.id, {
			screening: 'not_eligible',
			person: { email: 'x@coop-two.se' }
		});
		await juror(call.id, 'Fia', {}, { email: 'fia@coop-two.se' });

		expect(await detectConflicts(db(), call.id)).toBe(0);
	});
});
