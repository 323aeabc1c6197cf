import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createAccount, createGroup, createUser, PUBLIC_URL, signInAs, TEST_SECRET } from '../testing/fixtures.ts';
import { captureRequestSql } from '../testing/sql-capture.ts';
import { appOn } from '../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { preparedName } from './prepared-statements.ts';

/**
 * A platform as it is: one large account among thousands of small ones. Where a statement cannot
 * see which account it is about (a prepared statement's generic plan, or an account id that comes
 * from a join), PostgreSQL estimates any account as memberships / accounts: a row or two here. It
 * then found one person's membership by reading the large account's whole sort index (22 ms a
 * request at 100,000 members, on every request: the session lookup is prepared). Each statement of
 * the paths people use is run here with the plans PostgreSQL would make for it and must read about a
 * page of the account's memberships and group memberships, not the account.
 */
const LARGE = 3_000;
const SMALL_ACCOUNTS = 3_000;
/** A page is 25 rows (26 asked), looked up once each; the session's membership is one row. */
const MOST_ROWS_READ = 200;

let owner: TestDatabase;
let accountId: string;
let memberId: string;
let fewId: string;

beforeAll(async () => {
  owner = await createTestDatabase();
  const account = await createAccount(owner.db, 'Large');
  accountId = account.id;
  const adminId = await createUser(owner.db, { email: 'ada@large.test', firstName: 'Ada', lastName: 'Admin' });
  await addMember(owner.db, { accountId, userId: adminId, groupIds: [account.adminGroupId] });
  const staffId = await createGroup(owner.db, accountId, 'Staff');
  fewId = await createGroup(owner.db, accountId, 'Few');
  const statements = [
    sql`insert into users (email, first_name, last_name) select 'p' || g || '@large.test', 'Pat', 'Person ' || g from generate_series(1, ${LARGE}) g`,
    sql`insert into memberships (account_id, user_id, state, invited_at, joined_at)
        select ${accountId}, id, 'active', now(), now() from users where email like 'p%@large.test'`,
    // One in ten still invited, with a pending invitation: the page looks each of its rows' up.
    sql`update memberships set state = 'invited', joined_at = null
        where account_id = ${accountId} and user_id in (select id from users where email like 'p%0@large.test')`,
    sql`insert into invitations (account_id, user_id, email, expires_at)
        select m.account_id, m.user_id, u.email, now() + interval '3 days'
        from memberships m join users u on u.id = m.user_id where m.account_id = ${accountId} and m.state = 'invited'`,
    sql`insert into membership_groups (account_id, user_id, group_id)
        select ${accountId}, id, ${staffId} from users where email like 'p%@large.test'`,
    sql`insert into membership_groups (account_id, user_id, group_id)
        select ${accountId}, id, ${fewId} from users where email like 'p_@large.test'`,
    sql`insert into accounts (name) select 'Small ' || g from generate_series(1, ${SMALL_ACCOUNTS}) g`,
    sql`insert into users (email) select 's' || g || '@small.test' from generate_series(1, ${SMALL_ACCOUNTS}) g`,
    sql`insert into memberships (account_id, user_id, state, invited_at, joined_at)
        select a.id, u.id, 'active', now(), now()
        from (select id, row_number() over (order by id) n from accounts where name like 'Small %') a
        join (select id, row_number() over (order by id) n from users where email like 's%@small.test') u using (n)`,
    sql`analyze`,
  ];
  for (const statement of statements) await statement.execute(owner.db);
  memberId = (await owner.db.selectFrom('users').select('id').where('email', '=', 'p1@large.test').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => owner.close());

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const ACCOUNT_SIZED = ['memberships', 'membership_groups', 'invitations'];

/** Rows of account-sized tables a plan read: the ones it kept and the ones its filters threw away. */
function accountRowsRead(node: PlanNode): number {
  const own = ACCOUNT_SIZED.includes(node['Relation Name'] ?? '') ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + accountRowsRead(child), 0);
}

/** Runs `statement` with its values under one plan cache mode and returns what its plan read. */
async function rowsRead(client: pg.Client, statement: { sql: string; parameters: readonly unknown[] }, mode: string) {
  const values = statement.parameters.map((value) =>
    client.escapeLiteral(value instanceof Date ? value.toISOString() : Array.isArray(value) ? `{${value.join(',')}}` : String(value)),
  );
  await client.query(`set plan_cache_mode = ${mode}`);
  await client.query(`prepare measured as ${statement.sql}`);
  try {
    const { rows } = await client.query(`explain (analyze, format json) execute measured${values.length ? `(${values.join(', ')})` : ''}`);
    return accountRowsRead(rows[0]['QUERY PLAN'][0].Plan);
  } finally {
    await client.query('deallocate measured');
  }
}

describe('one large account among thousands of small ones (PostgreSQL)', () => {
  it('reads about a page of the account per statement, not the account', async () => {
    const app = appOn(owner);
    const { cookie } = await signInAs(app, 'ada@large.test');
    const users = `/accounts/${accountId}/users`;
    const firstJoined = await app.request(`${users}?sort=joined`, { headers: { cookie } });
    const { nextCursor } = (await firstJoined.json()) as { nextCursor: string };
    const paths = [
      `${users}?sort=name`,
      `${users}?sort=email&order=desc`,
      `${users}?sort=lastSignIn`,
      `${users}?sort=joined`,
      `${users}?sort=joined&cursor=${nextCursor}`,
      `${users}/${memberId}`,
      `/accounts/${accountId}/my-access`,
      // A group small enough that counting it reads a page's worth too (searches are left to the
      // planner: in a table this small a scan is what it should choose).
      `${users}?group=${fewId}&order=desc`,
      `/accounts/${accountId}/administrators`,
      `/accounts/${accountId}/groups`,
      '/me',
    ];
    const options = { databaseKind: owner.kind, secret: TEST_SECRET, publicUrl: PUBLIC_URL };
    const client = new pg.Client({ connectionString: owner.url });
    await client.connect();
    try {
      const heavy: string[] = [];
      for (const path of paths) {
        // Through the app first: the statements it prepares are marked so the first time they are made.
        expect((await app.request(path, { headers: { cookie } })).status).toBe(200);
        const statements = (await captureRequestSql(owner.db, options, path, { cookie })).flat();
        expect(statements.length).toBeGreaterThan(0);
        for (const statement of statements) {
          // A prepared statement runs on its generic plan after five runs; every other is planned for its values.
          const modes = preparedName(statement.sql) ? ['force_generic_plan', 'force_custom_plan'] : ['force_custom_plan'];
          for (const mode of modes) {
            const read = await rowsRead(client, statement, mode);
            if (read > MOST_ROWS_READ) heavy.push(`${path} (${mode}): ${read} rows of the account for ${statement.sql.slice(0, 80)}…`);
          }
        }
      }
      expect(heavy).toEqual([]);
    } finally {
      await client.end();
    }
  }, 120_000);
});
