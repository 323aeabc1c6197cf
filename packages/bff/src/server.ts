import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createApp } from './app.ts';
import { connectDatabase, redactUrl } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed.ts';
import { parseEnv, type Env } from './env.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The demo's files: the page, the production bundle of the elements, and the page's own script. */
const DEMO_FILES: Record<string, { path: string; type: string }> = {
  '/': { path: 'demo/index.html', type: 'text/html; charset=utf-8' },
  '/assets/roster.js': { path: 'packages/components/dist/roster.js', type: 'text/javascript; charset=utf-8' },
  '/assets/roster.js.map': { path: 'packages/components/dist/roster.js.map', type: 'application/json' },
  '/assets/demo.js': { path: 'demo/dist/main.js', type: 'text/javascript; charset=utf-8' },
  '/assets/main.js.map': { path: 'demo/dist/main.js.map', type: 'application/json' },
  '/assets/demo.css': { path: 'demo/demo.css', type: 'text/css; charset=utf-8' },
};

/** ROSTER_SECRET, or one generated once and kept in the data directory (demo convenience). */
async function loadSecret(env: Env): Promise<string> {
  if (env.ROSTER_SECRET) return env.ROSTER_SECRET;
  if (env.ROSTER_DATA_DIR === 'memory') return randomBytes(32).toString('base64url');
  const file = join(env.ROSTER_DATA_DIR, 'secret');
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (kept.length >= 32) return kept.trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(env.ROSTER_DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const env = parseEnv(process.env);
  const dataDir = env.ROSTER_DATA_DIR === 'memory' ? 'memory' : join(env.ROSTER_DATA_DIR, 'pglite');
  // PGlite creates its own folder but not the ones above it.
  if (!env.DATABASE_URL && dataDir !== 'memory') await mkdir(env.ROSTER_DATA_DIR, { recursive: true });
  const database = await connectDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  await migrateToLatest(database.db);
  if (await seedDemo(database.db)) console.log('Seeded the demo accounts (Acme Corp, Globex).');

  const server = new Hono();
  const publicUrl = env.ROSTER_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const secret = await loadSecret(env);
  server.route('/api', createApp({ db: database.db, databaseKind: database.kind, secret, publicUrl }));
  server.use(secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } }));
  for (const [url, file] of Object.entries(DEMO_FILES)) {
    server.get(url, async (c) => {
      const body = await readFile(join(root, file.path)).catch(() => null);
      if (!body) return c.text(`${file.path} is missing: run "npm run build" first.`, 404);
      return c.body(body, 200, { 'content-type': file.type, 'cache-control': 'no-cache' });
    });
  }

  const where = env.DATABASE_URL ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : `PGlite (${dataDir})`;
  const http = serve({ fetch: server.fetch, port: env.PORT }, (info) =>
    console.log(`Roster demo on http://localhost:${info.port} — database: ${where}`),
  );
  const stop = () => {
    http.close(() => void database.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`Roster could not start: ${error.message}`);
  process.exit(1);
});
