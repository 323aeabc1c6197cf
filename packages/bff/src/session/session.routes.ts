import { Hono } from 'hono';
import { SignInSchema } from '@roster/shared';
import type { AppEnv } from '../context.ts';
import { clientAddress } from '../http/forwarded.ts';
import { validate } from '../http/validate.ts';
import { answerMe } from '../me/me.routes.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { signIn, signOut } from './session.service.ts';

export const sessionRoutes = new Hono<AppEnv>()
  .post('/', validate('json', SignInSchema), async (c) => {
    const { db, now } = c.var.deps;
    const { token, sessionId, userId } = await signIn(db, { ...c.req.valid('json'), address: clientAddress(c) }, now());
    setSessionCookie(c, token);
    return answerMe(c, { userId, sessionId, viaCookie: true, credentials: 'roster' });
  })
  .delete('/', async (c) => {
    const sessionId = c.var.principal?.sessionId;
    if (sessionId) await signOut(c.var.deps.db, sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
