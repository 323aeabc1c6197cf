import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { ProblemError } from '../errors.ts';
import { invalidToken } from '../host/bearer-authenticator.ts';

/** Digests compare in constant time whatever the lengths (timingSafeEqual wants equal ones). */
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The only way into `/service/*`: `Authorization: Bearer <ROSTER_SERVICE_TOKEN>`, compared in
 * constant time. Off (404, as for any path the app does not serve) when no token is configured.
 * Cookies and host JWTs never get in: this guard reads nothing else.
 */
export const requireServiceToken = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.var.deps.serviceToken;
  if (expected === null) throw new ProblemError(404, 'not_found', 'No such resource');
  const sent = /^Bearer +(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(sent), digest(expected))) throw invalidToken('Send "Authorization: Bearer <the service token>"');
  return next();
});
