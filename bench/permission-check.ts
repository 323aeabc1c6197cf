import { sql } from 'kysely';
import { createApp } from '../packages/bff/src/app.ts';
import type { Database } from '../packages/bff/src/db/connect.ts';
import { signInAs } from '../packages/bff/src/testing/fixtures.ts';
import { measure, type Row } from './measure.ts';

const SERVICE_TOKEN = 'bench-service-token-that-is-long-enough!!';

/**
 * The permission checks in the large account (goal: at most the first page's p95): the host's
 * backend asking `/service/…/permissions` for different members in turn, and the browser's
 * `/me/permissions`.
 */
export async function benchPermissionChecks(database: Database, secret: string, accountId: string): Promise<Row[]> {
  const app = createApp({ db: database.db, databaseKind: database.kind, secret, publicUrl: 'http://localhost:8787', serviceToken: SERVICE_TOKEN });
  const { rows } = await sql<{ user_id: string }>`
    select user_id from memberships where account_id = ${accountId} and state = 'active' order by user_id desc limit 500`.execute(database.db);
  let next = 0;
  const service = await measure('permission check (service API, active member)', async () => {
    const userId = rows[next++ % rows.length]!.user_id;
    const response = await app.request(`/service/accounts/${accountId}/users/${userId}/permissions`, { headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
    if (response.status !== 200) throw new Error(`permission check: ${response.status}`);
  });
  const auth = await signInAs(app, 'bench-admin@bench.test');
  const mine = await measure('GET /me/permissions', async () => {
    const response = await app.request(`/me/permissions?accountId=${accountId}`, { headers: { cookie: auth.cookie } });
    if (response.status !== 200) throw new Error(`/me/permissions: ${response.status}`);
  });
  return [service, mine];
}
