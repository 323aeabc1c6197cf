import { sql } from 'kysely';
import type { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { ORIGIN, signInAs } from '../packages/bff/src/testing/fixtures.ts';
import type { Row } from './measure.ts';
import { BENCH_ADMIN } from './seed.ts';

const REMOVALS = 200;

/** p50/p95 of DELETE /users/:id in the large account: each run removes a different active member. */
export async function benchRemoveUser(database: Database, app: ReturnType<typeof createApp>, accountId: string): Promise<Row> {
  const auth = await signInAs(app, BENCH_ADMIN);
  const { rows } = await sql<{ user_id: string }>`
    select user_id from memberships where account_id = ${accountId} and state = 'active'
    and user_id <> (select id from users where email = ${BENCH_ADMIN})
    order by user_id limit ${REMOVALS}`.execute(database.db);
  const times: number[] = [];
  for (const { user_id } of rows) {
    const start = performance.now();
    const response = await app.request(`/accounts/${accountId}/users/${user_id}`, {
      method: 'DELETE',
      headers: { cookie: auth.cookie, origin: ORIGIN },
    });
    times.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`removal: ${response.status} ${await response.text()}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name: 'remove a user (transaction + audit + outbox)', p50: at(0.5), p95: at(0.95), runs: times.length };
}
