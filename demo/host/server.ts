import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { connectDatabase } from '../../packages/bff/src/db/connect.ts';
import { migrateToLatest } from '../../packages/bff/src/db/migrate.ts';
import { seedDemo } from '../../packages/bff/src/db/seed.ts';
import { createHostExample } from './host-app.ts';

/** `npm run demo:host`: the host example on http://localhost:8788 (or $PORT), on a fresh in-memory database. */
const port = Number(process.env.PORT ?? 8788);
const database = await connectDatabase({ dataDir: 'memory' });
await migrateToLatest(database.db);
await seedDemo(database.db);
const host = await createHostExample({
  db: database.db,
  databaseKind: database.kind,
  secret: randomBytes(32).toString('base64url'),
  baseUrl: `http://localhost:${port}`,
});
serve({ fetch: host.fetch, port }, (info) => console.log(`Host example (Initrode) on http://localhost:${info.port}`));
