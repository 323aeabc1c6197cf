import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { addMember, createAccount, createGroup, createUser, emailedTokenOf, ORIGIN, PUBLIC_URL, signInAs, TEST_PASSWORD, TEST_SECRET } from '../testing/fixtures.ts';
import { appOn, type TestApp } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { captureTransport } from './transports.ts';

const WEBHOOK_SECRET = `whsec_${Buffer.from('a webhook secret of 32 bytes!!!!').toString('base64')}`;
let database: Database;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let app: TestApp;
let counter = 0;

const worker = (options: { maxAttempts?: number; webhookSecret?: string } = {}) =>
  createOutboxWorker({
    db: database.db,
    transport: captureTransport(),
    secret: TEST_SECRET,
    publicUrl: PUBLIC_URL,
    webhookSecret: options.webhookSecret ?? WEBHOOK_SECRET,
    maxAttempts: options.maxAttempts ?? 10,
    // Retries are due at once: the test follows the attempts, not the clock.
    retryDelayMs: 0,
    maxRetryDelayMs: 0,
    log: () => {},
  });

/** Runs the worker until nothing is due (bounded). */
async function drain(w = worker()) {
  for (let i = 0; i < 50; i++) if ((await w.deliverDue()) === 0) return;
  throw new Error('the outbox never drained');
}

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  app = appOn(database, { webhookUrl: receiver.url });
});
afterAll(async () => {
  await receiver.close();
  await database.close();
});
beforeEach(async () => {
  // Each test counts its own: earlier tests' rows are settled or put out of the way.
  await drain();
  await database.db.updateTable('outbox').set({ dead_at: new Date() }).where('sent_at', 'is', null).where('dead_at', 'is', null).execute();
  receiver.state.accepted.length = 0;
  receiver.state.status = 204;
});

async function scenario() {
  const { db } = database;
  const n = ++counter;
  const account = await createAccount(db, `Hooks ${n}`);
  const finance = await createGroup(db, account.id, 'Finance', ['billing']);
  const admin = await createUser(db, { email: `admin${n}@hooks.test` });
  await addMember(db, { accountId: account.id, userId: admin, groupIds: [account.adminGroupId] });
  const member = await createUser(db, { email: `member${n}@hooks.test` });
  await addMember(db, { accountId: account.id, userId: member, groupIds: [finance] });
  const auth = await signInAs(app, `admin${n}@hooks.test`);
  const send = (method: string, path: string, body?: unknown) =>
    app.request(`/accounts/${account.id}${path}`, {
      method,
      headers: { cookie: auth.cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { n, account, finance, admin, member, send };
}

const invite = async (s: Awaited<ReturnType<typeof scenario>>, email: string) => {
  const response = await s.send('POST', '/invitations', { invitees: [{ email, firstName: 'In', lastName: 'Vitee' }], groupIds: [s.finance] });
  const [result] = (await response.json()).results;
  // The invitee follows the emailed link.
  return { userId: result.userId as string, token: await emailedTokenOf(database.db, result.link) };
};
const respond = (token: string, action: 'accept' | 'decline') =>
  app.request(`/invitations/${token}/${action}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(action === 'accept' ? { registration: { firstName: 'In', lastName: 'Vitee', password: TEST_PASSWORD, acceptTerms: true } } : {}),
  });
const typesFor = (userId: string) => receiver.state.accepted.filter((w) => w.data.userId === userId).map((w) => w.type);

describe('membership webhooks', () => {
  it('reports every membership change, signed as Standard Webhooks says, with the membership as the change left it', async () => {
    const s = await scenario();
    const joiner = await invite(s, `joiner${s.n}@hooks.test`);
    expect((await respond(joiner.token, 'accept')).status).toBe(200);
    const decliner = await invite(s, `decliner${s.n}@hooks.test`);
    expect((await respond(decliner.token, 'decline')).status).toBe(200);
    const { version } = await (await s.send('GET', `/users/${joiner.userId}`)).json();
    expect((await s.send('PATCH', `/users/${joiner.userId}`, { groupIds: [s.account.adminGroupId, s.finance], version })).status).toBe(200);
    expect((await s.send('POST', `/users/${joiner.userId}/block`)).status).toBe(200);
    expect((await s.send('POST', `/users/${joiner.userId}/unblock`)).status).toBe(200);
    expect((await s.send('DELETE', `/users/${joiner.userId}`)).status).toBe(200);

    await drain();
    expect(receiver.state.refused).toBe(0);
    expect(typesFor(joiner.userId)).toEqual([
      'membership.invited',
      'membership.activated',
      'membership.updated',
      'membership.blocked',
      'membership.unblocked',
      'membership.removed',
    ]);
    expect(typesFor(decliner.userId)).toEqual(['membership.invited', 'membership.declined']);
    const byType = new Map(receiver.state.accepted.filter((w) => w.data.userId === joiner.userId).map((w) => [w.type, w]));
    expect(byType.get('membership.invited')!.data).toEqual({
      accountId: s.account.id,
      userId: joiner.userId,
      email: `joiner${s.n}@hooks.test`,
      state: 'invited',
      groupIds: [s.finance],
      actorId: s.admin,
    });
    expect(byType.get('membership.activated')!.data).toMatchObject({ state: 'active', actorId: joiner.userId });
    expect(byType.get('membership.updated')!.data.groupIds).toEqual([s.account.adminGroupId, s.finance].sort());
    expect(byType.get('membership.blocked')!.data.state).toBe('blocked');
    expect(byType.get('membership.removed')!.data).toMatchObject({ state: 'removed', groupIds: [] });
    expect(new Set(receiver.state.accepted.map((w) => w.id)).size).toBe(receiver.state.accepted.length);
    expect(receiver.state.accepted.every((w) => /^msg_/.test(w.id) && !Number.isNaN(Date.parse(w.timestamp)))).toBe(true);
  });

  it('writes the webhook in the change\'s transaction: a refused change sends none', async () => {
    const s = await scenario();
    // The only administrator cannot remove themself: nothing changes, nothing is reported.
    expect((await s.send('DELETE', `/users/${s.admin}`)).status).toBe(409);
    expect((await s.send('POST', `/users/${s.member}/unblock`)).status).toBe(409);
    const rows = await database.db.selectFrom('outbox').select('id').where('kind', '=', 'webhook').where('sent_at', 'is', null).where('dead_at', 'is', null).execute();
    expect(rows).toEqual([]);
  });

  it('writes no webhook when no receiver is configured', async () => {
    const quiet = appOn(database);
    const s = await scenario();
    const auth = await signInAs(quiet, `admin${s.n}@hooks.test`);
    const blocked = await quiet.request(`/accounts/${s.account.id}/users/${s.member}/block`, { method: 'POST', headers: { cookie: auth.cookie, origin: ORIGIN } });
    expect(blocked.status).toBe(200);
    const rows = await database.db.selectFrom('outbox').select('id').where('kind', '=', 'webhook').where('sent_at', 'is', null).where('dead_at', 'is', null).execute();
    expect(rows).toEqual([]);
  });

  it('gets every event to a receiver that was down for a while, once it is up, in order per membership', async () => {
    const s = await scenario();
    await receiver.down();
    try {
      for (const action of ['block', 'unblock', 'block', 'unblock']) expect((await s.send('POST', `/users/${s.member}/${action}`)).status).toBe(200);
      expect((await s.send('DELETE', `/users/${s.member}`)).status).toBe(200);
      const w = worker();
      // Attempts while it is down: each fails and is retried; the later events wait behind the first.
      for (let i = 0; i < 3; i++) await w.deliverDue();
      const attempts = await database.db
        .selectFrom('outbox')
        .select(['attempts', 'last_error'])
        .where('kind', '=', 'webhook')
        .where('sent_at', 'is', null)
        .where('dead_at', 'is', null)
        .orderBy('seq')
        .execute();
      expect(attempts.map((a) => a.attempts)).toEqual([3, 0, 0, 0, 0]);
      expect(attempts[0]!.last_error).toBeTruthy();
    } finally {
      await receiver.up();
    }
    await drain();
    expect(typesFor(s.member)).toEqual(['membership.blocked', 'membership.unblocked', 'membership.blocked', 'membership.unblocked', 'membership.removed']);
  });

  it('retries a failing receiver with backoff, gives up after the limit, counts it dead on /health, and lets the next event go', async () => {
    const s = await scenario();
    const before = (await (await app.request('/health')).json()).outbox.dead;
    receiver.state.status = 500;
    expect((await s.send('POST', `/users/${s.member}/block`)).status).toBe(200);
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) await w.deliverDue();
    const [row] = await database.db.selectFrom('outbox').select(['attempts', 'dead_at', 'last_error']).where('kind', '=', 'webhook').orderBy('seq', 'desc').limit(1).execute();
    expect(row).toMatchObject({ attempts: 3, last_error: 'The webhook receiver answered 500' });
    expect(row!.dead_at).not.toBeNull();
    expect((await (await app.request('/health')).json()).outbox.dead).toBe(before + 1);

    receiver.state.status = 204;
    expect((await s.send('POST', `/users/${s.member}/unblock`)).status).toBe(200);
    await drain(w);
    expect(typesFor(s.member)).toEqual(['membership.unblocked']);
  });

  it('schedules retries further apart each time', async () => {
    const s = await scenario();
    receiver.state.status = 503;
    expect((await s.send('POST', `/users/${s.member}/block`)).status).toBe(200);
    let clock = Date.now();
    const w = createOutboxWorker({
      db: database.db,
      transport: captureTransport(),
      secret: TEST_SECRET,
      publicUrl: PUBLIC_URL,
      webhookSecret: WEBHOOK_SECRET,
      retryDelayMs: 1_000,
      random: () => 0.5,
      now: () => new Date(clock),
      log: () => {},
    });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await w.deliverDue();
      const [row] = await database.db.selectFrom('outbox').select('next_attempt_at').where('kind', '=', 'webhook').orderBy('seq', 'desc').limit(1).execute();
      delays.push(row!.next_attempt_at.getTime() - clock);
      clock = row!.next_attempt_at.getTime();
    }
    expect(delays).toEqual([1_000, 2_000, 4_000]);
  });

  it('goes dead at once, saying why, when the worker has no webhook secret', async () => {
    const s = await scenario();
    expect((await s.send('POST', `/users/${s.member}/block`)).status).toBe(200);
    const w = createOutboxWorker({ db: database.db, transport: captureTransport(), secret: TEST_SECRET, publicUrl: PUBLIC_URL, log: () => {} });
    await w.deliverDue();
    const [row] = await database.db.selectFrom('outbox').select(['dead_at', 'last_error']).where('kind', '=', 'webhook').orderBy('seq', 'desc').limit(1).execute();
    expect(row!.dead_at).not.toBeNull();
    expect(row!.last_error).toMatch(/no webhook secret/);
  });
});
