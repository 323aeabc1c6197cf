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
  // 200 connections queue on a pool of 10: on a loaded machine the wait can pass the 5 s after which
  // the app answers 503, and the bench measures throughput, not that guard.
  connectTimeoutMs: 60_000,
});
const app = createApp({ db: database.db, databaseKind: database.kind, secret: process.env.BENCH_SECRET!, publicUrl: 'http://localhost:8787' });
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(JSON.stringify({ port: info.port })));
// The load's keep-alive connections wait idle while the raw SQL takes its turn: Node's 5 s default
// would close them under the client's feet (ECONNRESET) on a loaded machine.
(server as import('node:http').Server).keepAliveTimeout = 120_000;
process.once('SIGTERM', () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
