import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createApp } from './app.ts';
import { connectDatabase, redactUrl } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed.ts';
import { parseEnv } from './env.ts';
import { deliveryFromEnv } from './mail/delivery.ts';
import { loadSecret, publicUrlOf } from './server-settings.ts';

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

async function main() {
  const env = parseEnv(process.env);
  const dataDir = env.ROSTER_DATA_DIR === 'memory' ? 'memory' : join(env.ROSTER_DATA_DIR, 'pglite');
  // PGlite creates its own folder but not the ones above it.
  if (!env.DATABASE_URL && dataDir !== 'memory') await mkdir(env.ROSTER_DATA_DIR, { recursive: true });
  const database = await connectDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  await migrateToLatest(database.db);
  if (await seedDemo(database.db)) console.log('Seeded the demo accounts (Acme Corp, Globex).');

  const server = new Hono();
  const publicUrl = publicUrlOf(env);
  const secret = await loadSecret(env, { generate: true });
  server.route('/api', createApp({ db: database.db, databaseKind: database.kind, secret, publicUrl }));
  server.use(secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } }));
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

  const delivery = deliveryFromEnv(env, { db: database.db, secret });
  if (env.ROSTER_OUTBOX_WORKER === 'on') delivery.worker.start();
  // The demo mailbox: every email this server captured, for anyone who can reach it. Never set up
  // with SMTP_URL, i.e. in any real deployment.
  server.get('/demo/mailbox.json', (c) => {
    c.header('cache-control', 'no-store');
    if (!delivery.mailbox) return c.json({ title: 'No demo mailbox: emails go out through SMTP_URL' }, 404);
    return c.json(delivery.mailbox.list(), 200);
  });

  const where = env.DATABASE_URL ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : `PGlite (${dataDir})`;
  const emails = env.SMTP_URL ? `SMTP ${new URL(env.SMTP_URL).host}` : 'the demo mailbox on the page';
  const http = serve({ fetch: server.fetch, port: env.PORT }, (info) =>
    console.log(`Roster demo on http://localhost:${info.port} — database: ${where} — emails: ${emails}`),
  );
  const stop = async () => {
    await Promise.all([new Promise((closed) => http.close(closed)), delivery.stop()]);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`Roster could not start: ${error.message}`);
  process.exit(1);
});
