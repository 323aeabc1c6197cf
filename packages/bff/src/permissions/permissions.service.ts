import type { Kysely } from 'kysely';
import { isUuid, type PermissionSet } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { findEffectivePermissions } from './permissions.queries.ts';

/** One person's permissions in one account, or the empty set: never an error, never a hint. */
export async function permissionsOf(db: Kysely<DB>, accountId: string, userId: string): Promise<PermissionSet> {
  return { permissions: isUuid(accountId) && isUuid(userId) ? await findEffectivePermissions(db, accountId, userId) : [] };
}
