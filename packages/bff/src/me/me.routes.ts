import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireSignIn } from '../http/access.ts';
import { getMe } from './me.service.ts';

export const meRoutes = new Hono<AppEnv>().get('/', requireSignIn, async (c) => {
  const { userId, sessionId, credentials } = c.var.actor;
  return c.json(await getMe(c.var.deps.db, userId, sessionId, credentials), 200);
});
