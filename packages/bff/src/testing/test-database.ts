import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type ConnectOptions, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface TestDatabase extends Database {
  /** The connection string of the throwaway PostgreSQL database; undefined on PGlite. */
  url?: string;
}

/**
 * A fresh, migrated database owned by one test file: in-memory PGlite by default, or, when
 * DATABASE_URL is set, a new database on that PostgreSQL server, dropped again on close.
 * `queryTimeoutMs` is for bulk jobs, such as the bench seeding 100,000 members in one statement.
 */
export async function createTestDatabase(options: Pick<ConnectOptions, 'queryTimeoutMs'> = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await connectDatabase({ dataDir: 'memory', ...options });
    await migrateToLatest(database.db);
    return database;
  }
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: url.toString(), maxConnections: 20, ...options });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropWhenDisconnected(serverUrl, name);
    },
  };
}

/** Runs `statement` on the server's own connection (creating and dropping databases). */
export async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * pg's `pool.end()` resolves before its connections have finished saying goodbye; a forced drop in
 * that moment kills them mid-goodbye and each reports it as an unhandled error of the test run. So
 * wait (briefly, bounded) until the server sees none of them, and only then force what is left.
 */
async function dropWhenDisconnected(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
