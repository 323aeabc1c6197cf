import { Hono } from 'hono';
import { PermissionsQuerySchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireSignIn } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { permissionsOf } from './permissions.service.ts';

/** `GET /me/permissions?accountId=`: what the signed-in person may use in that account. */
export const mePermissionsRoutes = new Hono<AppEnv>().get('/', requireSignIn, validate('query', PermissionsQuerySchema), async (c) =>
  c.json(await permissionsOf(c.var.deps.db, c.req.valid('query').accountId, c.var.actor.userId), 200),
);
