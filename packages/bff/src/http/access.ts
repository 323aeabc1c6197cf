import { createMiddleware } from 'hono/factory';
import { isUuid } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { findActiveMembership } from '../memberships/memberships.queries.ts';
import { ProblemError } from '../errors.ts';

export const requireSignIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.principal) throw new ProblemError(401, 'unauthenticated', 'Please sign in');
  c.set('actor', c.var.principal);
  return next();
});

/**
 * The account a path names (`…/accounts/<uuid>/…`), for an authenticator that reads the caller's
 * membership there along with who they are. Only a guess before routing: `requireAccountAccess`
 * uses that reading only when it is about the account the route matched.
 */
export function accountIdInPath(path: string): string | undefined {
  const id = /\/accounts\/([^/]+)/.exec(path)?.[1];
  return id !== undefined && isUuid(id) ? id : undefined;
}

/**
 * Guards every `/accounts/:accountId/*` route, on every request (so a removed or blocked member
 * loses access at once): 401 anonymous, 404 when the caller is not an active member (no hint that
 * the account exists), 403 when administrator rights are needed and missing.
 */
export function requireAccountAccess(options: { admin: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (!principal) throw new ProblemError(401, 'unauthenticated', 'Please sign in');
    const accountId = c.req.param('accountId') ?? '';
    const known = principal.membershipInPath;
    const membership = !isUuid(accountId)
      ? undefined
      : known?.accountId === accountId
        ? known.active ? { is_admin: known.isAdmin } : undefined
        : await findActiveMembership(c.var.deps.db, accountId, principal.userId);
    if (!membership) throw new ProblemError(404, 'not_found', 'No such account');
    if (options.admin && !membership.is_admin) {
      throw new ProblemError(403, 'forbidden', 'Only account administrators can manage users');
    }
    c.set('actor', principal);
    c.set('account', { id: accountId, isAdmin: membership.is_admin });
    return next();
  });
}
