import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { administratorsOf, myAccess } from './account-access.service.ts';

/**
 * What every active member may read in their account (mounted at `/accounts/:accountId`): the
 * member view asks these instead of the administrators' routes, so it is never refused. The guard
 * is on each route, not `use()`d: mounted there, a `use` would also run before the other routers.
 */
const member = requireAccountAccess({ admin: false });

export const accountAccessRoutes = new Hono<AppEnv>()
  .get('/my-access', member, async (c) => c.json(await myAccess(c.var.deps.db, c.var.account.id, c.var.actor.userId, c.var.deps.permissions), 200))
  .get('/administrators', member, async (c) => c.json(await administratorsOf(c.var.deps.db, c.var.account.id), 200));
