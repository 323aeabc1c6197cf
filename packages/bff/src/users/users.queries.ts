import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { MembershipState, SortOrder, StoredMembershipState, UserSortKey } from '@roster/shared';
import { cachedStatement } from '../db/statement-cache.ts';
import type { DB } from '../db/types.ts';
import { MEMBER_COLUMNS, membersWithInvitation } from '../memberships/memberships.queries.ts';

export interface MemberFilter {
  accountId: string;
  states: readonly MembershipState[];
  /** Lower-cased substring of name or email. */
  search?: string;
  groupId?: string;
  now: Date;
}

type MemberEB = ExpressionBuilder<DB & { m: DB['memberships'] }, 'm'>;

/**
 * Each sort key with the membership column its per-account index is built on (migrations 0001 and
 * 0004), and the type its printed value is cast back to when it comes home in a cursor.
 */
const SORT_KEYS: Record<UserSortKey, { expression: string; type: 'text' | 'timestamptz' }> = {
  name: { expression: 'm.user_name_key', type: 'text' },
  email: { expression: 'm.user_email', type: 'text' },
  joined: { expression: 'coalesce(m.joined_at, m.invited_at)', type: 'timestamptz' },
  lastSignIn: { expression: 'm.user_last_sign_in_key', type: 'timestamptz' },
};
/** Ties on any sort key are broken by the person's id, the index's last column. */
const TIEBREAK = sql.raw('m.user_id');

/** A filter as its statement takes it: the search term already made a `LIKE` pattern. */
type FilterValues = Omit<MemberFilter, 'search'> & { searchPattern?: string };

function filterValues({ search, groupId, ...filter }: MemberFilter): FilterValues {
  return { ...filter, searchPattern: search ? searchPattern(search) : undefined, groupId: groupId || undefined };
}

/** The filter as conditions on the membership row alone: state, group and search term. */
function membershipConditions(eb: MemberEB, filter: FilterValues): Expression<SqlBool>[] {
  const conditions = [eb('m.account_id', '=', filter.accountId), stateCondition(eb, filter)];
  // A broad term walks the sort index and tests each entry there; a rare one starts from the trigram index.
  if (filter.searchPattern !== undefined) conditions.push(eb('m.user_search_text', 'like', filter.searchPattern));
  if (filter.groupId !== undefined) {
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

/** `LIKE` pattern for a substring of the search text (served by its trigram index from 3 characters). */
function searchPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The stored states a state filter asks for, and whether it tells "invited" from "expired" (one
 * stored state, told apart by the pending invitation's expiry).
 */
function storedStates(states: readonly MembershipState[]) {
  const wanted = new Set(states);
  const stored: StoredMembershipState[] = [...wanted].filter((s) => s !== 'invited' && s !== 'expired');
  if (wanted.has('invited') && wanted.has('expired')) stored.push('invited');
  return { stored, splitsInvited: wanted.has('invited') !== wanted.has('expired') };
}

/** Asking for both "invited" and "expired" (as the default does) needs no look at the invitation at all. */
function stateCondition(eb: MemberEB, filter: FilterValues): Expression<SqlBool> {
  const { stored, splitsInvited } = storedStates(filter.states);
  const conditions: Expression<SqlBool>[] = stored.length ? [eb('m.state', 'in', stored)] : [];
  if (splitsInvited) {
    const live = eb.exists(
      eb
        .selectFrom('invitations as li')
        .whereRef('li.account_id', '=', 'm.account_id')
        .whereRef('li.user_id', '=', 'm.user_id')
        .where('li.state', '=', 'pending')
        .where('li.expires_at', '>', filter.now),
    );
    conditions.push(eb.and([eb('m.state', '=', 'invited'), filter.states.includes('invited') ? live : eb.not(live)]));
  }
  return eb.or(conditions);
}

type PageRequest = { sort: UserSortKey; order: SortOrder; limit: number; after?: { key: string; id: string } };

/** What a page statement's SQL text depends on; every other part of the request is one of its values. */
interface PageShape {
  sort: UserSortKey;
  order: SortOrder;
  /** In one fixed order, so the same filter always makes the same statement. */
  states: MembershipState[];
  search: boolean;
  group: boolean;
  after: boolean;
}
type PageValues = { accountId: string; searchPattern: string; groupId: string; now: Date; limit: number; afterKey: string; afterId: string };

/**
 * One page in two steps inside one statement: first the page's keys from the membership rows alone,
 * then the people behind just those keys. Walking the sort order, the first step reads only the
 * sort index (it carries state and search text, migration 0009), however many entries a broad
 * search skips; the joins to people, invitations and groups are made for the page's rows only.
 */
export async function listMembersPage(db: Kysely<DB>, filter: MemberFilter, page: PageRequest) {
  const { accountId, now, searchPattern = '', groupId = '' } = filterValues(filter);
  const shape: PageShape = {
    sort: page.sort,
    order: page.order,
    states: [...new Set(filter.states)].sort(),
    search: filter.search ? true : false,
    group: filter.groupId ? true : false,
    after: page.after !== undefined,
  };
  return pageStatement(
    db,
    { accountId, now, searchPattern, groupId, limit: page.limit, afterKey: page.after?.key ?? '', afterId: page.after?.id ?? '' },
    shape,
  );
}

const pageStatement = cachedStatement(
  (db, v: PageValues, shape: PageShape) => {
    const filter: FilterValues = {
      accountId: v.accountId,
      states: shape.states,
      searchPattern: shape.search ? v.searchPattern : undefined,
      groupId: shape.group ? v.groupId : undefined,
      now: v.now,
    };
    const after = shape.after ? { key: v.afterKey, id: v.afterId } : undefined;
    const key = sql.raw(SORT_KEYS[shape.sort].expression);
    const direction = sql.raw(shape.order);
    const kept = keptStates(shape.states, shape.search || shape.group);
    const keys = pageKeys(db, filter, { sort: shape.sort, order: shape.order, limit: v.limit, after });
    return (
      membersWithInvitation(db)
        .where(sql<SqlBool>`(m.account_id, m.user_id) in (${keys})`)
        .select((eb) => [
          ...MEMBER_COLUMNS,
          'm.invited_at',
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
        // The default list's total rides along in the same statement: one round trip, one connection.
        .$if(kept !== null, (qb) => qb.select(keptTotal(db, filter.accountId, kept!).as('kept_total')))
        .orderBy(sql`${key} ${direction}`)
        .orderBy(sql`${TIEBREAK} ${direction}`)
    );
  },
  (shape) => JSON.stringify(shape),
);

/** The (account, user) keys of one page, in order, from the membership rows (their sort index) alone. */
function pageKeys(db: Kysely<DB>, filter: FilterValues, page: PageRequest) {
  const sortKey = SORT_KEYS[page.sort];
  const key = sql.raw(sortKey.expression);
  const direction = sql.raw(page.order);
  let keys = db
    .selectFrom('memberships as m')
    .select(['m.account_id', 'm.user_id'])
    .where((eb) => eb.and(membershipConditions(eb, filter)));
  if (page.after) {
    const comparison = sql.raw(page.order === 'asc' ? '>' : '<');
    const after = sql`(${sql.val(page.after.key)}::${sql.raw(sortKey.type)}, ${sql.val(page.after.id)}::uuid)`;
    keys = keys.where(sql<SqlBool>`(${key}, ${TIEBREAK}) ${comparison} ${after}`);
  }
  return keys.orderBy(sql`${key} ${direction}`).orderBy(sql`${TIEBREAK} ${direction}`).limit(page.limit);
}

/**
 * The stored states whose trigger-kept counts (migration 0004) give this filter's exact total, or
 * null when it has to be counted: a search, a group, or telling invited from expired.
 */
export function keptCountStates(filter: MemberFilter): StoredMembershipState[] | null {
  return keptStates(filter.states, Boolean(filter.search || filter.groupId));
}

function keptStates(states: readonly MembershipState[], searchedOrGrouped: boolean) {
  const { stored, splitsInvited } = storedStates(states);
  return searchedOrGrouped || splitsInvited ? null : stored;
}

/** The kept total of some stored states: the same cost at 10,000 or 1,000,000 members. */
function keptTotal(db: Kysely<DB>, accountId: string, states: StoredMembershipState[]) {
  return db
    .selectFrom('membership_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('count'), sql<string>`0`).as('total'))
    .where('account_id', '=', accountId)
    .where('state', 'in', states);
}

/**
 * How many members match, and whether that number is a cap: the kept counts when they serve the
 * filter, else an exact count that stops at `cap` + 1 rows (beyond that the caller shows "cap+").
 */
export async function countMembers(db: Kysely<DB>, filter: MemberFilter, cap: number) {
  const keptStates = keptCountStates(filter);
  if (keptStates) {
    const row = await keptTotal(db, filter.accountId, keptStates).executeTakeFirstOrThrow();
    return { total: Number(row.total), capped: false };
  }
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('memberships as m')
        .where((eb) => eb.and(membershipConditions(eb, filterValues(filter))))
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}
