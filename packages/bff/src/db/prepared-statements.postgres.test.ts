import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createAccount, createUser, signInAs } from '../testing/fixtures.ts';
import { appOn } from '../testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { connectDatabase } from './connect.ts';

let owner: TestDatabase;
let accountId: string;

beforeAll(async () => {
  owner = await createTestDatabase();
  const account = await createAccount(owner.db, 'Prepared');
  accountId = account.id;
  const adminId = await createUser(owner.db, { email: 'ada@prepared.test', firstName: 'Ada', lastName: 'Silva' });
  await addMember(owner.db, { accountId, userId: adminId, groupIds: [account.adminGroupId] });
  for (let i = 0; i < 30; i++) {
    const userId = await createUser(owner.db, { email: `p${i}@prepared.test`, firstName: 'Bo', lastName: i % 2 ? 'Silva' : 'Lee' });
    await addMember(owner.db, { accountId, userId, groupIds: [] });
  }
});
afterAll(() => owner.close());

/**
 * The statements one connection (a pool of one) holds prepared after the Users list was asked for
 * its default first page and for a search, ten times each.
 */
async function preparedAfterListing(options: { preparedStatements?: boolean }) {
  const database = await connectDatabase({ databaseUrl: owner.url, maxConnections: 1, ...options });
  try {
    const app = appOn(database);
    const { cookie } = await signInAs(app, 'ada@prepared.test');
    for (let i = 0; i < 10; i++) {
      for (const query of ['sort=name', 'sort=name&q=silva']) {
        const response = await app.request(`/accounts/${accountId}/users?${query}`, { headers: { cookie } });
        expect(response.status).toBe(200);
      }
    }
    const { rows } = await sql<{ statement: string; generic_plans: string }>`
      select statement, generic_plans from pg_prepared_statements`.execute(database.db);
    return rows;
  } finally {
    await database.close();
  }
}

describe('prepared statements on PostgreSQL', () => {
  it("plan the session lookup, the default list and a search's lookup by key once, and never how a search finds its keys", async () => {
    const prepared = await preparedAfterListing({});
    const session = prepared.find((row) => row.statement.includes('from "sessions"'));
    const defaultList = prepared.find((row) => row.statement.includes('"kept_total"'));
    const byKey = prepared.find((row) => row.statement.includes('unnest('));
    // After five custom plans PostgreSQL keeps a generic one: that it did is the point.
    expect(Number(session?.generic_plans)).toBeGreaterThan(0);
    expect(Number(defaultList?.generic_plans)).toBeGreaterThan(0);
    expect(Number(byKey?.generic_plans)).toBeGreaterThan(0);
    // Whether a term is rare decides how its keys are found: a generic plan cannot see the term.
    expect(prepared.filter((row) => / like |search_grams/.test(row.statement))).toEqual([]);
  });

  it('are not used when turned off (for poolers that cannot keep them)', async () => {
    expect(await preparedAfterListing({ preparedStatements: false })).toEqual([]);
  });
});
