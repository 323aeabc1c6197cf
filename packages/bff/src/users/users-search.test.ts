import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SortOrder, UserListPage, UserSortKey } from '@roster/shared';
import { addMember, createAccount, createUser, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';
import { listMembersPage, type MemberFilter } from './users.queries.ts';

const { database, app } = useTestApp();

const FIRST = ['Ann', 'Zoë', 'Ömer', 'Li', 'Al_x', 'P%t', 'Bä\\ck', "O'Neil", 'Dana 🙂'];
const LAST = ['Lee', 'Silva', 'Ngo', 'de la Cruz', 'Åberg', 'Qi'];
/**
 * One, two and more characters; broad, narrow, none; wildcards, a backslash, spaces, non-ASCII and an
 * emoji. The API trims its `q` (so " a" is "a" there); the page query is also asked for the untrimmed terms.
 */
const TERMS = ['a', 'q', 'ö', '%', '_', '\\', '🙂', 'zq', 'an', 'lv', "'n", 'ä\\', 'p%', 'sil', 'silva', 'de la', 'l_x', 'p3@', 'a 🙂'];
const UNTRIMMED = [' ', 'a ', ' 🙂', 'a s'];
const SORTS: UserSortKey[] = ['name', 'email', 'joined', 'lastSignIn'];

let accountId = '';
let cookie = '';

/** Ties on every sort (shared names, joined days, sign-ins), removed people who must never show. */
beforeAll(async () => {
  const { db } = database;
  const account = await createAccount(db, 'Searched');
  accountId = account.id;
  const adminId = await createUser(db, { email: 'boss@searched.test', firstName: 'Bea', lastName: 'Boss' });
  await addMember(db, { accountId, userId: adminId, groupIds: [account.adminGroupId] });
  let n = 0;
  for (const first of FIRST) {
    for (const last of LAST) {
      for (const copy of [1, 2]) {
        n++;
        const userId = await createUser(db, {
          email: `p${n}@searched.test`,
          firstName: first,
          lastName: last,
          lastSignInAt: n % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (n % 5))),
          registered: false,
        });
        const state = n % 11 === 0 ? 'removed' : n % 7 === 0 ? 'blocked' : 'active';
        await addMember(db, { accountId, userId, groupIds: [], state, joinedAt: new Date(Date.UTC(2025, 0, 1 + (n % 4) + copy)) });
      }
    }
  }
  await sql`analyze memberships`.execute(db);
  cookie = (await signInAs(app, 'boss@searched.test')).cookie;
});

const SORT_EXPRESSIONS: Record<UserSortKey, string> = {
  name: 'u.name_key',
  email: 'u.email',
  joined: 'coalesce(m.joined_at, m.invited_at)',
  lastSignIn: "coalesce(u.last_sign_in_at, '-infinity'::timestamptz)",
};

/** The answer worked out another way: strpos on the person's own search text, sorted by the person's own keys. */
async function expected(term: string, sort: UserSortKey, order: SortOrder) {
  const key = sql.raw(SORT_EXPRESSIONS[sort]);
  const direction = sql.raw(order);
  const { rows } = await sql<{ id: string }>`
    select u.id from memberships m join users u on u.id = m.user_id
    where m.account_id = ${accountId} and m.state in ('active', 'blocked', 'invited')
      and strpos(u.search_text, ${term.toLowerCase()}) > 0
    order by ${key} ${direction}, u.id ${direction}`.execute(database.db);
  return rows.map((row) => row.id);
}

async function list(query: string): Promise<UserListPage> {
  const response = await app.request(`/accounts/${accountId}/users?${query}`, { headers: { cookie } });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe('GET /accounts/:accountId/users?q= — every length of term, every sort', () => {
  for (const sort of SORTS) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages by ${sort} ${order} through exactly the people whose name or email holds the term, with their exact total`, async () => {
        for (const term of TERMS) {
          const want = await expected(term, sort, order);
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: UserListPage = await list(
              `q=${encodeURIComponent(term)}&sort=${sort}&order=${order}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
            );
            expect(page, `"${term}"`).toMatchObject({ total: want.length, totalCapped: false });
            seen.push(...page.items.map((u) => u.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen, `"${term}" by ${sort} ${order}`).toEqual(want);
        }
      });
    }
  }
});

describe('listMembersPage — terms the API would have trimmed', () => {
  it('pages by every sort through exactly the people whose search text holds the untrimmed term', async () => {
    const filter = (search: string): MemberFilter => ({ accountId, states: ['active', 'blocked', 'invited', 'expired'], search, now: new Date() });
    for (const sort of SORTS) {
      for (const term of UNTRIMMED) {
        const seen: string[] = [];
        let after: { key: string; id: string } | undefined;
        for (;;) {
          const rows = await listMembersPage(database.db, filter(term), { sort, order: 'asc', limit: 5, after });
          seen.push(...rows.map((row) => row.id));
          const last = rows.at(-1);
          if (rows.length < 5 || !last) break;
          after = { key: last.sort_key, id: last.id };
        }
        expect(seen, `"${term}" by ${sort}`).toEqual(await expected(term, sort, 'asc'));
      }
    }
  });
});
