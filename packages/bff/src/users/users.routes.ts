import { Hono } from 'hono';
import { UserListQuerySchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { listUsers } from './users.service.ts';

export const usersRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/', validate('query', UserListQuerySchema), async (c) => {
    const { db, now, secret } = c.var.deps;
    return c.json(await listUsers(db, c.var.account.id, c.req.valid('query'), { now: now(), secret }), 200);
  });
