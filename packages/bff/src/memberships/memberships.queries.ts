import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION } from '@roster/shared';
import { cachedStatement } from '../db/statement-cache.ts';
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

/** Every account-scoped request asks this: compiled once. */
const activeMembership = cachedStatement(
  (db, v: { accountId: string; userId: string }) =>
    db
      .selectFrom('memberships as m')
      .select((eb) => ['m.account_id', holdsAdminGroup(eb).as('is_admin')])
      .where('m.account_id', '=', v.accountId)
      .where('m.user_id', '=', v.userId)
      .where('m.state', '=', 'active'),
  undefined,
  () => true, // a lookup by key: one plan serves every value
);

/** The caller's active membership in one account, or undefined. */
export async function findActiveMembership(db: Kysely<DB>, accountId: string, userId: string) {
  const [membership] = await activeMembership(db, { accountId, userId });
  return membership;
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

/** The person's groups in every account where they are an active member, by name. */
export function listActiveMemberGroups(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('membership_groups as mg')
    .innerJoin('memberships as m', (join) => join.onRef('m.account_id', '=', 'mg.account_id').onRef('m.user_id', '=', 'mg.user_id'))
    .innerJoin('groups as g', 'g.id', 'mg.group_id')
    .select(['mg.account_id', 'g.id', 'g.name'])
    .where('mg.user_id', '=', userId)
    .where('m.state', '=', 'active')
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
}

/** An account's name and the person's membership state there (null: never a member). */
export function findStanding(db: Kysely<DB>, accountId: string, userId: string) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('memberships as m', (join) => join.onRef('m.account_id', '=', 'a.id').on('m.user_id', '=', userId))
    .select(['a.id', 'a.name', 'm.state'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
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

/**
 * What an account sees of a person (PRODUCT.md "Add users", privacy; migration 0012): their own
 * names, picture and last sign-in once they have joined it; before that only the names it invited
 * them by, and no picture or sign-in. Otherwise inviting an email would show an administrator the
 * name and habits of whoever owns it on the platform. `membership` and `person` are the aliases of
 * the membership in that account and of the person's users row.
 */
export function seenByAccount(membership = 'm', person = 'u') {
  const invited = (name: 'first' | 'last') => sql.ref(`${membership}.invited_${name}_name`);
  const own = (name: 'first' | 'last') => sql.ref(`${person}.${name}_name`);
  return {
    ownProfile: sql<boolean>`${invited('first')} is null`,
    firstName: sql<string>`coalesce(${invited('first')}, ${own('first')})`,
    lastName: sql<string>`coalesce(${invited('last')}, ${own('last')})`,
    /**
     * The first name the account's emails greet the person by: their own once they have a sign-in
     * (they chose it), else the account's. An identity nobody registered holds whatever the first
     * account to invite it typed, which no other account's email may repeat.
     */
    greeting: sql<string>`case when ${sql.ref(`${person}.password_hash`)} is not null then ${own('first')} else coalesce(${invited('first')}, ${own('first')}) end`,
  };
}
const seen = seenByAccount();

/**
 * A timestamp as the API writes it (`Date#toISOString`: UTC, milliseconds, microseconds cut),
 * printed by PostgreSQL: the list's rows then skip parsing four dates each into Dates in Node only
 * to print them again (about 11 % more list pages per second from one BFF process, measured).
 */
const isoTime = <T extends Date | null>(expression: RawBuilder<T>) =>
  sql<null extends T ? string | null : string>`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Who a member is, as the account sees them (the list and the details show the same). */
const MEMBER_IDENTITY = [
  'u.id',
  'u.email',
  seen.firstName.as('first_name'),
  seen.lastName.as('last_name'),
  sql<string | null>`case when ${seen.ownProfile} then u.avatar_url end`.as('avatar_url'),
  'av.hash as avatar_hash',
  'm.state',
] as const;
const shownLastSignIn = sql<Date | null>`case when ${seen.ownProfile} then u.last_sign_in_at end`;

/** What the details show of a member, and what the services decide on (dates as Dates). */
export const MEMBER_COLUMNS = [...MEMBER_IDENTITY, shownLastSignIn.as('last_sign_in_at'), 'm.joined_at', 'i.expires_at'] as const;

/** The same for the list's rows, with their dates already as the API prints them. */
export const LISTED_MEMBER_COLUMNS = [
  ...MEMBER_IDENTITY,
  isoTime(shownLastSignIn).as('last_sign_in_at'),
  isoTime(sql<Date | null>`m.joined_at`).as('joined_at'),
  isoTime(sql<Date>`m.invited_at`).as('invited_at'),
  isoTime(sql<Date | null>`i.expires_at`).as('expires_at'),
] as const;

/** Memberships with the person behind each (and their uploaded picture) and their pending invitation, if any. */
export function membersWithInvitation(db: Kysely<DB>) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('user_avatars as av', (join) => join.onRef('av.user_id', '=', 'u.id').on(seen.ownProfile))
    // 'pending' is written into the text: a prepared statement's generic plan then still sees that
    // the partial index of pending invitations serves the join.
    .leftJoin('invitations as i', (join) =>
      join.onRef('i.account_id', '=', 'm.account_id').onRef('i.user_id', '=', 'm.user_id').on('i.state', '=', sql.lit('pending')),
    );
}

/**
 * One membership with the person behind it and their pending invitation, if any. With `lock`, the
 * membership row is locked for the rest of the transaction: second in the lock order, after the
 * account (`lockAccountForMembershipChange`).
 */
export function findMember(db: Kysely<DB>, accountId: string, userId: string, options: { lock: boolean } = { lock: false }) {
  return membersWithInvitation(db)
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select((eb) => [
      ...MEMBER_COLUMNS,
      seen.greeting.as('greeting_name'),
      'u.locale',
      'a.name as account_name',
      'm.invited_at',
      'm.removed_at',
      'm.version',
      'i.id as invitation_id',
      'i.link_version',
      holdsAdminGroup(eb).as('is_admin'),
    ])
    .where('m.account_id', '=', accountId)
    .where('m.user_id', '=', userId)
    .$if(options.lock, (qb) => qb.forNoKeyUpdate(['m']))
    .executeTakeFirst();
}
export type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/** The memberships in this account of the people behind these emails, with their pending invitation. */
export function findMembershipsByEmail(db: Kysely<DB>, accountId: string, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return membersWithInvitation(db)
    .select(['u.email', 'm.state', 'i.expires_at', seen.firstName.as('first_name'), seen.lastName.as('last_name')])
    .where('m.account_id', '=', accountId)
    .where('u.email', 'in', emails)
    .execute();
}

export function listMemberGroups(db: Kysely<DB>, accountId: string, userId: string) {
  return db
    .selectFrom('membership_groups as mg')
    .innerJoin('groups as g', 'g.id', 'mg.group_id')
    .select(['g.id', 'g.name', 'g.permissions'])
    .where('mg.account_id', '=', accountId)
    .where('mg.user_id', '=', userId)
    .orderBy('g.name')
    .execute();
}

/**
 * The account's groups that grant account-admin. Asked first, on its own, by what concerns the
 * account's administrators: with these ids as constants the planner knows the groups are small
 * (they are not among the common values of `membership_groups.group_id`) and walks
 * `membership_groups_group` for just their rows; with a join it assumes average-sized groups and
 * scans the account's whole membership_groups (67 ms at 100,000 members).
 */
export async function administratorGroupIds(db: Kysely<DB>, accountId: string): Promise<string[]> {
  const groups = await db.selectFrom('groups as g').select('g.id').where('g.account_id', '=', accountId).where(grantsAccountAdmin).execute();
  return groups.map((g) => g.id);
}

/**
 * The group memberships that make active members administrators (`administratorGroupIds`): one row
 * per administrators' group held, so a person may come more than once.
 */
export function activeAdministratorGroupRows(db: Kysely<DB>, accountId: string, adminGroupIds: string[]) {
  return db
    .selectFrom('membership_groups as mg')
    .innerJoin('memberships as m', (join) => join.onRef('m.account_id', '=', 'mg.account_id').onRef('m.user_id', '=', 'mg.user_id'))
    .where('mg.account_id', '=', accountId)
    .where('mg.group_id', 'in', adminGroupIds)
    .where('m.state', '=', 'active');
}

/** Active members holding an administrators' group. */
export async function countActiveAdministrators(db: Kysely<DB>, accountId: string): Promise<number> {
  const adminGroupIds = await administratorGroupIds(db, accountId);
  if (adminGroupIds.length === 0) return 0;
  const row = await activeAdministratorGroupRows(db, accountId, adminGroupIds)
    .select((eb) => eb.fn.count<string>('mg.user_id').distinct().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Ends the membership but keeps its row (history, re-invitation); drops its groups and any pending invitation. */
export async function markRemoved(db: Kysely<DB>, accountId: string, userId: string, now: Date) {
  await updateMembership(db, accountId, userId, { state: 'removed', removedAt: now });
  await setMemberGroups(db, accountId, userId, []);
  await db
    .updateTable('invitations')
    .set({ state: 'revoked' })
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .execute();
}

/** Replaces the person's groups in this account with exactly these. */
export async function setMemberGroups(db: Kysely<DB>, accountId: string, userId: string, groupIds: string[]) {
  await db.deleteFrom('membership_groups').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
  if (groupIds.length === 0) return;
  await db
    .insertInto('membership_groups')
    .values(groupIds.map((group_id) => ({ account_id: accountId, user_id: userId, group_id })))
    .execute();
}

/** Every change of a membership moves its version on, so an edit made from older details is refused. */
export async function updateMembership(
  db: Kysely<DB>,
  accountId: string,
  userId: string,
  change: { state?: 'active' | 'blocked' | 'declined' | 'removed'; joinedAt?: Date; removedAt?: Date },
) {
  await db
    .updateTable('memberships')
    .set((eb) => ({
      ...(change.state ? { state: change.state } : {}),
      // Joining: from now on the account sees the person's own profile (the trigger recopies their keys).
      ...(change.joinedAt ? { joined_at: change.joinedAt, invited_first_name: null, invited_last_name: null } : {}),
      ...(change.removedAt ? { removed_at: change.removedAt } : {}),
      version: eb('version', '+', 1),
    }))
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Makes the membership Invited again (new, or after removal or decline) with exactly these groups.
 * `invitedAs`: the names the account will know the person by until they join; a past member keeps
 * being seen by their own profile.
 */
export async function putInvitedMembership(
  db: Kysely<DB>,
  m: {
    accountId: string;
    userId: string;
    invitedBy: string | null;
    invitedAs: { firstName: string; lastName: string };
    groupIds: string[];
    now: Date;
    exists: boolean;
  },
) {
  if (m.exists) {
    await db
      .updateTable('memberships')
      .set((eb) => ({
        state: 'invited',
        invited_by: m.invitedBy,
        invited_at: m.now,
        joined_at: null,
        removed_at: null,
        invited_first_name: eb.case().when('invited_first_name', 'is', null).then(null).else(m.invitedAs.firstName).end(),
        invited_last_name: eb.case().when('invited_first_name', 'is', null).then(null).else(m.invitedAs.lastName).end(),
        version: eb('version', '+', 1),
      }))
      .where('account_id', '=', m.accountId)
      .where('user_id', '=', m.userId)
      .execute();
  } else {
    await db
      .insertInto('memberships')
      .values({
        account_id: m.accountId,
        user_id: m.userId,
        state: 'invited',
        invited_by: m.invitedBy,
        invited_at: m.now,
        invited_first_name: m.invitedAs.firstName,
        invited_last_name: m.invitedAs.lastName,
      })
      .execute();
  }
  await setMemberGroups(db, m.accountId, m.userId, m.groupIds);
}

export async function activateMembership(db: Kysely<DB>, accountId: string, userId: string, now: Date) {
  await updateMembership(db, accountId, userId, { state: 'active', joinedAt: now });
}

/** A declined invitee never held the groups: they go, as on removal. */
export async function declineMembership(db: Kysely<DB>, accountId: string, userId: string) {
  await updateMembership(db, accountId, userId, { state: 'declined' });
  await setMemberGroups(db, accountId, userId, []);
}

/** A membership as its webhook reports it: the person's email, the state and the groups held now. */
export function findMembershipSnapshot(db: Kysely<DB>, accountId: string, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'u.email',
      'm.state',
      eb.fn
        .coalesce(
          eb
            .selectFrom('membership_groups as mg')
            .select(sql<string[]>`array_agg(mg.group_id::text order by mg.group_id)`.as('ids'))
            .whereRef('mg.account_id', '=', 'm.account_id')
            .whereRef('mg.user_id', '=', 'm.user_id'),
          sql<string[]>`'{}'::text[]`,
        )
        .as('group_ids'),
    ])
    .where('m.account_id', '=', accountId)
    .where('m.user_id', '=', userId)
    .executeTakeFirstOrThrow();
}
