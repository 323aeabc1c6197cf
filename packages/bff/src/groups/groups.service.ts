import type { Kysely } from 'kysely';
import type { Group } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { listGroups } from './groups.queries.ts';

export async function listAccountGroups(db: Kysely<DB>, accountId: string): Promise<Group[]> {
  const rows = await listGroups(db, accountId);
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    permissions: g.permissions,
    isDefault: g.is_default,
  }));
}
