import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DatabaseUnavailableError } from './failures.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { preparedName } from './prepared-statements.ts';
import type { DB } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: a copy of the whole database, to start others from (`loadDataDir`), e.g. in tests. */
  dumpDataDir?: () => Promise<Blob>;
}

export interface ConnectOptions {
  /** PostgreSQL connection string; unset means embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; `memory` keeps nothing. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** PGlite only: start from this copy of a database (`Database.dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** How long to wait for a PostgreSQL connection before answering 503; 5 s by default. */
  connectTimeoutMs?: number;
  /** How long one statement may wait for PostgreSQL's answer; 30 s by default. */
  queryTimeoutMs?: number;
  /** Where a lost connection is reported, at most once a minute. Defaults to console.error. */
  log?: (message: string) => void;
  /**
   * PostgreSQL only: send the hottest statements as named prepared statements (default true).
   * Turn off behind a pooler that cannot keep them, such as PgBouncer before 1.21 in transaction mode.
   */
  preparedStatements?: boolean;
}

const INT8_OID = 20;

/**
 * Opens the one database the whole BFF uses. Both kinds answer int8 as strings (pg's default,
 * which PGlite is told to match) so `count(*)` and friends look the same everywhere.
 */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      keepAlive: true,
    });
    survivesLostConnections(pool, options.log ?? ((message) => console.error(`[roster] ${message}`)));
    forShortStatements(pool);
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: {
          // A connection that cannot be had is an outage, whatever pg calls it: 503, not 500.
          connect: () =>
            pool.connect().then(
              (client) => (options.preparedStatements === false ? client : sendingPreparedByName(client)),
              (error: unknown) => Promise.reject(new DatabaseUnavailableError(error)),
            ),
          end: () => pool.end(),
        },
      }),
    });
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      await db.destroy();
      const reason = error instanceof DatabaseUnavailableError ? (error.cause as Error).message : (error as Error).message;
      throw new Error(`Cannot reach PostgreSQL at ${redactUrl(options.databaseUrl)}: ${reason}`);
    }
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = !options.dataDir || options.dataDir === 'memory' ? undefined : options.dataDir;
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [INT8_OID]: (value: string) => value },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy(), dumpDataDir: () => pglite.dumpDataDir('none') };
}

/**
 * PostgreSQL ends connections on a restart, a failover or an idle timeout. pg reports that as an
 * 'error' event of the pool (idle connections) or of the client (connections lent out between two
 * statements), and an 'error' event nobody listens to ends the process. Listen to both: the broken
 * connection is dropped, the statement using it fails (503), and the pool opens new ones on demand.
 */
function survivesLostConnections(pool: pg.Pool, log: (message: string) => void) {
  let lastReport = 0;
  const report = (error: Error) => {
    if (Date.now() - lastReport < 60_000) return;
    lastReport = Date.now();
    log(`lost a PostgreSQL connection (${error.message}); new ones are opened as requests need them`);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
}

/**
 * One request's statements are small, but at 1,000,000 members the planner's estimates can pass the
 * thresholds of two features built for long analytic queries: two parallel workers (5 ms to
 * launch, for a short search that found no rows) and JIT compilation (16 ms). Both are turned off
 * on each new connection, before any statement is queued behind it: session settings, not startup
 * options, which poolers such as PgBouncer refuse.
 */
function forShortStatements(pool: pg.Pool) {
  pool.on('connect', (client) => {
    // If it fails, the connection is gone, and the statement queued behind it reports that.
    client.query('set max_parallel_workers_per_gather = 0; set jit = off').catch(() => {});
  });
}

/**
 * A pooled client that sends the statements marked for it (prepared-statements.ts) by name. One
 * wrapper per client, kept as long as the client: Kysely keeps its connection object per client it
 * is handed, and a new wrapper at every checkout would make it build a new one each request.
 */
const preparedByName = new WeakMap<pg.PoolClient, pg.PoolClient>();
function sendingPreparedByName(client: pg.PoolClient) {
  let wrapper = preparedByName.get(client);
  if (!wrapper) {
    wrapper = {
      query(text: string, values: unknown[]) {
        const name = preparedName(text);
        return name ? client.query({ name, text, values }) : client.query(text, values);
      },
      release: (error?: Error | boolean) => client.release(error),
    } as unknown as pg.PoolClient;
    preparedByName.set(client, wrapper);
  }
  return wrapper;
}

/** Connection strings may carry passwords; never print them. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
