import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { readAvatar } from './avatar.service.ts';

/**
 * `/avatars/:userId/:hash`: profile pictures, public like any picture on a page (the URL carries a
 * 128-bit content hash, so it cannot be guessed, and changes when the picture does, which lets
 * browsers and caches keep it for a year). Always WebP bytes the BFF encoded itself, never SVG or
 * HTML, and `nosniff` (set for every answer) keeps browsers from reading them as anything else.
 */
export const avatarRoutes = new Hono<AppEnv>().get('/:userId/:hash', async (c) => {
  const image = await readAvatar(c.var.deps.db, c.req.param('userId'), c.req.param('hash'));
  return c.body(image, 200, {
    'content-type': 'image/webp',
    'cache-control': 'public, max-age=31536000, immutable',
    'content-disposition': 'inline; filename="avatar.webp"',
  });
});
