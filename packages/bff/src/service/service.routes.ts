import { Hono, type Context } from 'hono';
import {
  AccountInputSchema,
  GroupChangeSchema,
  GroupInputSchema,
  InviteRequestSchema,
  MembersQuerySchema,
  UserLookupQuerySchema,
} from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { ProblemError } from '../errors.ts';
import { validate } from '../http/validate.ts';
import { permissionsOf } from '../permissions/permissions.service.ts';
import { requireServiceToken } from './service-token.ts';
import * as service from './service.service.ts';

const groupContext = (c: Context<AppEnv>) => ({ now: c.var.deps.now(), catalog: c.var.deps.permissions });

function invitingContext(c: Context<AppEnv>) {
  const { secret, publicUrl, invitationValidDays, invitationsPerHour, webhookUrl, now } = c.var.deps;
  return { secret, publicUrl, invitationValidDays, invitationsPerHour, webhookUrl, now: now() };
}

const ACCOUNT = '/accounts/:accountId';

/**
 * `/service/*`: the host's backend provisions accounts, groups and first administrators, looks
 * people up and checks permissions (README "Provisioning"). Only the service token gets in.
 */
export const serviceRoutes = new Hono<AppEnv>()
  .use(requireServiceToken)
  .post('/accounts', validate('json', AccountInputSchema), async (c) =>
    c.json(await service.createAccount(c.var.deps.db, c.req.valid('json'), c.var.deps.now()), 201),
  )
  .patch(ACCOUNT, validate('json', AccountInputSchema), async (c) =>
    c.json(await service.renameAccount(c.var.deps.db, c.req.param('accountId'), c.req.valid('json'), c.var.deps.now()), 200),
  )
  .get(`${ACCOUNT}/groups`, async (c) => c.json(await service.listGroups(c.var.deps.db, c.req.param('accountId'), c.var.deps.permissions), 200))
  .post(`${ACCOUNT}/groups`, validate('json', GroupInputSchema), async (c) =>
    c.json(await service.createGroup(c.var.deps.db, c.req.param('accountId'), c.req.valid('json'), groupContext(c)), 201),
  )
  .patch(`${ACCOUNT}/groups/:groupId`, validate('json', GroupChangeSchema), async (c) => {
    const { accountId, groupId } = c.req.param();
    return c.json(await service.changeGroup(c.var.deps.db, accountId, groupId, c.req.valid('json'), groupContext(c)), 200);
  })
  .delete(`${ACCOUNT}/groups/:groupId`, async (c) => {
    const { accountId, groupId } = c.req.param();
    await service.deleteGroup(c.var.deps.db, accountId, groupId, c.var.deps.now());
    return c.body(null, 204);
  })
  .post(`${ACCOUNT}/invitations`, validate('json', InviteRequestSchema), async (c) => {
    const results = await service.inviteAsService(c.var.deps.db, c.req.param('accountId'), c.req.valid('json'), invitingContext(c));
    return c.json({ results }, 200);
  })
  .get('/users', validate('query', UserLookupQuerySchema), async (c) => c.json(await service.findPerson(c.var.deps.db, c.req.valid('query').email), 200))
  .get(`${ACCOUNT}/members`, validate('query', MembersQuerySchema), async (c) =>
    c.json(await service.listMembers(c.var.deps.db, c.req.param('accountId'), c.req.valid('query')), 200),
  )
  .get(`${ACCOUNT}/users/:userId/permissions`, async (c) => {
    const { accountId, userId } = c.req.param();
    return c.json(await permissionsOf(c.var.deps.db, accountId, userId), 200);
  })
  // Behind the token like the rest: a caller without it learns nothing of what exists here.
  .all('*', () => {
    throw new ProblemError(404, 'not_found', 'No such resource');
  });
