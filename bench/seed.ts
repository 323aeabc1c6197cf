import { sql } from 'kysely';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { addMember, createAccount, createGroup, createUser } from '../packages/bff/src/testing/fixtures.ts';

export const BENCH_ADMIN = 'bench-admin@bench.test';

/**
 * One account with `members` members, written set-wise so seeding takes seconds, not minutes.
 * Every account gets the same bench administrator; `prefix` keeps each account's emails apart, so
 * several accounts of different sizes can share one database (as tenants do).
 */
export async function seedLargeAccount(database: Database, options: { members: number; prefix: string }) {
  const { db } = database;
  const { members, prefix } = options;
  const account = await createAccount(db, `Bench ${prefix}`);
  const groupIds = await Promise.all(['Finance', 'Sales', 'Support'].map((name) => createGroup(db, account.id, name)));
  const existingAdmin = await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN).executeTakeFirst();
  const adminId = existingAdmin?.id ?? (await createUser(db, { email: BENCH_ADMIN, firstName: 'Bench', lastName: 'Admin' }));
  await addMember(db, { accountId: account.id, userId: adminId, groupIds: [account.adminGroupId] });

  const first = sql.raw(`(array['Ann','Bob','Cleo','Dev','Eli','Fay','Gus','Hana','Ivo','Jia'])[g % 10 + 1]`);
  const last = sql.raw(`(array['Lee','Ngo','Silva','Moreau','Okafor','Berg','Kaur','Ito','Novak','Ruiz','Haddad','Costa'])[g % 12 + 1]`);
  const emails = `${prefix}%@bench.test`;
  await sql`
    insert into users (email, first_name, last_name, last_sign_in_at, created_at)
    select ${prefix} || g || '@bench.test', ${first}, ${last},
           case when g % 9 = 0 then null else now() - (g % 5000) * interval '7 minutes' end,
           now() - (g % 700) * interval '1 day'
    from generate_series(1, ${members}) g`.execute(db);
  await sql`
    insert into memberships (account_id, user_id, state, invited_at, joined_at)
    select ${account.id}, u.id,
           case when n % 50 = 0 then 'invited' when n % 97 = 0 then 'blocked' else 'active' end,
           u.created_at, case when n % 50 = 0 then null else u.created_at + interval '1 day' end
    from (select id, created_at, row_number() over (order by id) n from users where email like ${emails}) u`.execute(db);
  await sql`
    insert into membership_groups (account_id, user_id, group_id)
    select m.account_id, m.user_id, (${sql.val(groupIds)}::uuid[])[(hashtext(m.user_id::text) & 1023) % 3 + 1]
    from memberships m where m.account_id = ${account.id} and m.user_id <> ${adminId}`.execute(db);
  await sql`
    insert into invitations (account_id, user_id, email, expires_at)
    select m.account_id, m.user_id, u.email, now() + interval '3 days'
    from memberships m join users u on u.id = m.user_id
    where m.account_id = ${account.id} and m.state = 'invited'`.execute(db);
  // As autovacuum would soon: fresh statistics and visibility map for index-only scans.
  await sql`vacuum analyze`.execute(db);
  return account.id;
}
