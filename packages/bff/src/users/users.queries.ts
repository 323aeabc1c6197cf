import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { DEFAULT_LIST_STATES, type MembershipState, type SortOrder, type StoredMembershipState, type UserSortKey } from '@roster/shared';
import { cachedStatement } from '../db/statement-cache.ts';
import type { DB } from '../db/types.ts';
import { LISTED_MEMBER_COLUMNS, membersWithInvitation } from '../memberships/memberships.queries.ts';

export interface MemberFilter {
  accountId: string;
  states: readonly MembershipState[];
  /** Lower-cased substring of name or email. */
  search?: string;
  /** How the search finds its matches (`planSearch`); unplanned, the term's length decides. */
  searchRoute?: SearchRoute;
  groupId?: string;
  now: Date;
}

/**
 * How a search term is found. `trigram`: `LIKE`, served by the trigram index or by walking the sort
 * order, as the planner sees fit (three characters or more). A term of one or two characters has no
 * trigrams: `grams` fetches its few matches through the grams index (migration 0010) and sorts
 * them; `walk` tests each member in the sort index's order (`strpos`, which no index serves), for
 * terms so common that a page's matches are soon found.
 */
export type SearchRoute = 'trigram' | 'grams' | 'walk';

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

/** A filter as its statement takes it: the term, and for the trigram route made a `LIKE` pattern. */
type FilterValues = Omit<MemberFilter, 'search'> & { searchTerm?: string; searchPattern?: string };

function filterValues({ search, searchRoute, groupId, ...filter }: MemberFilter): FilterValues {
  if (!search) return { ...filter, groupId: groupId || undefined };
  return {
    ...filter,
    searchTerm: search,
    searchPattern: searchPattern(search),
    searchRoute: searchRoute ?? (isShortTerm(search) ? 'walk' : 'trigram'),
    groupId: groupId || undefined,
  };
}

/** One or two characters (as PostgreSQL counts them: code points): too short for a trigram. */
function isShortTerm(search: string) {
  return [...search].length <= 2;
}

/** The filter as conditions on the membership row alone: state, group and search term. */
function membershipConditions(eb: MemberEB, filter: FilterValues): Expression<SqlBool>[] {
  return [eb('m.account_id', '=', filter.accountId), stateCondition(eb, filter), ...searchConditions(filter), ...groupConditions(eb, filter)];
}

/**
 * The same filter, tested again on rows already found by key (`membersByKeys`), each test a check of
 * the row alone: no join or index condition for a generic plan to start from instead of the keys.
 * The pending invitation is the one `membersWithInvitation` joined (`i`); the search is its exact test.
 */
function recheckConditions(eb: MemberEB, filter: FilterValues): Expression<SqlBool>[] {
  const conditions = [stateCondition(eb, filter, sql<SqlBool>`coalesce(i.expires_at > ${filter.now}, false)`)];
  if (filter.searchTerm !== undefined) conditions.push(holdsTerm(filter.searchTerm));
  if (filter.groupId !== undefined) {
    conditions.push(sql<SqlBool>`${filter.groupId}::uuid = any(array(
      select fg.group_id from membership_groups fg where fg.account_id = m.account_id and fg.user_id = m.user_id))`);
  }
  return conditions;
}

function groupConditions(eb: MemberEB, filter: FilterValues): Expression<SqlBool>[] {
  if (filter.groupId === undefined) return [];
  return [
    eb.exists(
      eb
        .selectFrom('membership_groups as fg')
        .whereRef('fg.account_id', '=', 'm.account_id')
        .whereRef('fg.user_id', '=', 'm.user_id')
        .where('fg.group_id', '=', filter.groupId),
    ),
  ];
}

/**
 * The search term as conditions on the membership row. `strpos` is the exact test of a short term:
 * no index serves it, so the walk stays a walk, and on the grams route it only confirms the index's
 * answer. The grams themselves are never computed row by row (their COST keeps them in the index).
 */
function searchConditions(filter: FilterValues): Expression<SqlBool>[] {
  if (filter.searchRoute === undefined) return [];
  if (filter.searchRoute === 'trigram') return [sql<SqlBool>`m.user_search_text like ${filter.searchPattern}`];
  const holds = holdsTerm(filter.searchTerm!);
  if (filter.searchRoute === 'walk') return [holds];
  return [sql<SqlBool>`search_grams(m.user_search_text) @> array[${filter.searchTerm}]::text[]`, holds];
}

/** The exact test of a term: a substring of the membership's search text. */
function holdsTerm(term: string) {
  return sql<SqlBool>`strpos(m.user_search_text, ${term}) > 0`;
}

/** `LIKE` pattern for a substring of the search text (served by its trigram index from 3 characters). */
function searchPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * States written into a statement's text, not passed as values: they are part of its shape anyway,
 * and a generic plan of a prepared statement estimates a state it can see, not one it cannot.
 */
function literals(states: readonly StoredMembershipState[]) {
  return states.map((state) => sql.lit(state));
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
function stateCondition(eb: MemberEB, filter: FilterValues, live: Expression<SqlBool> = hasLiveInvitation(eb, filter.now)): Expression<SqlBool> {
  const { stored, splitsInvited } = storedStates(filter.states);
  const conditions: Expression<SqlBool>[] = stored.length ? [eb('m.state', 'in', literals(stored))] : [];
  if (splitsInvited) conditions.push(eb.and([eb('m.state', '=', 'invited'), filter.states.includes('invited') ? live : eb.not(live)]));
  return eb.or(conditions);
}

/** Whether membership `m` has a pending invitation that has not expired by `now`. */
function hasLiveInvitation(eb: MemberEB, now: Date) {
  return eb.exists(
    eb
      .selectFrom('invitations as li')
      .whereRef('li.account_id', '=', 'm.account_id')
      .whereRef('li.user_id', '=', 'm.user_id')
      .where('li.state', '=', 'pending')
      .where('li.expires_at', '>', now),
  );
}

type PageRequest = { sort: UserSortKey; order: SortOrder; limit: number; after?: { key: string; id: string } };

/** What a page statement's SQL text depends on; every other part of the request is one of its values. */
interface PageShape {
  sort: UserSortKey;
  order: SortOrder;
  /** In one fixed order, so the same filter always makes the same statement. */
  states: MembershipState[];
  search: SearchRoute | null;
  group: boolean;
  after: boolean;
  /**
   * The default list's page size, written into its text so that it can be prepared: a generic plan
   * must see how few rows a page wants (of a limit it cannot see it assumes a tenth of the account).
   * Null for every other list, whose limit is a value.
   */
  fixedLimit: number | null;
}
type PageValues = {
  accountId: string;
  searchTerm: string;
  searchPattern: string;
  groupId: string;
  now: Date;
  limit: number;
  afterKey: string;
  afterId: string;
};

/**
 * One page: first the page's keys from the membership rows alone, then the people behind just those
 * keys. Walking the sort order, the first step reads only the sort index (it carries state and
 * search text, migration 0009), however many entries a broad search skips; the joins to people,
 * invitations and groups are made for the page's rows only.
 *
 * A list without a search or a group is one statement (prepared for the default list, whose one
 * plan serves every account). A search or a group is two: its keys, planned for its values (the
 * walk or index that finds them depends on the term and the group), then the people by a prepared
 * statement, looked up by key. Planned together for each search, the joins cost more than the
 * second round trip they save (0.45 ms of planning against a 0.1 ms round trip on loopback).
 */
export async function listMembersPage(db: Kysely<DB>, filter: MemberFilter, page: PageRequest): Promise<PageRow[]> {
  const { accountId, now, searchRoute, searchTerm = '', searchPattern = '', groupId = '' } = filterValues(filter);
  const states = [...new Set(filter.states)].sort();
  const defaultList = !searchRoute && !filter.groupId && states.join() === DEFAULT_STATES;
  const shape: PageShape = {
    sort: page.sort,
    order: page.order,
    states,
    search: searchRoute ?? null,
    group: filter.groupId ? true : false,
    after: page.after !== undefined,
    fixedLimit: defaultList ? page.limit : null,
  };
  const values = { accountId, now, searchTerm, searchPattern, groupId, limit: page.limit, afterKey: page.after?.key ?? '', afterId: page.after?.id ?? '' };
  if (!shape.search && !shape.group) return pageStatement(db, values, shape);
  const keys = await keysStatement(db, values, shape);
  if (keys.length === 0) return [];
  return membersByKeys(db, { ...values, userIds: keys.map((k) => k.user_id) }, shape);
}

/** The default list's states, in the order `PageShape.states` keeps them. */
const DEFAULT_STATES = [...DEFAULT_LIST_STATES].sort().join();

/** The filter a page statement's values and shape stand for. */
function filterOf(v: PageValues, shape: PageShape): FilterValues {
  return {
    accountId: v.accountId,
    states: shape.states,
    searchRoute: shape.search ?? undefined,
    searchTerm: shape.search ? v.searchTerm : undefined,
    searchPattern: shape.search ? v.searchPattern : undefined,
    groupId: shape.group ? v.groupId : undefined,
    now: v.now,
  };
}

/**
 * A page's rows, in its order: each member as the list shows them, their groups, and the sort key's
 * text (the next page's cursor). Both kinds of page narrow it to their keys.
 */
function pageRows(db: Kysely<DB>, shape: PageShape) {
  const key = sql.raw(SORT_KEYS[shape.sort].expression);
  const direction = sql.raw(shape.order);
  return membersWithInvitation(db)
    .select((eb) => [
      ...LISTED_MEMBER_COLUMNS,
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
    .orderBy(sql`${TIEBREAK} ${direction}`);
}

/** Where a page starts: after the previous page's last row, when there is one. */
const afterOf = (v: PageValues, shape: PageShape) => (shape.after ? { key: v.afterKey, id: v.afterId } : undefined);

const pageStatement = cachedStatement(
  (db, v: PageValues, shape: PageShape) => {
    const filter = filterOf(v, shape);
    const kept = keptStates(shape.states, false);
    const limit = shape.fixedLimit === null ? v.limit : sql.lit(shape.fixedLimit);
    const keys = pageKeys(db, filter, { sort: shape.sort, order: shape.order, limit, after: afterOf(v, shape) });
    return (
      pageRows(db, shape)
        .where(sql<SqlBool>`(m.account_id, m.user_id) in (${keys})`)
        // The total of states the kept counts serve rides along in the same statement: one round trip, one connection.
        .$if(kept !== null, (qb) => qb.select(keptTotal(db, filter.accountId, kept!).as('kept_total')))
    );
  },
  (shape) => JSON.stringify(shape),
  // The default list walks its sort index in any account, so one plan serves every value; other
  // states may be rare enough in an account to want another plan.
  (shape) => shape.fixedLimit !== null,
);

/** A row of a page; `kept_total` only where the kept counts give the total. */
type PageRow = Awaited<ReturnType<typeof pageStatement>>[number];

/** A search's or a group's page keys: compiled once per shape, planned for each request's values. */
const keysStatement = cachedStatement(
  (db, v: PageValues, shape: PageShape) =>
    pageKeys(db, filterOf(v, shape), { sort: shape.sort, order: shape.order, limit: v.limit, after: afterOf(v, shape) }),
  (shape) => JSON.stringify(shape),
);

/**
 * The people behind a page's keys, in the page's order: looked up by key, so one plan serves every
 * page. The filter is tested again: a change committed between the two statements (a removal, a
 * group taken away, an acceptance) must not put a row on the page that no longer matches it.
 */
const membersByKeys = cachedStatement(
  (db, v: PageValues & { userIds: string[] }, shape: PageShape) =>
    pageRows(db, shape)
      // As the pair, like the one-statement page: with the account alone as a condition, the generic
      // plan also looked the account's pending invitations up by account (4 ms at 100,000 members).
      .where(sql<SqlBool>`(m.account_id, m.user_id) in (select ${v.accountId}::uuid, unnest(${v.userIds}::uuid[]))`)
      .where((eb) => eb.and(recheckConditions(eb, filterOf(v, shape)))),
  // What the recheck's text depends on: the states, whether there is a term or a group (never how the term was found).
  (shape) => JSON.stringify([shape.sort, shape.order, shape.states, shape.search !== null, shape.group]),
  () => true,
);

/** The (account, user) keys of one page, in order, from the membership rows (their sort index) alone. */
function pageKeys(db: Kysely<DB>, filter: FilterValues, page: Omit<PageRequest, 'limit'> & { limit: number | RawBuilder<number> }) {
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
    .where('state', 'in', literals(states));
}

/**
 * How a search should find its matches, and its total when that is known before any member is
 * read. A term of three characters or more goes to the planner (trigram index or walk). A short
 * one is looked up in the kept gram counts (migration 0010): at most `cap` members have it → the
 * grams route (a page of those few, sorted); more → the walk. For a plain search (no group, no
 * telling invited from expired) that count is the exact total, so the request counts nothing.
 */
export async function planSearch(
  db: Kysely<DB>,
  filter: MemberFilter,
  cap: number,
): Promise<{ route: SearchRoute; total?: { total: number; capped: boolean } }> {
  if (!filter.search || !isShortTerm(filter.search)) return { route: 'trigram' };
  const { stored, splitsInvited } = storedStates(filter.states);
  const states = splitsInvited ? [...stored, 'invited' as const] : stored;
  const row = states.length
    ? await db
        .selectFrom('membership_search_gram_counts')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('count'), sql<string>`0`).as('total'))
        .where('account_id', '=', filter.accountId)
        .where('state', 'in', states)
        .where('gram', '=', filter.search)
        .executeTakeFirstOrThrow()
    : { total: '0' };
  // At most this many have the term in the states asked for (exactly this many, unless a group or an expiry narrows them).
  const atMost = Number(row.total);
  const route = atMost <= cap ? 'grams' : 'walk';
  if (filter.groupId || splitsInvited) return { route };
  return { route, total: atMost > cap ? { total: cap, capped: true } : { total: atMost, capped: false } };
}

/**
 * Whether a filter asks for everyone holding a group: no search, and every state that holds groups
 * (invited, expired, active, blocked; removed and declined people hold none). Its total is the
 * group's kept member count (migration 0013).
 */
function asksForWholeGroup(filter: MemberFilter) {
  return Boolean(filter.groupId) && !filter.search && DEFAULT_LIST_STATES.every((state) => filter.states.includes(state));
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
  if (asksForWholeGroup(filter)) {
    // Only this account's group: another account's group has no members here.
    const row = await db
      .selectFrom('groups as g')
      .leftJoin('group_member_counts as c', 'c.group_id', 'g.id')
      .select((eb) => eb.fn.coalesce('c.count', sql<string>`0`).as('total'))
      .where('g.id', '=', filter.groupId!)
      .where('g.account_id', '=', filter.accountId)
      .executeTakeFirst();
    return { total: Number(row?.total ?? 0), capped: false };
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
