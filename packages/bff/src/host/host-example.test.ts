import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostExample } from '../../../../demo/host/host-app.ts';
import { seedDemo, DEMO_PASSWORD } from '../db/seed.ts';
import { TEST_SECRET } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let database: TestDatabase;
let server: ServerType;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  // The key set is fetched over HTTP from the host itself, so it needs a real port before it knows its URL.
  let host: Awaited<ReturnType<typeof createHostExample>> | undefined;
  server = serve({ fetch: (request) => host!.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host = await createHostExample({ db: database.db, databaseKind: database.kind, secret: TEST_SECRET, baseUrl: base });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

describe('the host example (demo/host)', () => {
  it("signs its people in with its own tokens, which Roster accepts, and Roster's own cookie not at all", async () => {
    const signIn = await fetch(`${base}/host/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@acme.test' }) });
    expect(signIn.status).toBe(204);
    const hostCookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { token } = await (await fetch(`${base}/host/token`, { headers: { cookie: hostCookie } })).json();
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ user: { email: 'admin@acme.test' }, credentials: 'host' });
    const users = await fetch(`${base}/api/accounts/${body.activeAccountId}/users?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(200);

    expect((await fetch(`${base}/host/token`)).status).toBe(401);
    const rosterSignIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'admin@acme.test', password: DEMO_PASSWORD }),
    });
    const rosterCookie = rosterSignIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await fetch(`${base}/api/me`, { headers: { cookie: rosterCookie } })).status).toBe(401);
  });
});
