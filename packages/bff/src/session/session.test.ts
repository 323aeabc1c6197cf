import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { addMember, createAccount, createUser, ORIGIN, signInAs, TEST_PASSWORD } from '../testing/fixtures.ts';
import { sessionIdFromToken } from './session.service.ts';
import { appOn, useTestApp } from '../testing/test-app.ts';

let clock: Date;

const signIn = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const { database, app } = useTestApp({ now: () => clock });

beforeAll(async () => {
  const account = await createAccount(database.db, 'Initech');
  const userId = await createUser(database.db, { email: 'peter@initech.test', firstName: 'Peter', lastName: 'Gibbons' });
  await addMember(database.db, { accountId: account.id, userId, groupIds: [account.adminGroupId] });
  await createUser(database.db, { email: 'invitee@initech.test', registered: false });
});
beforeEach(async () => {
  clock = new Date('2026-06-01T12:00:00Z');
  await database.db.deleteFrom('sign_in_attempts').execute();
});

describe('POST /session', () => {
  it('signs in with any letter case of the email and sets a hardened cookie holding no stored value', async () => {
    const response = await signIn({ email: ' Peter@Initech.TEST ', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const me = await response.json();
    expect(me.user.email).toBe('peter@initech.test');
    expect(me.accounts).toEqual([{ id: me.activeAccountId, name: 'Initech', isAdmin: true, groups: [{ id: expect.any(String), name: 'Administrators' }] }]);

    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^roster_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await database.db.selectFrom('sessions').select(['id', 'expires_at']).execute();
    expect(stored.map((s) => s.id)).toContain(sessionIdFromToken(token));
    expect(stored.map((s) => s.id)).not.toContain(token);

    const user = await database.db.selectFrom('users').select('last_sign_in_at').where('email', '=', 'peter@initech.test').executeTakeFirstOrThrow();
    expect(user.last_sign_in_at).toEqual(clock);
  });

  it('marks the cookie Secure when served over https', async () => {
    const response = await app.request('https://roster.example/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://roster.example' },
      body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('marks the cookie Secure behind a trusted TLS proxy, and only when the proxy is trusted', async () => {
    const behindProxy = (options: Partial<Parameters<typeof createApp>[0]>, origin: string) =>
      appOn(database, { now: () => clock, ...options }).request('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
      });
    const proxied = await behindProxy({ trustProxy: true }, 'https://localhost');
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    // Anyone can write X-Forwarded-Proto: without trustProxy it means nothing.
    const direct = await behindProxy({}, ORIGIN);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('always marks the cookie Secure when the host forces it, even over plain http', async () => {
    const forced = appOn(database, { now: () => clock, secureCookies: true });
    const response = await forced.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong password, an unknown email and an identity without a password alike', async () => {
    for (const body of [
      { email: 'peter@initech.test', password: 'wrong' },
      { email: 'nobody@initech.test', password: TEST_PASSWORD },
      { email: 'invitee@initech.test', password: TEST_PASSWORD },
    ]) {
      const response = await signIn(body);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).code).toBe('invalid_credentials');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers bad bodies with invalid_parameters or bad_request, never a 500', async () => {
    const cases: [unknown, number, string][] = [
      [{ email: 'not-an-email', password: 'x' }, 400, 'invalid_parameters'],
      [{ email: 'peter@initech.test' }, 400, 'invalid_parameters'],
      [{ email: 'peter@initech.test', password: 'x'.repeat(201) }, 400, 'invalid_parameters'],
      ['{"email": ', 400, 'bad_request'],
      [[1, 2], 400, 'invalid_parameters'],
    ];
    for (const [body, status, code] of cases) {
      const response = await signIn(body);
      expect(response.status).toBe(status);
      expect((await response.json()).code).toBe(code);
    }
  });
});

describe('session lifetime and sign-out', () => {
  it('knows the user through the cookie until sign-out, then not', async () => {
    const auth = await signInAs(app, 'peter@initech.test');
    expect((await app.request('/me', { headers: { cookie: auth.cookie } })).status).toBe(200);

    const out = await app.request('/session', { method: 'DELETE', headers: { cookie: auth.cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/roster_session=;.*Max-Age=0/);

    const after = await app.request('/me', { headers: { cookie: auth.cookie } });
    expect(after.status).toBe(401);
    expect((await after.json()).code).toBe('unauthenticated');
  });

  it('expires sessions after their lifetime', async () => {
    const auth = await signInAs(app, 'peter@initech.test');
    clock = new Date(clock.getTime() + 15 * 24 * 60 * 60 * 1000);
    expect((await app.request('/me', { headers: { cookie: auth.cookie } })).status).toBe(401);
  });

  it('ignores forged cookies', async () => {
    const response = await app.request('/me', { headers: { cookie: 'roster_session=forged-value' } });
    expect(response.status).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses unsafe requests that carry the cookie without our Origin', async () => {
    const auth = await signInAs(app, 'peter@initech.test');
    for (const headers of [{ cookie: auth.cookie }, { cookie: auth.cookie, origin: 'https://evil.example' }] as Record<string, string>[]) {
      const response = await app.request('/session', { method: 'DELETE', headers });
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe('csrf_rejected');
    }
    // The session survived the forged sign-out.
    expect((await app.request('/me', { headers: { cookie: auth.cookie } })).status).toBe(200);
  });

  it('refuses a sign-in posted from a foreign page (login CSRF)', async () => {
    const response = await signIn({ email: 'peter@initech.test', password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('behind a trusted TLS proxy, takes the https page of its own host for its own origin, and only then', async () => {
    const post = (options: { trustProxy?: boolean }) =>
      appOn(database, { now: () => clock, ...options }).request('http://roster.example/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://roster.example', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
      });
    expect((await post({ trustProxy: true })).status).toBe(200);
    expect((await post({})).status).toBe(403);
  });

  it('accepts origins the host trusts', async () => {
    const trusting = appOn(database, { now: () => clock, trustedOrigins: ['https://app.example'] });
    const response = await trusting.request('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ email: 'peter@initech.test', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
  });
});

describe('custom authenticator', () => {
  it('lets a host decide who is calling', async () => {
    const user = await database.db.selectFrom('users').select('id').where('email', '=', 'peter@initech.test').executeTakeFirstOrThrow();
    const hosted = appOn(database, {
      authenticator: async (c) => (c.req.header('authorization') === 'Bearer good' ? { userId: user.id, sessionId: null, viaCookie: false } : null),
    });
    expect((await hosted.request('/me', { headers: { authorization: 'Bearer good' } })).status).toBe(200);
    expect((await hosted.request('/me', { headers: { authorization: 'Bearer bad' } })).status).toBe(401);
  });
});
