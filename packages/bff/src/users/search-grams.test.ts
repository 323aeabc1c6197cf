import { sql, type CompiledQuery, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { UserListQuerySchema } from '@roster/shared';
import { createAccount } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';
import { listUsers } from './users.service.ts';

const { database } = useTestApp();

/** The distinct characters and pairs of neighbouring characters (code points) of a text: worked out here, not by `search_grams`. */
function gramsOf(text: string) {
  const chars = [...text];
  return new Set([...chars, ...chars.slice(0, -1).map((char, i) => char + chars[i + 1])]);
}

/** The kept gram counts of an account beside a recount in JavaScript from its memberships, both as `state gram → count`. */
async function keptAndRecounted(accountId: string) {
  const kept = await database.db
    .selectFrom('membership_search_gram_counts')
    .select(['state', 'gram', 'count'])
    .where('account_id', '=', accountId)
    .where('count', '<>', '0')
    .execute();
  const members = await database.db
    .selectFrom('memberships')
    .select(['state', 'user_search_text'])
    .where('account_id', '=', accountId)
    .execute();
  const recounted = new Map<string, number>();
  for (const member of members) {
    for (const gram of gramsOf(member.user_search_text)) {
      const key = `${member.state} ${gram}`;
      recounted.set(key, (recounted.get(key) ?? 0) + 1);
    }
  }
  const sorted = (entries: [string, number][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { kept: sorted(kept.map((row) => [`${row.state} ${row.gram}`, Number(row.count)])), recounted: sorted([...recounted]) };
}

async function expectKeptGramCountsExact(accountId: string) {
  const { kept, recounted } = await keptAndRecounted(accountId);
  expect(Object.keys(recounted).length).toBeGreaterThan(0);
  expect(kept).toEqual(recounted);
}

describe('kept search gram counts', () => {
  it('equal a recount after bulk inserts, state changes, renames, other updates, a rollback and deletes', async () => {
    const { db } = database;
    const account = await createAccount(db, 'Grams');
    const other = await createAccount(db, 'Other grams');
    await sql`
      insert into users (email, first_name, last_name)
      select 'g' || g || '@grams.test', (array['Zoë', 'Ann', 'Li 🙂'])[g % 3 + 1], (array['Qi', 'Silva', 'Ngo'])[g % 3 + 1]
      from generate_series(1, 30) g`.execute(db);
    await sql`
      insert into memberships (account_id, user_id, state)
      select ${account.id}, id, case when row_number() over (order by id) % 4 = 0 then 'blocked' else 'active' end
      from users where email like 'g%@grams.test'`.execute(db);
    await sql`
      insert into memberships (account_id, user_id, state) select ${other.id}, id, 'active' from users where email like 'g1%@grams.test'`.execute(db);
    await expectKeptGramCountsExact(account.id);
    await expectKeptGramCountsExact(other.id);

    // One statement moving rows both ways.
    await sql`
      update memberships set state = case state when 'active' then 'blocked' else 'active' end
      where account_id = ${account.id}`.execute(db);
    await expectKeptGramCountsExact(account.id);

    // A rename and an email change reach every membership of the person (through the users trigger).
    await sql`update users set first_name = 'Xavier', email = 'xq@grams.test' where email = 'g10@grams.test'`.execute(db);
    await expectKeptGramCountsExact(account.id);
    await expectKeptGramCountsExact(other.id);
    const xq = await db
      .selectFrom('membership_search_gram_counts')
      .select((eb) => eb.fn.sum<string>('count').as('n'))
      .where('account_id', '=', account.id)
      .where('gram', '=', 'xq')
      .executeTakeFirstOrThrow();
    expect(Number(xq.n)).toBe(1);

    // A sign-in and a version bump change neither state nor search text.
    await sql`update users set last_sign_in_at = now() where email like 'g2%@grams.test'`.execute(db);
    await db.updateTable('memberships').set((eb) => ({ version: eb('version', '+', 1) })).where('account_id', '=', account.id).execute();
    await expectKeptGramCountsExact(account.id);

    const before = await keptAndRecounted(account.id);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('memberships').where('account_id', '=', account.id).where('state', '=', 'blocked').execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await keptAndRecounted(account.id)).kept).toEqual(before.kept);

    await db.deleteFrom('memberships').where('account_id', '=', account.id).where('state', '=', 'blocked').execute();
    await expectKeptGramCountsExact(account.id);

    await db.deleteFrom('accounts').where('id', '=', account.id).execute();
    const left = await db.selectFrom('membership_search_gram_counts').select('gram').where('account_id', '=', account.id).execute();
    expect(left).toEqual([]);
  });
});

/** Every statement `run` sends, compiled. */
async function statementsOf(run: (db: typeof database.db) => Promise<unknown>) {
  const sent: CompiledQuery[] = [];
  const recorder: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      sent.push(database.db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
  await run(database.db.withPlugin(recorder));
  return sent;
}

/** The plan of a statement as text, with its own parameters. */
async function planOf(query: CompiledQuery) {
  const { rows } = await database.db.executeQuery<{ 'QUERY PLAN': string }>({
    ...query,
    sql: `explain ${query.sql}`,
  });
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('GET /accounts/:accountId/users?q= — short terms at scale', () => {
  it('a rare term of one or two characters is fetched through the grams index, never by reading the account', async () => {
    const { db } = database;
    const account = await createAccount(db, 'Rare');
    await sql`
      insert into users (email, first_name, last_name)
      select 'r' || g || '@rare.test', 'Ann', case when g % 500 = 0 then 'Qi' else 'Lee' end from generate_series(1, 1500) g`.execute(db);
    await sql`insert into memberships (account_id, user_id, state) select ${account.id}, id, 'active' from users where email like 'r%@rare.test'`.execute(db);
    await sql`analyze memberships`.execute(db);
    const now = new Date();
    const list = (q: string) => (runDb: typeof db) =>
      listUsers(runDb, account.id, UserListQuerySchema.parse({ q, sort: 'lastSignIn' }), { now, secret: 'x'.repeat(40), mountPath: '/roster' });

    for (const q of ['zq', 'q', 'qi']) {
      const statements = (await statementsOf(list(q))).filter((s) => s.sql.includes('from "memberships" as "m" where'));
      expect(statements.length, q).toBeGreaterThan(0);
      for (const statement of statements) {
        const plan = await planOf(statement);
        expect(plan, q).toContain('memberships_search_grams');
        expect(plan, q).not.toMatch(/Seq Scan on memberships|Index Only Scan using memberships_\w+_order/);
      }
    }
    const qi = await list('qi')(db);
    expect(qi).toMatchObject({ total: 3, totalCapped: false });
    expect(qi.items.map((u) => u.lastName)).toEqual(['Qi', 'Qi', 'Qi']);

    // A common one walks the sort order instead, never asking the grams of each member it passes, and
    // its total (capped) comes from the kept counts: no statement counts members.
    const common = await statementsOf(list('le'));
    expect(common.map((s) => s.sql).join('\n')).not.toContain('search_grams');
    expect(common.filter((s) => s.sql.includes('count(*)'))).toEqual([]);
    expect(await list('le')(db)).toMatchObject({ total: 1000, totalCapped: true });
  });
});
