import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import { findActiveMembership, lockAccountForMembershipChange } from './memberships.queries.ts';

/**
 * Opens an administrator's change of the account's memberships: takes the account lock first (the
 * lock order), then reads the actor's own membership again under it. The request's access check ran
 * before the lock; meanwhile another administrator may have removed or blocked the actor, and a
 * change made on authority that is gone must not stand.
 */
export async function lockAccountAsAdministrator(trx: Kysely<DB>, accountId: string, actorId: string) {
  await lockAccountForMembershipChange(trx, accountId);
  const actor = await findActiveMembership(trx, accountId, actorId);
  if (!actor) throw notFound('No such account');
  if (!actor.is_admin) throw new ProblemError(403, 'forbidden', 'Only account administrators can manage users');
}
