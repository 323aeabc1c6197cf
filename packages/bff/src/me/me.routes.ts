import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireSignIn } from '../http/access.ts';
import { getMe } from './me.service.ts';

export const meRoutes = new Hono<AppEnv>().get('/', requireSignIn, async (c) => {
  const principal = c.var.principal!;
  return c.json(await getMe(c.var.deps.db, principal.userId, principal.sessionId), 200);
});
