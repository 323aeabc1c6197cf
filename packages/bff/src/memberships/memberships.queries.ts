import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION } from '@roster/shared';
import type { DB } from '../db/types.ts';

/** Whether group `g` grants account-admin. */
export const grantsAccountAdmin = sql<boolean>`${ACCOUNT_ADMIN_PERMISSION} = any(g.permissions)`;

/** Whether membership `m` holds a group granting account-admin: the one definition of "administrator". */
export function holdsAdminGroup(eb: ExpressionBuilder<DB & { m: DB['memberships'] }, 'm'>) {
  return eb
    .exists(
      eb
        .selectFrom('membership_groups as mg')
        .innerJoin('groups as g', 'g.id', 'mg.group_id')
        .whereRef('mg.account_id', '=', 'm.account_id')
        .whereRef('mg.user_id', '=', 'm.user_id')
        .where(grantsAccountAdmin),
    )
    .$castTo<boolean>();
}

/** The caller's active membership in one account, or undefined. */
export function findActiveMembership(db: Kysely<DB>, accountId: string, userId: string) {
  return db
    .selectFrom('memberships as m')
    .select((eb) => ['m.account_id', holdsAdminGroup(eb).as('is_admin')])
    .where('m.account_id', '=', accountId)
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'active')
    .executeTakeFirst();
}

/** The accounts where the user is an active member, by name. */
export function listActiveAccounts(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select((eb) => ['a.id', 'a.name', holdsAdminGroup(eb).as('is_admin')])
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'active')
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}

/**
 * The first lock of every transaction that changes a membership of this account (DESIGN.md "Locks,
 * in one order"). `FOR NO KEY UPDATE` serializes those transactions per account, so the guard on the
 * last administrator sees every committed change, yet it does not conflict with the `FOR KEY SHARE`
 * that foreign-key checks of audit and outbox inserts take on the same row — the deadlock that a
 * `FOR UPDATE` here caused.
 */
export async function lockAccountForMembershipChange(db: Kysely<DB>, accountId: string) {
  await db.selectFrom('accounts').select('id').where('id', '=', accountId).forNoKeyUpdate().execute();
}
