import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { createApp } from '../packages/bff/src/app.ts';
import { connectDatabase, type Database } from '../packages/bff/src/db/connect.ts';
import { httpGetter, runLoad, summarizeLoads, timeLoad, type LoadTimes } from './load.ts';
import type { Row } from './measure.ts';
import { captureRequestSql, replay } from '../packages/bff/src/testing/sql-capture.ts';
import { listGetter } from './users-list.ts';

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The pool size of the server (connectDatabase's default), used for the raw SQL side as well. */
const POOL = 10;
const SECONDS = 5;
/** Each side's SECONDS are taken in this many stretches, in turns with the other's, so both see the same load. */
const TURNS = 2;

/**
 * The first list page under N keep-alive connections for SECONDS each: the BFF in its own process
 * over real HTTP, then the same request's SQL (captured from the app) replayed with the same
 * parallelism over a pool of the same size, in turns (BFF, SQL, BFF, SQL), and BFF / raw SQL as a
 * ratio; the CPU column is what the BFF process (or, for raw SQL, the bench process sending it)
 * spent per request. PostgreSQL only: PGlite lives inside one process.
 */
export async function benchConcurrency(
  database: Database & { url?: string },
  app: ReturnType<typeof createApp>,
  appOptions: Omit<Parameters<typeof createApp>[0], 'db'>,
  accountId: string,
  connectionCounts: number[],
): Promise<Row[]> {
  if (!database.url) return [];
  const { path, headers } = await listGetter(app, accountId);
  const stages = await captureRequestSql(database.db, appOptions, path('sort=name'), headers);
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/list-server.ts'], {
    env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_SECRET: appOptions.secret, BENCH_POOL: String(POOL) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const raw = await connectDatabase({ databaseUrl: database.url, maxConnections: POOL, connectTimeoutMs: 60_000 }); // as list-server.ts
  try {
    const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
    const url = `http://127.0.0.1:${JSON.parse(line).port}${path('sort=name')}`;
    const rows: Row[] = [];
    for (const connections of connectionCounts) {
      const client = httpGetter(url, headers, connections);
      const sendSql = () => replay(raw.db, stages);
      await runLoad(connections, 1, client.send); // warm-up: connections opened, plans cached
      await runLoad(connections, 1, sendSql);
      const stretches: { bff: LoadTimes[]; sql: LoadTimes[] } = { bff: [], sql: [] };
      let bffCpuMs = 0;
      let sqlCpuMs = 0;
      for (let turn = 0; turn < TURNS; turn++) {
        const serverCpuBefore = processCpuMs(server.pid!);
        stretches.bff.push(await timeLoad(connections, SECONDS / TURNS, client.send));
        bffCpuMs += processCpuMs(server.pid!) - serverCpuBefore;
        const ownCpuBefore = process.cpuUsage();
        stretches.sql.push(await timeLoad(connections, SECONDS / TURNS, sendSql));
        const { user, system } = process.cpuUsage(ownCpuBefore);
        sqlCpuMs += (user + system) / 1000;
      }
      client.close();
      const bff = summarizeLoads(stretches.bff);
      const sqlOnly = summarizeLoads(stretches.sql);
      const bffCpu = bffCpuMs / bff.requests;
      rows.push(
        { name: `${connections} connections: BFF over HTTP, first page`, ...bff, runs: undefined, cpuMs: bffCpu },
        {
          name: `${connections} connections: its SQL replayed, pool of ${POOL}`,
          ...sqlOnly,
          runs: undefined,
          cpuMs: sqlCpuMs / sqlOnly.requests,
        },
        { name: `${connections} connections: BFF / raw SQL (requests per s)`, ratio: bff.perSecond / sqlOnly.perSecond },
      );
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
    await raw.close();
  }
}
