import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { hasSessionCookie } from '../session/cookie.ts';
import { ProblemError } from '../errors.ts';
import { cameOverHttps } from './forwarded.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookies ride along on cross-site requests, so an unsafe request that carries the session cookie
 * must prove it comes from our own page: browsers always send `Origin` on such requests. Any
 * request that names a foreign origin is refused too (that also stops login CSRF).
 */
export function csrfGuard(trustedOrigins: readonly string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    // A bearer token is sent by the page's own script, never by the browser on its own: without the
    // cookie alongside, a foreign page has nothing to ride on (the host's page may live elsewhere).
    if (/^Bearer /i.test(c.req.header('authorization') ?? '') && !hasSessionCookie(c)) return next();
    const origin = c.req.header('origin');
    // Behind a trusted TLS proxy the app is reached over http, but its pages are https.
    const own = new URL(c.req.url);
    if (cameOverHttps(c)) own.protocol = 'https:';
    const trusted = origin !== undefined && (origin === own.origin || trustedOrigins.includes(origin));
    if (origin !== undefined ? !trusted : hasSessionCookie(c)) {
      throw new ProblemError(403, 'csrf_rejected', 'This request did not come from a trusted page');
    }
    return next();
  });
}
