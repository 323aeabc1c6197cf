import { createApp } from '../packages/bff/src/app.ts';
import { createTestDatabase } from '../packages/bff/src/testing/test-database.ts';
import { printTable } from './measure.ts';
import { benchOutboxDelivery } from './outbox-delivery.ts';
import { benchPermissionChecks } from './permission-check.ts';
import { benchRemoveUser } from './remove-user.ts';
import { benchUsersList, MEMBERS, seedLargeAccount } from './users-list.ts';

/**
 * `npm run bench`: seeds a throwaway database (PostgreSQL when DATABASE_URL is set, else
 * in-memory PGlite) and prints one table. The database is dropped afterwards.
 */
const secret = 'bench-secret-that-is-long-enough-for-hmac!';
const database = await createTestDatabase();
try {
  const seedStart = performance.now();
  const accountId = await seedLargeAccount(database);
  console.log(`Seeded ${MEMBERS.toLocaleString('en')} members on ${database.kind} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const app = createApp({ db: database.db, databaseKind: database.kind, secret, publicUrl: 'http://localhost:8787' });
  const rows = [
    ...(await benchUsersList(database, app, secret, accountId)),
    ...(await benchPermissionChecks(database, secret, accountId)),
    await benchRemoveUser(database, app, accountId),
    ...(await benchOutboxDelivery(database, secret)),
  ];
  printTable(`Roster benchmark — ${database.kind}, one account of ${MEMBERS.toLocaleString('en')} members, 25-row pages through the HTTP app`, rows);
} finally {
  await database.close();
}
