import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface StaticFile {
  path: string;
  type: string;
}

/** A built file of the repository, or a 404 that says to build. */
export const serveFile = (file: StaticFile) => async (c: Context) => {
  const body = await readFile(join(root, file.path)).catch(() => null);
  if (!body) return c.text(`${file.path} is missing: run "npm run build" first.`, 404);
  return c.body(body, 200, { 'content-type': file.type, 'cache-control': 'no-cache' });
};

/** The invitee's page: every invitation link (`<public URL>/invite/<token>`) opens it; its script reads the token. */
export const INVITE_PAGE_FILES: Record<string, StaticFile> = {
  '/invite/:token': { path: 'demo/invite.html', type: 'text/html; charset=utf-8' },
  '/assets/invite.js': { path: 'demo/dist/invite.js', type: 'text/javascript; charset=utf-8' },
  '/assets/invite.js.map': { path: 'demo/dist/invite.js.map', type: 'application/json' },
};

/**
 * roster.js, the dialogs it fetches on first use, invitation.js and their shared chunks, under
 * `/assets/`. The name pattern has no slash, so nothing outside the folder can be asked for.
 */
export function serveElementBundles(server: Hono) {
  server.get('/assets/:file{[\\w-]+\\.js(?:\\.map)?}', (c) => {
    const file = c.req.param('file');
    const type = file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    return serveFile({ path: `packages/components/dist/${file}`, type })(c);
  });
}
