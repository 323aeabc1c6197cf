import { redactUrl } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { parseEnv } from './env.ts';
import { deliveryFromEnv } from './mail/delivery.ts';
import { connectDatabaseOf, loadSecret } from './server-settings.ts';

/**
 * `npm run worker`: delivers the outbox on its own, beside the servers (start them with
 * ROSTER_OUTBOX_WORKER=off, or not: every row is sent by exactly one worker either way) and any
 * number of other workers on the same PostgreSQL. Reads the server's settings.
 */
async function main() {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) {
    // Two processes opening one PGlite directory corrupt it (it takes no lock), and on PGlite the
    // server's own worker already sends everything.
    throw new Error('DATABASE_URL is required: a separate worker needs PostgreSQL, not the server\'s PGlite files');
  }
  if (!env.SMTP_URL) {
    throw new Error('SMTP_URL is required: without it emails are only captured for the demo mailbox of the server');
  }
  // Every setting is checked before the database is touched.
  const secret = await loadSecret(env, { generate: false });
  const database = await connectDatabaseOf(env, { maxConnections: 3 });
  await migrateToLatest(database.db);
  const delivery = deliveryFromEnv(env, { db: database.db, secret });
  delivery.worker.start();
  console.log(
    `Roster outbox worker — database: PostgreSQL ${redactUrl(env.DATABASE_URL)} — SMTP ${new URL(env.SMTP_URL).host}`,
  );

  const stop = async () => {
    await delivery.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`The Roster worker could not start: ${error.message}`);
  process.exit(1);
});
