import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { listAccountGroups } from './groups.service.ts';

export const groupsRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/', async (c) => c.json(await listAccountGroups(c.var.deps.db, c.var.account.id, c.var.deps.permissions), 200));
