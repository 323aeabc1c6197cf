import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { MembershipState, SortOrder, UserSortKey } from '@roster/shared';
import type { DB } from '../db/types.ts';

export interface MemberFilter {
  accountId: string;
  states: readonly MembershipState[];
  /** Lower-cased substring of name or email. */
  search?: string;
  groupId?: string;
  now: Date;
}

type ListEB = ExpressionBuilder<
  DB & { m: DB['memberships']; u: DB['users']; i: DB['invitations'] },
  'm' | 'u' | 'i'
>;

/**
 * Each sort key with the expression its index is built on (see the initial migration), and the
 * type its printed value is cast back to when it comes home in a cursor.
 */
const SORT_KEYS: Record<UserSortKey, { expression: string; type: 'text' | 'timestamptz'; tiebreak: string }> = {
  name: { expression: 'u.name_key', type: 'text', tiebreak: 'u.id' },
  email: { expression: 'u.email', type: 'text', tiebreak: 'u.id' },
  joined: { expression: 'coalesce(m.joined_at, m.invited_at)', type: 'timestamptz', tiebreak: 'm.user_id' },
  lastSignIn: {
    expression: `coalesce(u.last_sign_in_at, '-infinity'::timestamptz)`,
    type: 'timestamptz',
    tiebreak: 'u.id',
  },
};

function baseQuery(db: Kysely<DB>, filter: MemberFilter) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('invitations as i', (join) =>
      join.onRef('i.account_id', '=', 'm.account_id').onRef('i.user_id', '=', 'm.user_id').on('i.state', '=', 'pending'),
    )
    .where('m.account_id', '=', filter.accountId)
    .where((eb) => eb.and(filterConditions(eb, filter)));
}

function filterConditions(eb: ListEB, filter: MemberFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb.or(filter.states.map((state) => stateCondition(eb, state, filter.now)))];
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(eb('u.search_text', 'like', pattern));
  }
  if (filter.groupId) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('membership_groups as fg')
          .whereRef('fg.account_id', '=', 'm.account_id')
          .whereRef('fg.user_id', '=', 'm.user_id')
          .where('fg.group_id', '=', filter.groupId),
      ),
    );
  }
  return conditions;
}

/** "invited" and "expired" are one stored state told apart by the pending invitation's expiry. */
function stateCondition(eb: ListEB, state: MembershipState, now: Date): Expression<SqlBool> {
  if (state === 'invited') return eb.and([eb('m.state', '=', 'invited'), eb('i.expires_at', '>', now)]);
  if (state === 'expired') {
    return eb.and([eb('m.state', '=', 'invited'), eb.or([eb('i.expires_at', 'is', null), eb('i.expires_at', '<=', now)])]);
  }
  return eb('m.state', '=', state);
}

export async function listMembersPage(
  db: Kysely<DB>,
  filter: MemberFilter,
  page: { sort: UserSortKey; order: SortOrder; limit: number; after?: { key: string; id: string } },
) {
  const sortKey = SORT_KEYS[page.sort];
  const key = sql.raw(sortKey.expression);
  const tiebreak = sql.raw(sortKey.tiebreak);
  const direction = sql.raw(page.order);
  let query = baseQuery(db, filter)
    .select((eb) => [
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.avatar_url',
      'u.last_sign_in_at',
      'm.state',
      'm.joined_at',
      'i.expires_at',
      sql<string>`(${key})::text`.as('sort_key'),
      jsonArrayFrom(
        eb
          .selectFrom('membership_groups as mg')
          .innerJoin('groups as g', 'g.id', 'mg.group_id')
          .select(['g.id', 'g.name'])
          .whereRef('mg.account_id', '=', 'm.account_id')
          .whereRef('mg.user_id', '=', 'm.user_id')
          .orderBy('g.name'),
      ).as('groups'),
    ])
    .orderBy(sql`${key} ${direction}`)
    .orderBy(sql`${tiebreak} ${direction}`)
    .limit(page.limit);
  if (page.after) {
    const comparison = sql.raw(page.order === 'asc' ? '>' : '<');
    const after = sql`(${sql.val(page.after.key)}::${sql.raw(sortKey.type)}, ${sql.val(page.after.id)}::uuid)`;
    query = query.where(sql<SqlBool>`(${key}, ${tiebreak}) ${comparison} ${after}`);
  }
  return query.execute();
}

export async function countMembers(db: Kysely<DB>, filter: MemberFilter): Promise<number> {
  const row = await baseQuery(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
