import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { connectDatabase, type Database } from './db/connect.ts';
import { enqueueEmail } from './mail/outbox.queries.ts';
import { createOutboxWorker } from './mail/outbox-worker.ts';
import { smtpTransport } from './mail/transports.ts';
import { addMember, createAccount, createUser, ORIGIN, PUBLIC_URL, signInAs, TEST_SECRET } from './testing/fixtures.ts';
import { drainOutbox } from './testing/drain-outbox.ts';
import { startLoopbackSmtp } from './testing/loopback-smtp.ts';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';

/**
 * The scale-out story (DESIGN.md "Stateless BFF"): two BFF instances, each with its own pool, on
 * one PostgreSQL. Nothing lives in either process: what one does, the other sees at once.
 */
let database: TestDatabase;
let pools: Database[];
let apps: ReturnType<typeof createApp>[];
let accountId: string;
let memberId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pools = [await connectDatabase({ databaseUrl: database.url }), await connectDatabase({ databaseUrl: database.url })];
  apps = pools.map((pool) => createApp({ db: pool.db, databaseKind: pool.kind, secret: TEST_SECRET, publicUrl: PUBLIC_URL }));
  const account = await createAccount(database.db, 'Initech');
  accountId = account.id;
  const admin = await createUser(database.db, { email: 'peter@initech.test' });
  memberId = await createUser(database.db, { email: 'milton@initech.test' });
  await addMember(database.db, { accountId, userId: admin, groupIds: [account.adminGroupId] });
  await addMember(database.db, { accountId, userId: memberId, groupIds: [] });
});
afterAll(async () => {
  for (const pool of pools) await pool.close();
  await database.close();
});

it('a session made on one instance works on the other, and signing out on it ends it everywhere', async () => {
  const [a, b] = apps as [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
  const peter = await signInAs(a, 'peter@initech.test');
  expect((await b.request('/me', { headers: { cookie: peter.cookie } })).status).toBe(200);
  expect((await b.request('/session', { method: 'DELETE', headers: { cookie: peter.cookie, origin: ORIGIN } })).status).toBe(204);
  expect((await a.request('/me', { headers: { cookie: peter.cookie } })).status).toBe(401);
});

it('the sign-in brake counts failures made on both instances together', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const response = await apps[i % 2]!.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'samir@initech.test', password: `wrong-${i}` }),
    });
    statuses.push(response.status);
  }
  // Five failures for one email from one address, whichever instance saw them; then refused on both.
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
});

it('a removal made on one instance is seen by the other at its next request', async () => {
  const [a, b] = apps as [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
  const milton = await signInAs(b, 'milton@initech.test');
  expect((await b.request(`/me`, { headers: { cookie: milton.cookie } })).status).toBe(200);
  const peter = await signInAs(a, 'peter@initech.test');
  const removed = await a.request(`/accounts/${accountId}/users/${memberId}`, { method: 'DELETE', headers: { cookie: peter.cookie, origin: ORIGIN } });
  expect(removed.status).toBe(200);
  const me = await (await b.request('/me', { headers: { cookie: milton.cookie } })).json();
  expect(me.accounts).toEqual([]);
  expect(me.activeAccountId).toBeNull();
  expect((await b.request(`/accounts/${accountId}/groups`, { headers: { cookie: milton.cookie } })).status).toBe(404);
});

it("each instance's outbox worker takes its share, and every email is sent exactly once", async () => {
  for (let i = 0; i < 60; i++) {
    await enqueueEmail(database.db, {
      kind: 'user-removed',
      recipient: `person${i}@scale.test`,
      locale: 'en',
      payload: { firstName: `Person ${i}`, accountName: 'Initech', groupNames: [] },
      now: new Date(),
    });
  }
  const smtp = await startLoopbackSmtp();
  const workers = pools.map((pool) => {
    const transport = smtpTransport(smtp.url);
    return { transport, worker: createOutboxWorker({ db: pool.db, transport, secret: TEST_SECRET, publicUrl: PUBLIC_URL, batchSize: 4 }) };
  });
  try {
    const claimed = await drainOutbox(workers.map((w) => w.worker));
    const sent = smtp.received.filter((m) => m.to[0]!.endsWith('@scale.test')).map((m) => m.to[0]);
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
    expect(claimed.every((n) => n > 0)).toBe(true);
  } finally {
    for (const { transport } of workers) await transport.close();
    await smtp.close();
  }
});
