import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { enqueueEmail } from '../mail/outbox.queries.ts';
import { createOutboxWorker } from '../mail/outbox-worker.ts';
import { smtpTransport } from '../mail/transports.ts';
import { addMember, createAccount, createUser, ORIGIN, PUBLIC_URL, signInAs, TEST_PASSWORD, TEST_SECRET } from '../testing/fixtures.ts';
import { startLoopbackSmtp } from '../testing/loopback-smtp.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { connectDatabase, type Database } from './connect.ts';
import { inTransaction } from './transaction.ts';
import { appOn } from '../testing/test-app.ts';

/**
 * What a failover, a restart or an idle timeout of PostgreSQL does to a running BFF: the process
 * stays up, requests meanwhile answer 503 database_unavailable (never 500, never a hang), /health
 * tells the load balancer, and everything works again once the database is back.
 */
let owner: TestDatabase;
let accountId: string;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  owner = await createTestDatabase();
  const account = await createAccount(owner.db, 'Initech');
  accountId = account.id;
  const userId = await createUser(owner.db, { email: 'peter@initech.test' });
  await addMember(owner.db, { accountId, userId, groupIds: [account.adminGroupId] });
});
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
afterAll(() => owner.close());

/** An app of its own over its own pool, optionally through a proxy the test can cut. */
async function appOver(options: { proxy?: TcpProxy; connectTimeoutMs?: number } = {}) {
  const url = new URL(owner.url!);
  if (options.proxy) {
    url.hostname = '127.0.0.1';
    url.port = String(options.proxy.port);
  }
  const logs: string[] = [];
  const database: Database = await connectDatabase({
    databaseUrl: url.toString(),
    connectTimeoutMs: options.connectTimeoutMs,
    log: (message) => logs.push(message),
  });
  opened.push(database);
  const errors: unknown[] = [];
  const app = appOn(database, { logError: (e) => errors.push(e) });
  return { app, database, logs, errors };
}

async function terminateBackends() {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'select pg_terminate_backend(pid) as done from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [new URL(owner.url!).pathname.slice(1)],
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function proxyToPostgres() {
  const server = new URL(process.env.DATABASE_URL!);
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  opened.push(proxy);
  return proxy;
}

/** Polls (bounded) until the app answers `/me` with 200 again; how many tries it took. */
async function triesUntilHealthy(app: ReturnType<typeof createApp>, cookie: string) {
  for (let tries = 1; tries <= 50; tries++) {
    if ((await app.request('/me', { headers: { cookie } })).status === 200) return tries;
    await pause(100);
  }
  throw new Error('the app did not recover within 5 seconds');
}

describe('PostgreSQL ends every connection (pg_terminate_backend)', () => {
  it('with no traffic: the process lives, logs once, and the next requests succeed', async () => {
    const { app, logs, errors } = await appOver();
    const peter = await signInAs(app, 'peter@initech.test');
    // Several idle connections in the pool, all about to be killed.
    await Promise.all(Array.from({ length: 6 }, () => app.request('/me', { headers: { cookie: peter.cookie } })));
    expect(await terminateBackends()).toBeGreaterThan(0);
    await pause(300); // the idle connections learn of it now: an unheard 'error' event would end the process here
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/lost a PostgreSQL connection/);
    expect(await triesUntilHealthy(app, peter.cookie)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('under traffic: every answer is a 200 or a 503 database_unavailable, then all 200', async () => {
    const { app, errors } = await appOver();
    const peter = await signInAs(app, 'peter@initech.test');
    const list = () => app.request(`/accounts/${accountId}/users`, { headers: { cookie: peter.cookie } });
    const inFlight = Array.from({ length: 40 }, async (_, i) => {
      await pause(i * 5);
      return list();
    });
    await pause(60);
    await terminateBackends();
    const responses = await Promise.all(inFlight);
    for (const response of responses) {
      if (response.status === 200) continue;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).code).toBe('database_unavailable');
    }
    for (let i = 0; i < 5; i++) expect((await list()).status).toBe(200);
    expect(errors).toEqual([]);
  });
});

describe('PostgreSQL goes away and comes back', () => {
  it('answers 503 database_unavailable with Retry-After, /health 503 "down", and recovers within seconds', async () => {
    const proxy = await proxyToPostgres();
    const { app, errors } = await appOver({ proxy, connectTimeoutMs: 1000 });
    const peter = await signInAs(app, 'peter@initech.test');
    await proxy.cut();

    const refused = [
      await app.request('/me', { headers: { cookie: peter.cookie } }),
      await app.request(`/accounts/${accountId}/users`, { headers: { cookie: peter.cookie } }),
      await app.request('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).code).toBe('database_unavailable');
    }
    // With or without a cookie (a browser's check sends one): the check never waits on a session.
    for (const headers of [{}, { cookie: peter.cookie }] as Record<string, string>[]) {
      const health = await app.request('/health', { headers });
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false, database: 'down', outbox: null });
    }

    await proxy.restore();
    await triesUntilHealthy(app, peter.cookie);
    expect((await app.request('/health')).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('a database that accepts connections and never answers costs one connect timeout, not a hang', async () => {
    const proxy = await proxyToPostgres();
    const { app } = await appOver({ proxy, connectTimeoutMs: 1000 });
    const peter = await signInAs(app, 'peter@initech.test');
    proxy.blackhole();
    await pause(200); // the pool drops its reset connections: the request needs a new one
    const started = Date.now();
    const response = await app.request('/me', { headers: { cookie: peter.cookie } });
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe('database_unavailable');
    expect(Date.now() - started).toBeLessThan(5000);
    await proxy.restore();
    await triesUntilHealthy(app, peter.cookie);
  });

  it('the outbox worker keeps going through the outage, logs it once, and delivers afterwards', async () => {
    const proxy = await proxyToPostgres();
    const { database } = await appOver({ proxy, connectTimeoutMs: 500 });
    for (let i = 0; i < 3; i++) {
      await enqueueEmail(owner.db, {
        kind: 'user-removed',
        recipient: `gone${i}@initech.test`,
        locale: 'en',
        payload: { firstName: 'Gone', accountName: 'Initech', groupNames: [] },
        now: new Date(),
      });
    }
    const smtp = await startLoopbackSmtp();
    const transport = smtpTransport(smtp.url);
    const logs: string[] = [];
    const worker = createOutboxWorker({
      db: database.db,
      transport,
      secret: TEST_SECRET,
      publicUrl: PUBLIC_URL,
      pollIntervalMs: 50,
      log: (message) => logs.push(message),
    });
    try {
      await proxy.cut();
      worker.start();
      await pause(1500); // several polls fail meanwhile
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/cannot read or update the outbox/);
      await proxy.restore();
      for (let i = 0; i < 100 && logs.length < 2; i++) await pause(100);
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['gone0@initech.test', 'gone1@initech.test', 'gone2@initech.test']);
      expect(logs).toHaveLength(2);
      expect(logs[1]).toMatch(/reachable again/);
    } finally {
      await worker.stop();
      await transport.close();
      await smtp.close();
    }
  });
});

describe('the transaction helper', () => {
  it('runs a transaction that lost a deadlock again, so both sides complete', async () => {
    const { db } = owner;
    const [a, b] = await Promise.all([createAccount(db, 'Left'), createAccount(db, 'Right')]);
    let arrived = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    const attempts = { first: 0, second: 0 };
    // Each locks one account and then the other's, in opposite orders: PostgreSQL picks one as the
    // deadlock victim, whose whole transaction the helper runs again.
    const crossing = (first: string, second: string, counter: 'first' | 'second') =>
      inTransaction(db, async (trx) => {
        attempts[counter]++;
        await trx.updateTable('accounts').set({ name: `${counter} ${attempts[counter]}` }).where('id', '=', first).execute();
        if (++arrived === 2) bothHoldOne();
        await barrier;
        await trx.updateTable('accounts').set({ name: `${counter} ${attempts[counter]}` }).where('id', '=', second).execute();
        return counter;
      });
    const results = await Promise.all([crossing(a.id, b.id, 'first'), crossing(b.id, a.id, 'second')]);
    expect(results).toEqual(['first', 'second']);
    expect(attempts.first + attempts.second).toBe(3);
  });
});
