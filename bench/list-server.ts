import { serve } from '@hono/node-server';
import { createApp } from '../packages/bff/src/app.ts';
import { connectDatabase } from '../packages/bff/src/db/connect.ts';

/**
 * The BFF alone on a real port, in its own process so the load generator does not share its event
 * loop: `BENCH_DATABASE_URL`, `BENCH_SECRET`, `BENCH_POOL` (connections). Prints `{ "port": n }`
 * once listening; stops on SIGTERM.
 */
const database = await connectDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL!,
  maxConnections: Number(process.env.BENCH_POOL),
});
const app = createApp({ db: database.db, databaseKind: database.kind, secret: process.env.BENCH_SECRET!, publicUrl: 'http://localhost:8787' });
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(JSON.stringify({ port: info.port })));
process.once('SIGTERM', () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
