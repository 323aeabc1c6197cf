import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { addMember, createAccount, createGroup, createUser, signInAs } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let database: Database;
let app: TestApp;

beforeAll(async () => {
  ({ database, app } = await createTestApp());
});
afterAll(() => database.close());

describe('GET /me', () => {
  it('401 without a session', async () => {
    const response = await app.request('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('lists active accounts with admin rights and falls back when the active one is lost', async () => {
    const { db } = database;
    const alpha = await createAccount(db, 'Alpha');
    const beta = await createAccount(db, 'Beta');
    const gamma = await createAccount(db, 'Gamma');
    const betaViewers = await createGroup(db, beta.id, 'Viewers', ['reports']);
    const userId = await createUser(db, { email: 'multi@example.test' });
    await addMember(db, { accountId: alpha.id, userId, groupIds: [alpha.adminGroupId] });
    await addMember(db, { accountId: beta.id, userId, groupIds: [betaViewers] });
    await addMember(db, { accountId: gamma.id, userId, groupIds: [gamma.adminGroupId], state: 'blocked' });

    const auth = await signInAs(app, 'multi@example.test');
    const me = await (await app.request('/me', { headers: { cookie: auth.cookie } })).json();
    expect(me.accounts).toEqual([
      { id: alpha.id, name: 'Alpha', isAdmin: true },
      { id: beta.id, name: 'Beta', isAdmin: false },
    ]);
    expect(me.activeAccountId).toBe(alpha.id);

    // Removed from Alpha: the next request moves the session to Beta, and keeps it there.
    await db.updateTable('memberships').set({ state: 'removed' }).where('account_id', '=', alpha.id).where('user_id', '=', userId).execute();
    const moved = await (await app.request('/me', { headers: { cookie: auth.cookie } })).json();
    expect(moved.activeAccountId).toBe(beta.id);
    const session = await db.selectFrom('sessions').select('active_account_id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(session.active_account_id).toBe(beta.id);

    // Out of every account: the "no account" state, not an error.
    await db.updateTable('memberships').set({ state: 'removed' }).where('user_id', '=', userId).execute();
    const none = await app.request('/me', { headers: { cookie: auth.cookie } });
    expect(none.status).toBe(200);
    expect(await none.json()).toMatchObject({ accounts: [], activeAccountId: null });
  });
});

describe('GET /health and unknown paths', () => {
  it('names the database kind', async () => {
    expect(await (await app.request('/health')).json()).toEqual({
      ok: true,
      database: database.kind,
      outbox: { pending: expect.any(Number), dead: expect.any(Number) },
    });
  });

  it('answers unknown paths with a problem', async () => {
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('not_found');
  });
});
