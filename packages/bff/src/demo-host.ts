import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { createApp } from './app.ts';
import type { CaptureTransport } from './mail/transports.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The demo's own files: the pages and their scripts (the element bundles are served from their folder below). */
const DEMO_FILES: Record<string, { path: string; type: string }> = {
  '/': { path: 'demo/index.html', type: 'text/html; charset=utf-8' },
  '/assets/demo.js': { path: 'demo/dist/main.js', type: 'text/javascript; charset=utf-8' },
  '/assets/main.js.map': { path: 'demo/dist/main.js.map', type: 'application/json' },
  '/assets/demo.css': { path: 'demo/demo.css', type: 'text/css; charset=utf-8' },
  // Every invitation link (`<public URL>/invite/<token>`) opens the same page; its script reads the token.
  '/invite/:token': { path: 'demo/invite.html', type: 'text/html; charset=utf-8' },
  '/assets/invite.js': { path: 'demo/dist/invite.js', type: 'text/javascript; charset=utf-8' },
  '/assets/invite.js.map': { path: 'demo/dist/invite.js.map', type: 'application/json' },
};

/**
 * The demo server's routes: the API under `/api`, the pages and bundles, the demo mailbox. The
 * pages' security headers are registered first so they cover every answer; `overwrite: false`
 * leaves the API's own, stricter ones (set by createApp) on its answers.
 */
export function demoHost(api: ReturnType<typeof createApp>, mailbox: CaptureTransport | null) {
  const server = new Hono();
  server.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] },
      overwrite: false,
    }),
  );
  server.route('/api', api);
  const serveFile = (file: { path: string; type: string }) => async (c: Context) => {
    const body = await readFile(join(root, file.path)).catch(() => null);
    if (!body) return c.text(`${file.path} is missing: run "npm run build" first.`, 404);
    return c.body(body, 200, { 'content-type': file.type, 'cache-control': 'no-cache' });
  };
  for (const [url, file] of Object.entries(DEMO_FILES)) server.get(url, serveFile(file));
  // roster.js, the dialogs it fetches on first use, invitation.js and their shared chunks. The
  // name pattern has no slash, so nothing outside the folder can be asked for.
  server.get('/assets/:file{[\\w-]+\\.js(?:\\.map)?}', (c) => {
    const file = c.req.param('file');
    const type = file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8';
    return serveFile({ path: `packages/components/dist/${file}`, type })(c);
  });
  // The demo mailbox: every email this server captured, for anyone who can reach it. Never set up
  // with SMTP_URL, i.e. in any real deployment.
  server.get('/demo/mailbox.json', (c) => {
    c.header('cache-control', 'no-store');
    if (!mailbox) return c.json({ title: 'No demo mailbox: emails go out through SMTP_URL' }, 404);
    return c.json(mailbox.list(), 200);
  });
  return server;
}
