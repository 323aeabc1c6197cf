import { describe, expect, it } from 'vitest';
import { addMember, createAccount, createGroup, createUser, requestAs, signInAs } from '../testing/fixtures.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

let n = 0;
/** A person in Alpha (administrator), Beta (viewer) and Gamma (blocked), with fresh names. */
async function scenario() {
  n++;
  const { db } = database;
  const alpha = await createAccount(db, `Alpha ${n}`);
  const beta = await createAccount(db, `Beta ${n}`);
  const gamma = await createAccount(db, `Gamma ${n}`);
  const betaViewers = await createGroup(db, beta.id, 'Viewers', ['reports']);
  const betaSales = await createGroup(db, beta.id, 'Sales', ['crm']);
  const email = `multi${n}@example.test`;
  const userId = await createUser(db, { email, firstName: 'Mia', lastName: 'Multi' });
  await addMember(db, { accountId: alpha.id, userId, groupIds: [alpha.adminGroupId] });
  await addMember(db, { accountId: beta.id, userId, groupIds: [betaViewers, betaSales] });
  await addMember(db, { accountId: gamma.id, userId, groupIds: [gamma.adminGroupId], state: 'blocked' });
  return { alpha, beta, gamma, betaViewers, betaSales, email, userId };
}

const me = async (auth: { cookie: string }) => {
  const response = await app.request('/me', { headers: { cookie: auth.cookie } });
  expect(response.status).toBe(200);
  return response.json();
};
const setMembership = (accountId: string, userId: string, state: 'removed' | 'blocked' | 'active') =>
  database.db.updateTable('memberships').set({ state }).where('account_id', '=', accountId).where('user_id', '=', userId).execute();

describe('GET /me', () => {
  it('401 without a session', async () => {
    const response = await app.request('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('gives the person, every active account with their groups there, how they sign in, and the active account', async () => {
    const s = await scenario();
    const auth = await signInAs(app, s.email);
    expect(await me(auth)).toEqual({
      user: { id: s.userId, email: s.email, firstName: 'Mia', lastName: 'Multi', avatarUrl: null, locale: 'en' },
      accounts: [
        { id: s.alpha.id, name: `Alpha ${n}`, isAdmin: true, groups: [{ id: s.alpha.adminGroupId, name: 'Administrators' }] },
        {
          id: s.beta.id,
          name: `Beta ${n}`,
          isAdmin: false,
          groups: [{ id: s.betaSales, name: 'Sales' }, { id: s.betaViewers, name: 'Viewers' }],
        },
      ],
      activeAccountId: s.alpha.id,
      credentials: 'roster',
      lostAccount: null,
    });
  });

  it('says "host" for a host authenticator, and remembers the account without any Roster session', async () => {
    const s = await scenario();
    const hosted = appOn(database, {
      authenticator: async () => ({ userId: s.userId, sessionId: null, viaCookie: false }),
    });
    const put = await hosted.request('/me/active-account', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: s.beta.id }),
    });
    expect(put.status).toBe(200);
    const answer = await (await hosted.request('/me')).json();
    expect(answer).toMatchObject({ credentials: 'host', activeAccountId: s.beta.id });
    // The same person through Roster's own sign-in finds the same account.
    expect((await me(await signInAs(app, s.email))).activeAccountId).toBe(s.beta.id);
  });
});

describe('PUT /me/active-account', () => {
  it('switches only to an account where the person is active: 404 for blocked, foreign, unknown and malformed ids', async () => {
    const s = await scenario();
    const stranger = await createAccount(database.db, `Stranger ${n}`);
    const auth = await signInAs(app, s.email);
    for (const accountId of [s.gamma.id, stranger.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const refused = await requestAs(app, auth, 'PUT', '/me/active-account', { accountId });
      expect(refused.status, accountId).toBe(404);
      expect((await refused.json()).code).toBe('not_found');
    }
    expect((await me(auth)).activeAccountId).toBe(s.alpha.id);
    expect((await requestAs(app, auth, 'PUT', '/me/active-account', {})).status).toBe(400);

    const switched = await requestAs(app, auth, 'PUT', '/me/active-account', { accountId: s.beta.id });
    expect(switched.status).toBe(200);
    expect((await switched.json()).activeAccountId).toBe(s.beta.id);
  });

  it('is remembered per person: across sign-out and sign-in, and on another device', async () => {
    const s = await scenario();
    const laptop = await signInAs(app, s.email);
    expect((await requestAs(app, laptop, 'PUT', '/me/active-account', { accountId: s.beta.id })).status).toBe(200);
    const phone = await signInAs(app, s.email);
    expect((await me(phone)).activeAccountId).toBe(s.beta.id);

    expect((await requestAs(app, laptop, 'DELETE', '/session')).status).toBe(204);
    const again = await signInAs(app, s.email);
    expect((await me(again)).activeAccountId).toBe(s.beta.id);
    // Sign-in answers like GET /me, with the remembered account.
    const signIn = await app.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: s.email, password: 'Correct-horse-9' }),
    });
    expect((await signIn.json()).activeAccountId).toBe(s.beta.id);
  });
});

describe('losing the active account', () => {
  it('after removal: falls back to the first account by name and says so once', async () => {
    const s = await scenario();
    const auth = await signInAs(app, s.email);
    expect((await me(auth)).activeAccountId).toBe(s.alpha.id);

    await setMembership(s.alpha.id, s.userId, 'removed');
    const first = await me(auth);
    expect(first.activeAccountId).toBe(s.beta.id);
    expect(first.lostAccount).toEqual({ id: s.alpha.id, name: `Alpha ${n}`, reason: 'removed' });
    const second = await me(auth);
    expect(second).toMatchObject({ activeAccountId: s.beta.id, lostAccount: null });
    // Remembered for the person, not the session: a new sign-in lands in Beta, with nothing to explain.
    expect(await me(await signInAs(app, s.email))).toMatchObject({ activeAccountId: s.beta.id, lostAccount: null });
  });

  it('after block: says "blocked" once, also to the first of two requests that raced for it', async () => {
    const s = await scenario();
    const auth = await signInAs(app, s.email);
    expect((await requestAs(app, auth, 'PUT', '/me/active-account', { accountId: s.beta.id })).status).toBe(200);

    await setMembership(s.beta.id, s.userId, 'blocked');
    const answers = await Promise.all([me(auth), me(auth), me(auth)]);
    const told = answers.filter((a) => a.lostAccount !== null);
    expect(told.map((a) => a.lostAccount)).toEqual([{ id: s.beta.id, name: `Beta ${n}`, reason: 'blocked' }]);
    expect(answers.map((a) => a.activeAccountId)).toEqual([s.alpha.id, s.alpha.id, s.alpha.id]);
    expect((await me(auth)).lostAccount).toBeNull();
  });
});

describe('a person with no account', () => {
  it('signs in, sees and edits their profile; /me says activeAccountId null; every account route answers 404', async () => {
    const s = await scenario();
    const auth = await signInAs(app, s.email);
    expect((await me(auth)).activeAccountId).toBe(s.alpha.id);
    await setMembership(s.alpha.id, s.userId, 'removed');
    await setMembership(s.beta.id, s.userId, 'removed');

    const none = await me(auth);
    expect(none).toMatchObject({ accounts: [], activeAccountId: null, lostAccount: { id: s.alpha.id, reason: 'removed' } });
    expect(await me(auth)).toMatchObject({ accounts: [], activeAccountId: null, lostAccount: null });

    const edited = await requestAs(app, auth, 'PATCH', '/me', { firstName: 'Mina' });
    expect(edited.status).toBe(200);
    expect((await edited.json()).user.firstName).toBe('Mina');

    for (const accountId of [s.alpha.id, s.beta.id, s.gamma.id]) {
      for (const path of ['users', 'groups', 'audit', `users/${s.userId}`]) {
        const response = await app.request(`/accounts/${accountId}/${path}`, { headers: { cookie: auth.cookie } });
        expect(response.status, `${accountId}/${path}`).toBe(404);
      }
      expect((await requestAs(app, auth, 'POST', `/accounts/${accountId}/invitations`, { invitees: [{ email: 'x@example.test' }], groupIds: [s.alpha.adminGroupId] })).status).toBe(404);
    }
  });

  it('who never joined any account gets the same', async () => {
    await createUser(database.db, { email: `loner${n}@example.test` });
    const auth = await signInAs(app, `loner${n}@example.test`);
    expect(await me(auth)).toMatchObject({ accounts: [], activeAccountId: null, lostAccount: null, credentials: 'roster' });
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
