import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { activeAdministratorGroupRows, administratorGroupIds } from '../memberships/memberships.queries.ts';

/** At most this many administrators are named to a member: whom to ask, not a directory. */
export const ADMINISTRATORS_NAMED = 50;

/** The account's active administrators, by name (blocked, invited and removed ones cannot help). */
export async function listActiveAdministrators(db: Kysely<DB>, accountId: string) {
  const adminGroupIds = await administratorGroupIds(db, accountId);
  if (adminGroupIds.length === 0) return [];
  return (
    activeAdministratorGroupRows(db, accountId, adminGroupIds)
      .innerJoin('users as u', 'u.id', 'mg.user_id')
      // Once each, though they may hold more than one administrators' group.
      .select(['u.id', 'u.first_name', 'u.last_name'])
      .distinct()
      .orderBy('u.first_name')
      .orderBy('u.last_name')
      .orderBy('u.id')
      .limit(ADMINISTRATORS_NAMED)
      .execute()
  );
}
