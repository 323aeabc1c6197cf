import type { Kysely } from 'kysely';
import type { Administrators, MyAccess } from '@roster/shared';
import type { DB } from '../db/types.ts';
import type { PermissionCatalog } from '../groups/permission-catalog.ts';
import { listMemberGroups } from '../memberships/memberships.queries.ts';
import { listActiveAdministrators } from './account-access.queries.ts';

/** The caller's groups in the account with what each grants, labelled by the host's catalogue. */
export async function myAccess(db: Kysely<DB>, accountId: string, userId: string, describe: PermissionCatalog): Promise<MyAccess> {
  const groups = await listMemberGroups(db, accountId, userId);
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, permissions: describe(g.permissions) })),
    permissions: describe(groups.flatMap((g) => g.permissions)),
  };
}

export async function administratorsOf(db: Kysely<DB>, accountId: string): Promise<Administrators> {
  const rows = await listActiveAdministrators(db, accountId);
  return { administrators: rows.map((u) => ({ id: u.id, firstName: u.first_name, lastName: u.last_name })) };
}
