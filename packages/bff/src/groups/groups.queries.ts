import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/**
 * The account's groups, the default one first, then by name, each with how many people hold it
 * (kept by triggers, migration 0013: the same cost at any size of account).
 */
export function listGroups(db: Kysely<DB>, accountId: string) {
  return db
    .selectFrom('groups as g')
    .leftJoin('group_member_counts as c', 'c.group_id', 'g.id')
    .select((eb) => ['g.id', 'g.name', 'g.description', 'g.permissions', 'g.is_default', eb.fn.coalesce('c.count', sql<string>`0`).as('member_count')])
    .where('g.account_id', '=', accountId)
    .orderBy('g.is_default', 'desc')
    .orderBy('g.name')
    .execute();
}

/** These groups, when they are this account's (fewer rows than ids: some are not). */
export function findAccountGroups(db: Kysely<DB>, accountId: string, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('groups')
    .select(['id', 'name', 'permissions'])
    .where('account_id', '=', accountId)
    .where('id', 'in', groupIds)
    .orderBy('name')
    .execute();
}
