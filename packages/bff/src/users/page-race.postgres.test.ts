import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATES } from '@roster/shared';
import { addMember, createAccount, createGroup, createUser } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { listMembersPage } from './users.queries.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * A search's or a group's page is two statements (its keys, then the people behind them), so another
 * administrator's change can commit between them. PostgreSQL only: the change is made on a second
 * connection while the page's own still holds the first statement's answer.
 */
describe('listMembersPage — a change committed between its two statements', () => {
  it('shows no one who stopped matching the filter after the keys were read', async () => {
    const { db } = database;
    const account = await createAccount(db, 'Raced');
    const crew = await createGroup(db, account.id, 'Crew');
    const ids: Record<string, string> = {};
    for (const name of ['Ann', 'Bob', 'Cy', 'Dee']) {
      ids[name] = await createUser(db, { email: `${name.toLowerCase()}@raced.test`, firstName: name, lastName: 'Crewe' });
      await addMember(db, { accountId: account.id, userId: ids[name]!, groupIds: [crew] });
    }
    // Right after the first statement: Ann is removed, Bob leaves the group, Cy is renamed out of the search.
    let keysRead = false;
    const changeAfterKeys: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      async transformResult({ result }) {
        if (keysRead) return result;
        keysRead = true;
        await db.updateTable('memberships').set({ state: 'removed' }).where('user_id', '=', ids.Ann!).execute();
        await db.deleteFrom('membership_groups').where('user_id', 'in', [ids.Ann!, ids.Bob!]).execute();
        await db.updateTable('users').set({ last_name: 'Solo' }).where('id', '=', ids.Cy!).execute();
        return result;
      },
    };
    const page = await listMembersPage(
      db.withPlugin(changeAfterKeys),
      { accountId: account.id, states: DEFAULT_LIST_STATES, groupId: crew, search: 'crewe', searchRoute: 'trigram', now: new Date() },
      { sort: 'name', order: 'asc', limit: 10 },
    );
    expect(keysRead).toBe(true);
    expect(page.map((row) => row.first_name)).toEqual(['Dee']);
  });
});
