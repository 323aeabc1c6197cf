import { Hono } from 'hono';
import { createApp } from './app.ts';
import { redactUrl } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Env } from './env.ts';
import { deliveryFromEnv } from './mail/delivery.ts';
import { connectDatabaseOf, hostOptionsOf, pgliteDirOf, proxyOptionsOf, publicUrlOf, serveUntilStopped } from './server-settings.ts';
import { INVITE_PAGE_FILES, pageSecurityHeaders, serveElementBundles, serveFile } from './static-files.ts';

/**
 * Why these settings cannot run in production, or null: no demo secret is generated, and no email
 * is silently kept in a mailbox nobody reads. One line each, for the operator.
 */
export function productionRefusal(env: Env): string | null {
  if (!env.ROSTER_SECRET) return 'ROSTER_SECRET is required in production (at least 32 characters; keep it: it signs every invitation link)';
  if (!env.SMTP_URL && env.ROSTER_EMAIL !== 'off') return 'SMTP_URL is required in production; set ROSTER_EMAIL=off to run without email on purpose';
  // Email off lets a copied invitation link register a new person (no email can prove the address):
  // only true where no process sends Roster's emails, and with this server's worker off, others would.
  if (env.ROSTER_EMAIL === 'off' && env.ROSTER_OUTBOX_WORKER === 'off') {
    return 'ROSTER_EMAIL=off needs this server to settle the emails nobody sends (ROSTER_OUTBOX_WORKER=on); with separate workers, email is on';
  }
  return null;
}

/** The API under `/api`, and, with ROSTER_SERVE_ELEMENTS=on, the element bundles and the invitee page. Nothing of the demo. */
export function productionHost(api: ReturnType<typeof createApp>, options: { serveElements: boolean }) {
  const server = new Hono();
  server.use(pageSecurityHeaders());
  server.route('/api', api);
  if (options.serveElements) {
    for (const [url, file] of Object.entries(INVITE_PAGE_FILES)) server.get(url, serveFile(file));
    serveElementBundles(server);
  }
  return server;
}

/** `npm run serve` (and `roster serve`): production. Never seeds, serves no demo page and no mailbox. */
export async function serveProduction(env: Env) {
  const refusal = productionRefusal(env);
  if (refusal) throw new Error(refusal);
  const database = await connectDatabaseOf(env);
  await migrateToLatest(database.db);

  const secret = env.ROSTER_SECRET!;
  const delivery = deliveryFromEnv(env, { db: database.db, secret, production: true });
  if (env.ROSTER_OUTBOX_WORKER === 'on') delivery.worker.start();
  const api = createApp({
    db: database.db,
    databaseKind: database.kind,
    secret,
    publicUrl: publicUrlOf(env),
    // Without email, the copied link is the only way a new person can come in.
    registrationNeedsEmailedLink: env.ROSTER_EMAIL !== 'off',
    ...proxyOptionsOf(env),
    ...hostOptionsOf(env),
  });
  const server = productionHost(api, { serveElements: env.ROSTER_SERVE_ELEMENTS === 'on' });

  const where = env.DATABASE_URL ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : `PGlite (${pgliteDirOf(env)})`;
  const emails = env.SMTP_URL ? `SMTP ${new URL(env.SMTP_URL).host}` : 'off (ROSTER_EMAIL=off)';
  serveUntilStopped(server.fetch, {
    port: env.PORT,
    banner: (port) => `Roster on http://localhost:${port}/api — database: ${where} — emails: ${emails}`,
    stopDelivery: () => delivery.stop(),
    closeDatabase: () => database.close(),
  });
}
