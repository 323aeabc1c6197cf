import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { addMember, createAccount, createUser, signInAs } from '../testing/fixtures.ts';
import { generateSigningKey, signToken, startLoopbackJwks, type SigningKey } from '../testing/loopback-jwks.ts';
import { appOn } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { bearerAuthenticator, type BearerAuthenticatorOptions } from './bearer-authenticator.ts';

const ISSUER = 'https://id.host.test';
const AUDIENCE = 'roster';
const claims = { issuer: ISSUER, audience: AUDIENCE };

let database: Database;
let jwks: Awaited<ReturnType<typeof startLoopbackJwks>>;
let key: SigningKey;
let accountId: string;

const appWith = (options: Partial<BearerAuthenticatorOptions> = {}) =>
  appOn(database, {
    authenticator: bearerAuthenticator({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, jwksCooldownMs: 0, ...options }),
  });
const me = (app: ReturnType<typeof appWith>, token: string) => app.request('/me', { headers: { authorization: `Bearer ${token}` } });

async function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect((await response.json()).code).toBe('invalid_token');
}

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const payload = () => ({ email: 'host.person@acme.test', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 });

beforeAll(async () => {
  database = await createTestDatabase();
  key = await generateSigningKey('key-1');
  jwks = await startLoopbackJwks([key]);
  const account = await createAccount(database.db, 'Acme');
  accountId = account.id;
  const userId = await createUser(database.db, { email: 'host.person@acme.test', firstName: 'Hana', lastName: 'Host' });
  await addMember(database.db, { accountId, userId, groupIds: [account.adminGroupId] });
});
afterAll(async () => {
  await jwks.close();
  await database.close();
});

describe('bearerAuthenticator', () => {
  it("lets the host's signed-in person in with its token, and /me says the credentials are the host's", async () => {
    const response = await me(appWith(), await signToken(key, { email: 'Host.Person@acme.test' }, claims));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user.email).toBe('host.person@acme.test');
    expect(body.credentials).toBe('host');
    expect(body.activeAccountId).toBe(accountId);
  });

  it('accepts each of RS256, ES256 and EdDSA', async () => {
    const keys = await Promise.all([generateSigningKey('rsa', 'RS256'), generateSigningKey('ed', 'EdDSA')]);
    jwks.state.keys = [key, ...keys];
    for (const k of keys) expect((await me(appWith(), await signToken(k, { email: 'host.person@acme.test' }, claims))).status).toBe(200);
    jwks.state.keys = [key];
  });

  it('refuses an expired token (past the 60 s of skew), a wrong audience and a wrong issuer', async () => {
    const app = appWith();
    const expired = await signToken(key, { email: 'host.person@acme.test' }, { ...claims, expiresIn: Math.floor(Date.now() / 1000) - 61 });
    await expectRefused(await me(app, expired));
    await expectRefused(await me(app, await signToken(key, { email: 'host.person@acme.test' }, { ...claims, audience: 'someone-else' })));
    await expectRefused(await me(app, await signToken(key, { email: 'host.person@acme.test' }, { ...claims, issuer: 'https://evil.test' })));
    const notYet = await signToken(key, { email: 'host.person@acme.test' }, { ...claims, notBefore: Math.floor(Date.now() / 1000) + 120 });
    await expectRefused(await me(app, notYet));
  });

  it('tolerates a clock up to 60 s behind', async () => {
    const justExpired = await signToken(key, { email: 'host.person@acme.test' }, { ...claims, expiresIn: Math.floor(Date.now() / 1000) - 30 });
    expect((await me(appWith(), justExpired)).status).toBe(200);
  });

  it('refuses a token signed by another key, even under a known kid', async () => {
    const other = await generateSigningKey('key-1');
    await expectRefused(await me(appWith(), await signToken(other, { email: 'host.person@acme.test' }, claims)));
  });

  it('refuses alg none and HS256 signed with the public key', async () => {
    const app = appWith();
    await expectRefused(await me(app, `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload())}.`));
    // The classic confusion attack: the public key, as published, used as an HMAC secret.
    const unsigned = `${base64url({ alg: 'HS256', kid: 'key-1' })}.${base64url(payload())}`;
    for (const secret of [JSON.stringify(key.publicJwk), Buffer.from(key.publicJwk.x!, 'base64url')]) {
      const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
      await expectRefused(await me(app, `${unsigned}.${signature}`));
    }
  });

  it('refuses a malformed header, a token without email and an unknown person', async () => {
    const app = appWith();
    for (const header of ['Bearer', 'Bearer not-a-jwt', 'Basic abc', `Bearer ${'a'.repeat(9000)}.b.c`]) {
      await expectRefused(await app.request('/me', { headers: { authorization: header } }));
    }
    await expectRefused(await me(app, await signToken(key, { sub: 'x' }, claims)));
    await expectRefused(await me(app, await signToken(key, { email: 'stranger@acme.test' }, claims)));
  });

  it('reads the email from the configured claim', async () => {
    const app = appWith({ emailClaim: 'upn' });
    expect((await me(app, await signToken(key, { upn: 'host.person@acme.test' }, claims))).status).toBe(200);
    await expectRefused(await me(app, await signToken(key, { email: 'host.person@acme.test' }, claims)));
  });

  it('with createUsers, creates an unknown person on first sight, named from the token, with no account', async () => {
    const app = appWith({ createUsers: true });
    const token = await signToken(key, { email: 'newcomer@acme.test', given_name: 'Nia', family_name: 'New' }, claims);
    const first = await me(app, token);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.user).toMatchObject({ email: 'newcomer@acme.test', firstName: 'Nia', lastName: 'New' });
    expect(body.accounts).toEqual([]);
    expect((await me(app, token)).status).toBe(200);
    const rows = await database.db.selectFrom('users').select(['password_hash']).where('email', '=', 'newcomer@acme.test').execute();
    expect(rows).toEqual([{ password_hash: null }]);
  });

  it('follows a key rotation: a token with a new kid makes it fetch the key set again', async () => {
    const app = appWith();
    expect((await me(app, await signToken(key, { email: 'host.person@acme.test' }, claims))).status).toBe(200);
    const rotated = await generateSigningKey('key-2');
    jwks.state.keys = [rotated];
    expect((await me(app, await signToken(rotated, { email: 'host.person@acme.test' }, claims))).status).toBe(200);
    jwks.state.keys = [key];
  });

  it('fetches the key set again at most once per cooldown, however many unknown kids arrive', async () => {
    const app = appWith({ jwksCooldownMs: 60_000 });
    expect((await me(app, await signToken(key, { email: 'host.person@acme.test' }, claims))).status).toBe(200);
    const before = jwks.state.fetches;
    const stranger = await generateSigningKey('unknown-kid');
    for (let i = 0; i < 5; i++) await expectRefused(await me(app, await signToken(stranger, { email: 'host.person@acme.test' }, claims)));
    expect(jwks.state.fetches).toBe(before);
  });

  it("answers 503 while the host's key set cannot be fetched, logs it once, and lets people in once it is back", async () => {
    const logged: unknown[] = [];
    const token = await signToken(key, { email: 'host.person@acme.test' }, claims);
    const expectUnavailable = async (response: Response) => {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).code).toBe('identity_provider_unavailable');
    };
    // Nothing listens there: the connection is refused.
    const unreachable = appWith({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json', logError: (e) => logged.push(e) });
    for (let i = 0; i < 3; i++) await expectUnavailable(await me(unreachable, token));
    expect(logged).toHaveLength(1);

    // The provider answers, but with an error: the same outage, then recovery on the next request.
    const flaky = appWith({ logError: () => {} });
    jwks.state.failWith = 500;
    await expectUnavailable(await me(flaky, token));
    jwks.state.failWith = undefined;
    expect((await me(flaky, token)).status).toBe(200);
  });

  it('needs no Origin check for bearer requests (no cookie rides along), and still accepts the cookie', async () => {
    const app = appWith();
    const token = await signToken(key, { email: 'host.person@acme.test' }, claims);
    const invite = await app.request(`/accounts/${accountId}/invitations/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'https://host.example', 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['someone@acme.test'] }),
    });
    expect(invite.status).toBe(200);

    const cookie = await signInAs(app, 'host.person@acme.test');
    const viaCookie = await app.request('/me', { headers: { cookie: cookie.cookie } });
    expect(viaCookie.status).toBe(200);
    expect((await viaCookie.json()).credentials).toBe('roster');
    // The cookie with a foreign Origin is still refused, bearer header or not.
    const forged = await app.request(`/accounts/${accountId}/invitations/check`, {
      method: 'POST',
      headers: { cookie: cookie.cookie, authorization: `Bearer ${token}`, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['someone@acme.test'] }),
    });
    expect(forged.status).toBe(403);
  });
});
