import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { holdsAdminGroup } from '../memberships/memberships.queries.ts';

/** At most this many administrators are named to a member: whom to ask, not a directory. */
export const ADMINISTRATORS_NAMED = 50;

/** The account's active administrators, by name (blocked, invited and removed ones cannot help). */
export function listActiveAdministrators(db: Kysely<DB>, accountId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.first_name', 'u.last_name'])
    .where('m.account_id', '=', accountId)
    .where('m.state', '=', 'active')
    .where((eb) => holdsAdminGroup(eb))
    .orderBy('u.first_name')
    .orderBy('u.last_name')
    .orderBy('u.id')
    .limit(ADMINISTRATORS_NAMED)
    .execute();
}
