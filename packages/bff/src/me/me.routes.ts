import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AVATAR_MAX_BYTES, ChangePasswordSchema, SwitchAccountSchema, UpdateProfileSchema } from '@roster/shared';
import type { AppEnv, Principal } from '../context.ts';
import { requireSignIn } from '../http/access.ts';
import { clientAddress } from '../http/forwarded.ts';
import { validate } from '../http/validate.ts';
import { imageTooLarge, removeAvatar, setAvatar } from './avatar.service.ts';
import { getMe, switchAccount, updateProfile } from './me.service.ts';
import { changePassword } from './password.service.ts';

/** The `/me` answer for this caller; every change under `/me` answers with it, as it now is. */
export async function answerMe(c: Context<AppEnv>, principal: Principal) {
  // An authenticator that does not say how the person signed in: no Roster session means the host's.
  const credentials = principal.credentials ?? (principal.sessionId ? 'roster' : 'host');
  const me = await getMe(c.var.deps.db, { userId: principal.userId, credentials, mountPath: c.var.mountPath });
  return c.json(me, 200);
}

export const meRoutes = new Hono<AppEnv>()
  .use(requireSignIn)
  .get('/', (c) => answerMe(c, c.var.actor))
  .patch('/', validate('json', UpdateProfileSchema), async (c) => {
    await updateProfile(c.var.deps.db, c.var.actor.userId, c.req.valid('json'));
    return answerMe(c, c.var.actor);
  })
  .put('/active-account', validate('json', SwitchAccountSchema), async (c) => {
    await switchAccount(c.var.deps.db, c.var.actor.userId, c.req.valid('json').accountId);
    return answerMe(c, c.var.actor);
  })
  .post('/password', validate('json', ChangePasswordSchema), async (c) => {
    const { db, now } = c.var.deps;
    await changePassword(db, c.var.actor, c.req.valid('json'), { address: clientAddress(c), now: now() });
    return c.body(null, 204);
  })
  // The picture is the raw body (any Content-Type: its bytes decide); a body over 1 MB is cut off
  // while it streams in, never read whole.
  .put(
    '/avatar',
    bodyLimit({
      maxSize: AVATAR_MAX_BYTES,
      onError: () => {
        throw imageTooLarge();
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      await setAvatar(c.var.deps.db, c.var.actor.userId, bytes, c.var.deps.now());
      return answerMe(c, c.var.actor);
    },
  )
  .delete('/avatar', async (c) => {
    await removeAvatar(c.var.deps.db, c.var.actor.userId);
    return answerMe(c, c.var.actor);
  });
