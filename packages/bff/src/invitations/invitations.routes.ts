import { Hono, type Context } from 'hono';
import { AcceptInvitationSchema, InviteCheckRequestSchema, InviteRequestSchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { requireAccountAccess } from '../http/access.ts';
import { validate } from '../http/validate.ts';
import { setSessionCookie } from '../session/cookie.ts';
import { acceptInvitation, declineInvitation, emailInvitationAgain, viewInvitation } from './invitation-response.service.ts';
import { checkInvitees, getInvitationLink, inviteUsers, sendInvitationAgain, type InvitingContext } from './invitations.service.ts';

function invitingContext(c: Context<AppEnv>): InvitingContext {
  const { secret, publicUrl, invitationValidDays, invitationsPerHour, webhookUrl, now } = c.var.deps;
  return { secret, publicUrl, invitationValidDays, invitationsPerHour, webhookUrl, actorId: c.var.actor.userId, now: now() };
}

/** `/accounts/:accountId/invitations`: "Add users", and the wizard's look-ahead. */
export const accountInvitationsRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .post('/', validate('json', InviteRequestSchema), async (c) => {
    const results = await inviteUsers(c.var.deps.db, c.var.account.id, c.req.valid('json'), invitingContext(c));
    return c.json({ results }, 200);
  })
  .post('/check', validate('json', InviteCheckRequestSchema), async (c) => {
    const viewer = { actorId: c.var.principal!.userId, now: c.var.deps.now() };
    return c.json({ results: await checkInvitees(c.var.deps.db, c.var.account.id, c.req.valid('json').emails, viewer) }, 200);
  });

/** `/accounts/:accountId/users/:userId/invitation/*`: the row actions on an Invited person. */
export const memberInvitationRoutes = new Hono<AppEnv>()
  .use(requireAccountAccess({ admin: true }))
  .get('/link', async (c) => {
    const link = await getInvitationLink(c.var.deps.db, c.var.account.id, c.req.param('userId') ?? '', invitingContext(c));
    return c.json(link, 200);
  })
  .post('/resend', async (c) => {
    const userId = c.req.param('userId') ?? '';
    return c.json(await sendInvitationAgain(c.var.deps.db, c.var.account.id, userId, 'resend', invitingContext(c)), 200);
  })
  .post('/renew', async (c) => {
    const userId = c.req.param('userId') ?? '';
    return c.json(await sendInvitationAgain(c.var.deps.db, c.var.account.id, userId, 'renew', invitingContext(c)), 200);
  });

/** `/invitations/:token/*`: the invitee's side, open to anyone holding the link. */
export const publicInvitationRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { db, secret, now, registrationNeedsEmailedLink } = c.var.deps;
    return c.json(await viewInvitation(db, c.req.param('token'), c.var.principal, { secret, now: now(), registrationNeedsEmailedLink }), 200);
  })
  .post('/:token/accept', validate('json', AcceptInvitationSchema), async (c) => {
    const { db, secret, now, webhookUrl, registrationNeedsEmailedLink } = c.var.deps;
    const context = { secret, now: now(), webhookUrl, registrationNeedsEmailedLink };
    const accepted = await acceptInvitation(db, c.req.param('token'), c.req.valid('json'), c.var.principal, context);
    if (accepted.sessionToken) setSessionCookie(c, accepted.sessionToken);
    return c.json({ accountId: accepted.accountId, userId: accepted.userId }, 200);
  })
  .post('/:token/email', async (c) => {
    const { db, secret, now, invitationsPerHour } = c.var.deps;
    return c.json(await emailInvitationAgain(db, c.req.param('token'), { secret, now: now(), invitationsPerHour }), 200);
  })
  .post('/:token/decline', async (c) => {
    const { db, secret, now, webhookUrl } = c.var.deps;
    return c.json(await declineInvitation(db, c.req.param('token'), { secret, now: now(), webhookUrl }), 200);
  });
