import { Hono } from 'hono';
import { SignInSchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { clientAddress } from '../http/forwarded.ts';
import { validate } from '../http/validate.ts';
import { getMe } from '../me/me.service.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { signIn, signOut } from './session.service.ts';

export const sessionRoutes = new Hono<AppEnv>()
  .post('/', validate('json', SignInSchema), async (c) => {
    const { db, now } = c.var.deps;
    const { token, sessionId, userId } = await signIn(db, { ...c.req.valid('json'), address: clientAddress(c) }, now());
    setSessionCookie(c, token);
    return c.json(await getMe(db, userId, sessionId), 200);
  })
  .delete('/', async (c) => {
    const sessionId = c.var.principal?.sessionId;
    if (sessionId) await signOut(c.var.deps.db, sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
