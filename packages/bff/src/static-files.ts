import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

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

/**
 * The security headers of the pages (and their files) that the demo and the host example serve. Their
 * Content-Security-Policy is strict: scripts and styles only from files of the page's own origin (no
 * inline script or style, no eval), pictures also as data: and blob: URLs (<user-profile>'s preview
 * of a chosen picture is an object URL), no plugins, no <base>. Roster's elements need nothing more:
 * their styles are constructed stylesheets. Register it before the routes; `overwrite: false` leaves
 * the API's own, stricter headers (set by createApp) on its answers.
 */
export const pageSecurityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
    overwrite: false,
  });

const typeOf = (file: string) =>
  file.endsWith('.map') ? 'application/json' : file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';

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
    return serveFile({ path: `packages/components/dist/${file}`, type: typeOf(file) })(c);
  });
}

/**
 * An app built by Vite into `demo/dist/<name>/` (the demo's React and Vue apps), at `/<name>/`: its
 * page and its hashed scripts and styles. Again no slash in a file name, so nothing else is served.
 */
export function serveBuiltApp(server: Hono, name: string) {
  server.get(`/${name}`, (c) => c.redirect(`/${name}/`));
  server.get(`/${name}/`, serveFile({ path: `demo/dist/${name}/index.html`, type: 'text/html; charset=utf-8' }));
  server.get(`/${name}/assets/:file{[\\w-]+\\.(?:js|css)(?:\\.map)?}`, (c) => {
    const file = c.req.param('file');
    return serveFile({ path: `demo/dist/${name}/assets/${file}`, type: typeOf(file) })(c);
  });
}
