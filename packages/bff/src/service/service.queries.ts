import { sql, type Kysely } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION } from '@roster/shared';
import type { DB } from '../db/types.ts';

/** A new account with its default Administrators group (DESIGN.md: every account has one). */
export async function insertAccount(db: Kysely<DB>, name: string, now: Date) {
  const account = await db.insertInto('accounts').values({ name, created_at: now }).returning(['id', 'name']).executeTakeFirstOrThrow();
  await db
    .insertInto('groups')
    .values({
      account_id: account.id,
      name: 'Administrators',
      description: 'Manage the account and its users',
      permissions: [ACCOUNT_ADMIN_PERMISSION],
      is_default: true,
      created_at: now,
    })
    .execute();
  return account;
}

/** The account, locked against concurrent membership changes (first in the lock order), or undefined. */
export function lockAccount(db: Kysely<DB>, accountId: string) {
  return db.selectFrom('accounts').select(['id', 'name']).where('id', '=', accountId).forNoKeyUpdate().executeTakeFirst();
}

export function findAccount(db: Kysely<DB>, accountId: string) {
  return db.selectFrom('accounts').select(['id', 'name']).where('id', '=', accountId).executeTakeFirst();
}

export async function renameAccount(db: Kysely<DB>, accountId: string, name: string) {
  await db.updateTable('accounts').set({ name }).where('id', '=', accountId).execute();
}

/** Every account, by name: the command line's list. */
export function listAccounts(db: Kysely<DB>) {
  return db.selectFrom('accounts').select(['id', 'name', 'created_at']).orderBy('name').orderBy('id').execute();
}

export function findGroup(db: Kysely<DB>, accountId: string, groupId: string) {
  return db
    .selectFrom('groups')
    .select(['id', 'name', 'description', 'permissions', 'is_default'])
    .where('account_id', '=', accountId)
    .where('id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();
}

export function groupNameTaken(db: Kysely<DB>, accountId: string, name: string, exceptId?: string) {
  return db
    .selectFrom('groups')
    .select('id')
    .where('account_id', '=', accountId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function insertGroup(db: Kysely<DB>, group: { accountId: string; name: string; description: string; permissions: string[]; now: Date }) {
  return db
    .insertInto('groups')
    .values({ account_id: group.accountId, name: group.name, description: group.description, permissions: group.permissions, created_at: group.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateGroup(db: Kysely<DB>, groupId: string, change: { name?: string; description?: string; permissions?: string[] }) {
  await db.updateTable('groups').set(change).where('id', '=', groupId).execute();
}

export async function deleteGroup(db: Kysely<DB>, groupId: string) {
  await db.deleteFrom('groups').where('id', '=', groupId).execute();
}

/** Whether anyone (invited, active or blocked: only they hold groups) holds the group. */
export async function groupIsHeld(db: Kysely<DB>, groupId: string) {
  const row = await db.selectFrom('membership_groups').select('user_id').where('group_id', '=', groupId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export function findPersonByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name']).where('email', '=', email).executeTakeFirst();
}

/**
 * One page of the account's members (invited, active, blocked), keyset-paged by user id through the
 * memberships primary key, with their group ids and, for active members, their permissions.
 */
export function listMembersPage(db: Kysely<DB>, accountId: string, page: { afterUserId?: string; limit: number }) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'm.user_id',
      'u.email',
      'm.state',
      eb
        .selectFrom('membership_groups as mg')
        .select(sql<string[]>`coalesce(array_agg(mg.group_id::text order by mg.group_id), '{}')`.as('ids'))
        .whereRef('mg.account_id', '=', 'm.account_id')
        .whereRef('mg.user_id', '=', 'm.user_id')
        .as('group_ids'),
      // The union of their groups' permissions (what the checks answer for an active member).
      sql<string[]>`(
        select coalesce(array_agg(distinct p.id order by p.id), '{}')
        from membership_groups mg
        join groups g on g.id = mg.group_id
        cross join unnest(g.permissions) as p(id)
        where mg.account_id = m.account_id and mg.user_id = m.user_id
      )`.as('permissions'),
    ])
    .where('m.account_id', '=', accountId)
    .where('m.state', 'in', ['invited', 'active', 'blocked'])
    .$if(page.afterUserId !== undefined, (qb) => qb.where('m.user_id', '>', page.afterUserId!))
    .orderBy('m.user_id')
    .limit(page.limit)
    .execute();
}
