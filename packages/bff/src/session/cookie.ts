import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Authenticator } from '../context.ts';
import { accountIdInPath } from '../http/access.ts';
import { cameOverHttps } from '../http/forwarded.ts';
import { findSession, SESSION_TTL_MS } from './session.service.ts';

export const SESSION_COOKIE = 'roster_session';

function isSecure(c: Context<AppEnv>) {
  const setting = c.var.deps.secureCookies;
  return setting === 'auto' ? cameOverHttps(c) : setting;
}

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c), httpOnly: true, sameSite: 'Lax' });
}

export function hasSessionCookie(c: Context<AppEnv>) {
  return getCookie(c, SESSION_COOKIE) !== undefined;
}

/**
 * The default authenticator: Roster's own session cookie. On an account's paths it reads the
 * person's membership there in the same statement, so the access check costs no second round trip.
 */
export const cookieAuthenticator: Authenticator = async (c) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const session = await findSession(c.var.deps.db, token, c.var.deps.now(), accountIdInPath(c.req.path));
  if (!session) return null;
  return { userId: session.user_id, sessionId: session.id, viaCookie: true, credentials: 'roster', membershipInPath: session.membership };
};
