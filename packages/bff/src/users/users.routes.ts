import { Hono, type Context } from 'hono';
import { EditUserSchema, UserListQuerySchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { changeMemberGroups, removeMember, setBlocked } from '../memberships/memberships.service.ts';
import { getUserDetails, listUsers } from './users.service.ts';

const acting = (c: Context<AppEnv>) => ({ actorId: c.var.actor.userId, now: c.var.deps.now(), webhookUrl: c.var.deps.webhookUrl });
/** Every change answers with the person's details as they now are. */
const detailsOf = (c: Context<AppEnv>) =>
  getUserDetails(c.var.deps.db, c.var.account.id, c.req.param('userId') ?? '', { ...acting(c), permissions: c.var.deps.permissions, mountPath: c.var.mountPath });

export const usersRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/', validate('query', UserListQuerySchema), async (c) => {
    const { db, now, secret } = c.var.deps;
    return c.json(await listUsers(db, c.var.account.id, c.req.valid('query'), { now: now(), secret, mountPath: c.var.mountPath }), 200);
  })
  .get('/:userId', async (c) => c.json(await detailsOf(c), 200))
  .patch('/:userId', validate('json', EditUserSchema), async (c) => {
    await changeMemberGroups(c.var.deps.db, c.var.account.id, c.req.param('userId'), c.req.valid('json'), acting(c));
    return c.json(await detailsOf(c), 200);
  })
  .post('/:userId/block', async (c) => {
    await setBlocked(c.var.deps.db, c.var.account.id, c.req.param('userId'), true, { ...acting(c), notify: c.var.deps.notifyOnBlock });
    return c.json(await detailsOf(c), 200);
  })
  .post('/:userId/unblock', async (c) => {
    await setBlocked(c.var.deps.db, c.var.account.id, c.req.param('userId'), false, { ...acting(c), notify: c.var.deps.notifyOnBlock });
    return c.json(await detailsOf(c), 200);
  })
  .delete('/:userId', async (c) => {
    return c.json(await removeMember(c.var.deps.db, c.var.account.id, c.req.param('userId'), acting(c)), 200);
  });
