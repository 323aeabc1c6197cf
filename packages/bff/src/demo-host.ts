import { Hono } from 'hono';
import type { createApp } from './app.ts';
import type { CaptureTransport } from './mail/transports.ts';
import { INVITE_PAGE_FILES, pageSecurityHeaders, serveBuiltApp, serveElementBundles, serveFile, type StaticFile } from './static-files.ts';

/** The demo's own files: the pages and their scripts (the element bundles are served from their folder below). */
const DEMO_FILES: Record<string, StaticFile> = {
  '/': { path: 'demo/index.html', type: 'text/html; charset=utf-8' },
  '/assets/demo.js': { path: 'demo/dist/main.js', type: 'text/javascript; charset=utf-8' },
  '/assets/main.js.map': { path: 'demo/dist/main.js.map', type: 'application/json' },
  '/assets/demo.css': { path: 'demo/demo.css', type: 'text/css; charset=utf-8' },
  '/assets/forms.css': { path: 'demo/forms.css', type: 'text/css; charset=utf-8' },
  ...INVITE_PAGE_FILES,
};

/**
 * The interactive API reference: Scalar's standalone bundle from node_modules (the network may be
 * closed, and a CDN would be one more party to trust) and the file that points it at the document.
 */
const API_REFERENCE_FILES: Record<string, StaticFile> = {
  '/api-docs': { path: 'demo/api-reference.html', type: 'text/html; charset=utf-8' },
  '/assets/api-reference.js': { path: 'demo/api-reference.js', type: 'text/javascript; charset=utf-8' },
  '/assets/scalar-api-reference.js': { path: 'node_modules/@scalar/api-reference/dist/browser/standalone.js', type: 'text/javascript; charset=utf-8' },
};
/**
 * Scripts stay 'self' only; Scalar writes its styles into `<style>` elements at run time, so this
 * page alone also allows inline styles (which run nothing).
 */
const API_REFERENCE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/**
 * The demo server's routes: the API under `/api`, the pages and bundles, the same Users screen inside
 * a React app (`/react/`) and a Vue app (`/vue/`), the API reference (`/api-docs`), the demo mailbox.
 * The pages' security headers are registered first so they cover every answer.
 */
export function demoHost(api: ReturnType<typeof createApp>, mailbox: CaptureTransport | null) {
  const server = new Hono();
  server.use(pageSecurityHeaders());
  server.route('/api', api);
  for (const [url, file] of Object.entries(DEMO_FILES)) server.get(url, serveFile(file));
  for (const [url, file] of Object.entries(API_REFERENCE_FILES)) {
    server.get(url, async (c, next) => {
      c.header('content-security-policy', API_REFERENCE_CSP);
      await next();
    }, serveFile(file));
  }
  serveElementBundles(server);
  for (const app of ['react', 'vue']) serveBuiltApp(server, app);
  // The demo mailbox: every email this server captured, for anyone who can reach it. Never set up
  // with SMTP_URL, i.e. in any real deployment.
  server.get('/demo/mailbox.json', (c) => {
    c.header('cache-control', 'no-store');
    if (!mailbox) return c.json({ title: 'No demo mailbox: emails go out through SMTP_URL' }, 404);
    return c.json(mailbox.list(), 200);
  });
  return server;
}
