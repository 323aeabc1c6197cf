import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATES, type MembershipState, type SortOrder, type UserSortKey } from '@roster/shared';
import { findActiveMembership } from '../memberships/memberships.queries.ts';
import { findLiveSession } from '../session/session.queries.ts';
import { createUser } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';
import { listMembersPage } from '../users/users.queries.ts';
import { cachedStatement } from './statement-cache.ts';
import type { DB } from './types.ts';

const { database } = useTestApp();

const passThrough: KyselyPlugin = { transformQuery: ({ node }) => node, transformResult: async ({ result }) => result };

/** A database that answers nothing and notes every statement sent to it; with a plugin, nothing is cached. */
function recordingDatabase(options: { plugin: boolean }) {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db: options.plugin ? db.withPlugin(passThrough) : db, sent };
}

const ACCOUNTS = ['8e3c6f2a-6b1e-4c57-9d0c-2f7f0b6a1a01', '0b9f4d7e-1c2a-4e8b-a3f6-5d4c3b2a1f02'];
const GROUP = 'c4a1e2f3-7b6d-4a5c-9e8f-1a2b3c4d5e03';
const SORTS: UserSortKey[] = ['name', 'email', 'joined', 'lastSignIn'];
const ORDERS: SortOrder[] = ['asc', 'desc'];
const STATE_SETS: MembershipState[][] = [[...DEFAULT_LIST_STATES], ['invited'], ['expired', 'active'], ['blocked', 'active', 'blocked']];

/** Every kind of page the Users list asks for, each twice with other values (another account, term, cursor, clock). */
async function askEveryPage(db: Kysely<DB>) {
  for (const sort of SORTS)
    for (const order of ORDERS)
      for (const states of STATE_SETS)
        for (const search of [undefined, 'sil', 'a_%\\'])
          for (const groupId of [undefined, GROUP])
            for (const deep of [false, true])
              for (const n of [0, 1]) {
                const filter = { accountId: ACCOUNTS[n]!, states, search: search && `${search}${n}`, groupId, now: new Date(1_700_000_000_000 + n) };
                const after = deep ? { key: `key ${n}`, id: ACCOUNTS[1 - n]! } : undefined;
                await listMembersPage(db, filter, { sort, order, limit: 26 + n, after });
              }
}

describe('cachedStatement', () => {
  it('sends exactly the statements and values that building every query afresh sends', async () => {
    const cached = recordingDatabase({ plugin: false });
    const built = recordingDatabase({ plugin: true });
    for (const { db } of [cached, built]) {
      for (const n of [0, 1]) {
        await findLiveSession(db, `session ${n}`, new Date(1_700_000_000_000 + n));
        await findLiveSession(db, `session ${n}`, new Date(1_700_000_000_000 + n), ACCOUNTS[1 - n]);
        await findActiveMembership(db, ACCOUNTS[n]!, ACCOUNTS[1 - n]!);
      }
      await askEveryPage(db);
    }
    expect(cached.sent.length).toBe(6 + SORTS.length * ORDERS.length * STATE_SETS.length * 3 * 2 * 2 * 2);
    expect(cached.sent).toEqual(built.sent);
  });

  it('builds a statement once per database and shape, then only gives it each call its values', async () => {
    const { db } = database;
    await createUser(db, { email: 'cached-one@example.test', firstName: 'One' });
    await createUser(db, { email: 'cached-two@example.test', firstName: 'Two' });
    const builds: string[] = [];
    const firstNameOf = cachedStatement(
      (db, v: { email: string }, shape: { upper: boolean }) => {
        builds.push(JSON.stringify(shape));
        return db
          .selectFrom('users')
          .select((eb) => (shape.upper ? eb.fn<string>('upper', ['first_name']) : eb.ref('first_name')).as('name'))
          .where('email', '=', v.email);
      },
      (shape) => JSON.stringify(shape),
    );
    expect(await firstNameOf(db, { email: 'cached-one@example.test' }, { upper: false })).toEqual([{ name: 'One' }]);
    expect(await firstNameOf(db, { email: 'cached-two@example.test' }, { upper: false })).toEqual([{ name: 'Two' }]);
    expect(await firstNameOf(db, { email: 'cached-two@example.test' }, { upper: true })).toEqual([{ name: 'TWO' }]);
    expect(await firstNameOf(db, { email: 'nobody@example.test' }, { upper: true })).toEqual([]);
    expect(builds).toEqual(['{"upper":false}', '{"upper":true}']);

    // A plugin sees every query, so with one each call builds its statement again.
    const seen: string[] = [];
    const watched = db.withPlugin({ ...passThrough, transformQuery: ({ node }) => (seen.push(node.kind), node) });
    expect(await firstNameOf(watched, { email: 'cached-one@example.test' }, { upper: false })).toEqual([{ name: 'One' }]);
    expect(await firstNameOf(watched, { email: 'cached-two@example.test' }, { upper: false })).toEqual([{ name: 'Two' }]);
    expect(builds).toHaveLength(4);
    expect(seen).toEqual(['SelectQueryNode', 'SelectQueryNode']);
  });

  it('refuses a call that leaves out a value its statement needs', async () => {
    const byEmail = cachedStatement((db, v: { email: string }) => db.selectFrom('users').select('id').where('email', '=', v.email));
    await expect(byEmail(database.db, {} as { email: string })).rejects.toThrow('no value for email');
  });
});
