import { sql } from 'kysely';
import type { UserSortKey } from '@roster/shared';
import type { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { encodeCursor } from '../packages/bff/src/users/cursor.ts';
import { addMember, createAccount, createGroup, createUser, signInAs } from '../packages/bff/src/testing/fixtures.ts';
import { measure, type Row } from './measure.ts';

export const MEMBERS = 100_000;
const PAGE = 25;
const DEEP = 50_000;

/** One account with MEMBERS members, written set-wise so seeding takes seconds, not minutes. */
export async function seedLargeAccount(database: Database) {
  const { db } = database;
  const account = await createAccount(db, 'Bench Corp');
  const groupIds = await Promise.all(['Finance', 'Sales', 'Support'].map((name) => createGroup(db, account.id, name)));
  const adminId = await createUser(db, { email: 'bench-admin@bench.test', firstName: 'Bench', lastName: 'Admin' });
  await addMember(db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });

  const first = sql.raw(`(array['Ann','Bob','Cleo','Dev','Eli','Fay','Gus','Hana','Ivo','Jia'])[g % 10 + 1]`);
  const last = sql.raw(`(array['Lee','Ngo','Silva','Moreau','Okafor','Berg','Kaur','Ito','Novak','Ruiz','Haddad','Costa'])[g % 12 + 1]`);
  await sql`
    insert into users (email, first_name, last_name, last_sign_in_at, created_at)
    select 'member' || g || '@bench.test', ${first}, ${last},
           case when g % 9 = 0 then null else now() - (g % 5000) * interval '7 minutes' end,
           now() - (g % 700) * interval '1 day'
    from generate_series(1, ${MEMBERS}) g`.execute(db);
  await sql`
    insert into memberships (account_id, user_id, state, invited_at, joined_at)
    select ${account.id}, u.id,
           case when n % 50 = 0 then 'invited' when n % 97 = 0 then 'blocked' else 'active' end,
           u.created_at, case when n % 50 = 0 then null else u.created_at + interval '1 day' end
    from (select id, created_at, row_number() over (order by id) n from users where email like 'member%@bench.test') u`.execute(db);
  await sql`
    insert into membership_groups (account_id, user_id, group_id)
    select m.account_id, m.user_id, (${sql.val(groupIds)}::uuid[])[(hashtext(m.user_id::text) & 1023) % 3 + 1]
    from memberships m where m.account_id = ${account.id} and m.user_id <> ${adminId}`.execute(db);
  await sql`
    insert into invitations (account_id, user_id, email, expires_at)
    select m.account_id, m.user_id, u.email, now() + interval '3 days'
    from memberships m join users u on u.id = m.user_id
    where m.account_id = ${account.id} and m.state = 'invited'`.execute(db);
  // As autovacuum would soon: fresh statistics and visibility map for index-only counts.
  await sql`vacuum analyze`.execute(db);
  return account.id;
}

/** The keyset position DEEP rows into a sort, as the list itself would have encoded it. */
async function deepCursor(database: Database, accountId: string, sort: UserSortKey, secret: string) {
  const expression = {
    name: sql`u.name_key`,
    lastSignIn: sql`coalesce(u.last_sign_in_at, '-infinity'::timestamptz)`,
    email: sql`u.email`,
    joined: sql`coalesce(m.joined_at, m.invited_at)`,
  }[sort];
  const { rows } = await sql<{ key: string; id: string }>`
    select (${expression})::text as key, u.id from memberships m join users u on u.id = m.user_id
    where m.account_id = ${accountId} order by ${expression}, u.id offset ${DEEP - 1} limit 1`.execute(database.db);
  return encodeCursor({ sort, order: 'asc', key: rows[0]!.key, id: rows[0]!.id }, secret);
}

export async function benchUsersList(
  database: Database,
  app: ReturnType<typeof createApp>,
  secret: string,
  accountId: string,
): Promise<Row[]> {
  const auth = await signInAs(app, 'bench-admin@bench.test');
  const get = (query: string) => async () => {
    const response = await app.request(`/accounts/${accountId}/users?limit=${PAGE}&${query}`, { headers: { cookie: auth.cookie } });
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    await response.json();
  };
  const rows: Row[] = [];
  for (const sort of ['name', 'lastSignIn'] as const) {
    const cursor = await deepCursor(database, accountId, sort, secret);
    const firstPage = await measure(`list: first page, sort=${sort}`, get(`sort=${sort}`));
    const deepPage = await measure(`list: page ${DEEP.toLocaleString('en')} deep, sort=${sort}`, get(`sort=${sort}&cursor=${cursor}`));
    const search = await measure(`list: search "silva", sort=${sort}`, get(`sort=${sort}&q=silva`));
    rows.push(firstPage, deepPage, search, {
      name: `list: deep / first (p50), sort=${sort}`,
      ratio: deepPage.p50 / firstPage.p50,
    });
  }
  return rows;
}
