import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/** The default group first, then by name. */
export function listGroups(db: Kysely<DB>, accountId: string) {
  return db
    .selectFrom('groups')
    .select(['id', 'name', 'description', 'permissions', 'is_default'])
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute();
}
