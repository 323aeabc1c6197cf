import { sql } from 'kysely';
import { createApp } from '../packages/bff/src/app.ts';
import { createTestDatabase } from '../packages/bff/src/testing/test-database.ts';
import { benchBetterAuth } from './better-auth.ts';
import { benchConcurrency } from './concurrency.ts';
import { benchGrowth, type BenchAccount } from './growth.ts';
import { printTable } from './measure.ts';
import { benchOutboxDelivery } from './outbox-delivery.ts';
import { benchPermissionChecks } from './permission-check.ts';
import { benchRemoveUser } from './remove-user.ts';
import { seedLargeAccount } from './seed.ts';
import { benchUsersList } from './users-list.ts';

/**
 * `npm run bench`: seeds a throwaway database (PostgreSQL when DATABASE_URL is set, else
 * in-memory PGlite) and prints its tables. The database is dropped afterwards.
 * `npm run bench -- --million` adds a 1,000,000-member account to the growth table (minutes of seeding).
 */
const MEMBERS = 100_000;
const million = process.argv.includes('--million');
const secret = 'bench-secret-that-is-long-enough-for-hmac!';
// Seeding 100,000 members writes them in one statement per table: on a loaded machine it may take minutes.
const database = await createTestDatabase({ queryTimeoutMs: 15 * 60_000 });
/** What the memberships table and its indexes weigh: every index is paid for on every write. */
async function membershipsSize() {
  const { rows } = await sql<{ table: string; indexes: string }>`
    select pg_size_pretty(pg_table_size('memberships')) as table, pg_size_pretty(pg_indexes_size('memberships')) as indexes`.execute(database.db);
  return `memberships: table ${rows[0]!.table}, indexes ${rows[0]!.indexes}`;
}
try {
  const seed = async (members: number, prefix: string): Promise<BenchAccount> => {
    const start = performance.now();
    const id = await seedLargeAccount(database, { members, prefix });
    console.log(`Seeded ${members.toLocaleString('en')} members on ${database.kind} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return { id, members };
  };
  const large = await seed(MEMBERS, 'member');
  console.log(await membershipsSize());
  const appOptions = { databaseKind: database.kind, secret, publicUrl: 'http://localhost:8787' };
  const app = createApp({ db: database.db, ...appOptions });
  const rows = [
    ...(await benchUsersList(database, app, appOptions, large.id, 'member')),
    ...(await benchPermissionChecks(database, secret, large.id)),
    await benchRemoveUser(database, app, large.id),
    ...(await benchOutboxDelivery(database, secret)),
  ];
  printTable(`Roster benchmark — ${database.kind}, one account of ${MEMBERS.toLocaleString('en')} members, 25-row pages through the HTTP app`, rows);

  const concurrency = await benchConcurrency(database, app, appOptions, large.id, [10, 50, 200]);
  if (concurrency.length) printTable('Concurrency — the first page under N keep-alive connections (5 s each)', concurrency);
  else console.log('\nConcurrency: PostgreSQL only (set DATABASE_URL); PGlite serves one process.');

  const versus = await benchBetterAuth(database, app, secret, large.id, MEMBERS);
  if (versus.length) printTable(`Side by side — better-auth's organization plugin, the same ${MEMBERS.toLocaleString('en')} people on the same PostgreSQL`, versus);
  else console.log("\nbetter-auth side by side: PostgreSQL only (set DATABASE_URL).");

  const accounts = [await seed(10_000, 'small'), large, ...(million ? [await seed(1_000_000, 'huge')] : [])];
  await benchGrowth(database, app, secret, accounts);
} finally {
  await database.close();
}
