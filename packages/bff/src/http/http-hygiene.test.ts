import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { demoHost } from '../demo-host.ts';
import { parseEnv } from '../env.ts';
import { proxyOptionsOf } from '../server-settings.ts';
import { addMember, createAccount, createUser, ORIGIN, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const { app, database } = useTestApp();

/** A host as the README shows it: its own pages, and Roster under /api. */
function mountedHost() {
  const host = new Hono();
  host.get('/', (c) => c.html('<h1>Host page</h1>'));
  host.route('/api', app);
  return host;
}

const UNROUTED: [string, string][] = [
  ['GET', '/nope'],
  ['POST', '/nope'],
  ['GET', '/accounts/x/nothing'],
  ['PUT', '/session'],
  ['DELETE', '/health'],
  ['PATCH', '/invitations/abc'],
  ['GET', '/'],
];

async function expectProblemNotFound(response: Response, what: string) {
  expect(response.status, what).toBe(404);
  expect(response.headers.get('content-type'), what).toBe('application/problem+json');
  expect(await response.json(), what).toMatchObject({ status: 404, code: 'not_found' });
}

describe('unknown paths and methods', () => {
  it('answer the problem+json 404 under a host mount, not the host\'s text/plain one', async () => {
    const host = mountedHost();
    for (const [method, path] of UNROUTED) {
      await expectProblemNotFound(await host.request(`/api${path}`, { method, headers: { origin: ORIGIN } }), `${method} /api${path}`);
    }
    // The host's own routes and its own 404s are still its business.
    expect((await host.request('/')).status).toBe(200);
    expect((await host.request('/elsewhere')).headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('answer the problem+json 404 when the app runs standalone', async () => {
    for (const [method, path] of UNROUTED) {
      await expectProblemNotFound(await app.request(path, { method, headers: { origin: ORIGIN } }), `${method} ${path}`);
    }
  });
});

/** What every API answer must carry, whoever mounts the app. */
function expectApiSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('strict-transport-security'), what).toMatch(/^max-age=\d+/);
  expect(response.headers.get('cache-control'), what).toBe('no-store');
}

describe('security headers', () => {
  it('are on every API answer through a host mount: success, refusal, not found, bad body', async () => {
    const host = mountedHost();
    const answers: [string, Response][] = [
      ['health', await host.request('/api/health')],
      ['anonymous /me', await host.request('/api/me')],
      ['unknown path', await host.request('/api/nope')],
      ['bad body', await host.request('/api/session', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: '{' })],
    ];
    expect(answers.map(([, response]) => response.status)).toEqual([200, 401, 404, 400]);
    for (const [what, response] of answers) expectApiSecurityHeaders(response, what);
  });

  it('are on the demo server\'s pages and on its API answers, which keep their own policy', async () => {
    const server = demoHost(app, null);
    // Strict on every page, the React and Vue apps' too: no inline script or style, no eval.
    for (const path of ['/', '/invite/abc', '/react/', '/vue/', '/assets/roster.js']) {
      const page = await server.request(path);
      expect(page.headers.get('content-security-policy'), path).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
      );
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const mailbox = await server.request('/demo/mailbox.json');
    expect(mailbox.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    for (const path of ['/api/health', '/api/nope', '/api/me']) expectApiSecurityHeaders(await server.request(path), path);
  });
});

describe('server settings for proxies and cookies', () => {
  it('parse ROSTER_TRUST_PROXY and ROSTER_SECURE_COOKIES, refusing nonsense', () => {
    expect(parseEnv({})).toMatchObject({ ROSTER_TRUST_PROXY: 0, ROSTER_SECURE_COOKIES: 'auto' });
    expect(parseEnv({ ROSTER_TRUST_PROXY: 'true', ROSTER_SECURE_COOKIES: 'always' })).toMatchObject({ ROSTER_TRUST_PROXY: 1, ROSTER_SECURE_COOKIES: 'always' });
    expect(parseEnv({ ROSTER_TRUST_PROXY: '2' }).ROSTER_TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ ROSTER_TRUST_PROXY: 'yes' })).toThrow(/ROSTER_TRUST_PROXY/);
    expect(() => parseEnv({ ROSTER_SECURE_COOKIES: 'never' })).toThrow(/ROSTER_SECURE_COOKIES/);
  });

  it('turn into the createApp options: always forces Secure cookies', () => {
    expect(proxyOptionsOf(parseEnv({}))).toEqual({ trustProxy: 0, secureCookies: 'auto' });
    expect(proxyOptionsOf(parseEnv({ ROSTER_TRUST_PROXY: '1', ROSTER_SECURE_COOKIES: 'always' }))).toEqual({ trustProxy: 1, secureCookies: true });
  });
});

describe('bodies and text the database cannot hold', () => {
  it('refuses a JSON body over 128 KB with 413 body_too_large, before any sign-in is checked', async () => {
    const body = JSON.stringify({ email: 'ada@example.test', password: 'x', pad: 'a'.repeat(200 * 1024) });
    const response = await app.request('/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).code).toBe('body_too_large');
  });

  it('refuses a NUL character in any string with 400 invalid_parameters naming the field, in a body or a query', async () => {
    const account = await createAccount(database.db, 'Nul');
    const adaId = await createUser(database.db, { email: 'ada@nul.test', firstName: 'Ada', lastName: 'Admin' });
    await addMember(database.db, { accountId: account.id, userId: adaId, groupIds: [account.adminGroupId] });
    const { cookie } = await signInAs(app, 'ada@nul.test');
    const checked = await app.request(`/accounts/${account.id}/invitations/check`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ emails: ['bo@nul.test', 'a\u0000@nul.test'] }),
    });
    expect(checked.status).toBe(400);
    expect(await checked.json()).toMatchObject({ code: 'invalid_parameters', errors: [{ path: 'emails.1', message: 'must not contain the NUL character' }] });
    const searched = await app.request(`/accounts/${account.id}/users?q=a%00`, { headers: { cookie } });
    expect(searched.status).toBe(400);
    expect(await searched.json()).toMatchObject({ code: 'invalid_parameters', errors: [{ path: 'q' }] });
  });
});
