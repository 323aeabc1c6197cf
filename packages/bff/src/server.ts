import { createApp } from './app.ts';
import { redactUrl } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed.ts';
import { demoHost } from './demo-host.ts';
import { parseEnv } from './env.ts';
import { deliveryFromEnv } from './mail/delivery.ts';
import { connectDatabaseOf, hostOptionsOf, loadSecret, pgliteDirOf, proxyOptionsOf, publicUrlOf, serveUntilStopped } from './server-settings.ts';

async function main() {
  const env = parseEnv(process.env);
  const database = await connectDatabaseOf(env);
  await migrateToLatest(database.db);
  if (await seedDemo(database.db)) console.log('Seeded the demo accounts (Acme Corp, Globex).');

  const publicUrl = publicUrlOf(env);
  const secret = await loadSecret(env, { generate: true });
  const delivery = deliveryFromEnv(env, { db: database.db, secret });
  if (env.ROSTER_OUTBOX_WORKER === 'on') delivery.worker.start();
  const api = createApp({
    db: database.db,
    databaseKind: database.kind,
    secret,
    publicUrl,
    ...proxyOptionsOf(env),
    ...hostOptionsOf(env),
  });
  const server = demoHost(api, delivery.mailbox);

  const where = env.DATABASE_URL ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : `PGlite (${pgliteDirOf(env)})`;
  const emails = env.SMTP_URL ? `SMTP ${new URL(env.SMTP_URL).host}` : 'the demo mailbox on the page';
  serveUntilStopped(server.fetch, {
    port: env.PORT,
    banner: (port) => `Roster demo on http://localhost:${port} — database: ${where} — emails: ${emails}`,
    stopDelivery: () => delivery.stop(),
    closeDatabase: () => database.close(),
  });
}

main().catch((error: Error) => {
  console.error(`Roster could not start: ${error.message}`);
  process.exit(1);
});
