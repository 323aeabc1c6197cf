import type { Kysely } from 'kysely';
import type { Group } from '@roster/shared';
import type { DB } from '../db/types.ts';
import type { PermissionCatalog } from './permission-catalog.ts';
import { listGroups } from './groups.queries.ts';

export async function listAccountGroups(db: Kysely<DB>, accountId: string, describe: PermissionCatalog): Promise<Group[]> {
  const rows = await listGroups(db, accountId);
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    permissions: describe(g.permissions),
    isDefault: g.is_default,
    memberCount: Number(g.member_count),
  }));
}
