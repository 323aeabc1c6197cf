import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { bearerAuthenticator, createApp } from '../../packages/bff/src/index.ts';
import type { DatabaseKind } from '../../packages/bff/src/db/connect.ts';
import type { DB } from '../../packages/bff/src/db/types.ts';
import { pageSecurityHeaders, serveElementBundles, serveFile } from '../../packages/bff/src/static-files.ts';

/**
 * An example host platform ("Initrode"): it has its own sign-in (here: pick a person, no password —
 * the point is that Roster knows nothing of it), issues its own short-lived JWTs, publishes their
 * keys, and mounts Roster at `/api` accepting only those tokens. Its page embeds the Users screen
 * with `<roster-provider>`'s `getToken()`.
 */
export const HOST_ISSUER = 'https://initrode.example';
export const HOST_AUDIENCE = 'roster';
/** The people of the host's own sign-in: the demo's seeded users. */
export const HOST_PEOPLE = ['admin@acme.test', 'member@acme.test', 'owner@globex.test'];
const HOST_COOKIE = 'initrode_session';
const TOKEN_SECONDS = 120;

export async function createHostExample(options: { db: Kysely<DB>; databaseKind: DatabaseKind; secret: string; baseUrl: string }) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = `initrode-${Date.now()}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };

  const roster = createApp({
    db: options.db,
    databaseKind: options.databaseKind,
    secret: options.secret,
    publicUrl: options.baseUrl,
    authenticator: bearerAuthenticator({
      jwksUrl: `${options.baseUrl}/.well-known/jwks.json`,
      issuer: HOST_ISSUER,
      audience: HOST_AUDIENCE,
      // This host signs people in itself: Roster's password cookie is not accepted.
      acceptCookies: false,
    }),
  });

  const host = new Hono();
  host.use(pageSecurityHeaders());
  host.route('/api', roster);
  host.get('/.well-known/jwks.json', (c) => c.json(jwks));
  // The host's own sign-in and its token endpoint: nothing here is Roster's.
  host.post('/host/session', async (c) => {
    const { email } = (await c.req.json().catch(() => ({}))) as { email?: string };
    if (!email || !HOST_PEOPLE.includes(email)) return c.json({ error: 'unknown person' }, 400);
    setCookie(c, HOST_COOKIE, email, { httpOnly: true, sameSite: 'Strict', path: '/host' });
    return c.body(null, 204);
  });
  host.delete('/host/session', (c) => {
    deleteCookie(c, HOST_COOKIE, { path: '/host' });
    return c.body(null, 204);
  });
  host.get('/host/token', async (c) => {
    const email = getCookie(c, HOST_COOKIE);
    if (!email || !HOST_PEOPLE.includes(email)) return c.json({ error: 'signed out' }, 401);
    const token = await new SignJWT({ email })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(HOST_ISSUER)
      .setAudience(HOST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .sign(privateKey);
    c.header('cache-control', 'no-store');
    return c.json({ token, expiresIn: TOKEN_SECONDS });
  });
  host.get('/', serveFile({ path: 'demo/host/index.html', type: 'text/html; charset=utf-8' }));
  host.get('/assets/host.js', serveFile({ path: 'demo/host/page.js', type: 'text/javascript; charset=utf-8' }));
  host.get('/assets/host.css', serveFile({ path: 'demo/host/page.css', type: 'text/css; charset=utf-8' }));
  serveElementBundles(host);
  return host;
}
