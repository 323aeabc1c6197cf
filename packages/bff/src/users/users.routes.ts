import { Hono } from 'hono';
import { UserListQuerySchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { getUserDetails, listUsers, removeUser } from './users.service.ts';

export const usersRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/', validate('query', UserListQuerySchema), async (c) => {
    const { db, now, secret } = c.var.deps;
    return c.json(await listUsers(db, c.var.account.id, c.req.valid('query'), { now: now(), secret }), 200);
  })
  .get('/:userId', async (c) => {
    const context = { actorId: c.var.actor.userId, now: c.var.deps.now() };
    return c.json(await getUserDetails(c.var.deps.db, c.var.account.id, c.req.param('userId'), context), 200);
  })
  .delete('/:userId', async (c) => {
    const context = { actorId: c.var.actor.userId, now: c.var.deps.now() };
    const removed = await removeUser(c.var.deps.db, c.var.account.id, c.req.param('userId'), context);
    return c.json(removed, 200);
  });
