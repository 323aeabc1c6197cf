import { Hono } from 'hono';
import { AuditQuerySchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { getAuditPage } from './audit.service.ts';

/** `/accounts/:accountId/audit`: the account's history, for its administrators. */
export const auditRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/', validate('query', AuditQuerySchema), async (c) => c.json(await getAuditPage(c.var.deps.db, c.var.account.id, c.req.valid('query')), 200));
