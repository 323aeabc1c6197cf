import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/**
 * What a person may use in one account: the union of the permissions of the groups they hold, for
 * an active membership only (blocked, removed, invited or unknown: none, so a check fails closed).
 * One statement over primary keys: the membership, its groups, each group.
 */
export async function findEffectivePermissions(db: Kysely<DB>, accountId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('membership_groups as mg', (join) => join.onRef('mg.account_id', '=', 'm.account_id').onRef('mg.user_id', '=', 'm.user_id'))
    .innerJoin('groups as g', 'g.id', 'mg.group_id')
    .select(sql<string>`unnest(g.permissions)`.as('permission'))
    .where('m.account_id', '=', accountId)
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'active')
    .execute();
  return [...new Set(rows.map((row) => row.permission))].sort();
}
