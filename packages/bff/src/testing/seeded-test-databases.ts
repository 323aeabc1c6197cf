import type { Kysely } from 'kysely';
import { connectDatabase, type Database } from '../db/connect.ts';
import type { DB } from '../db/types.ts';
import { createTestDatabase } from './test-database.ts';

/**
 * Makes test databases that start with the same content, e.g. one per browser test file; each is
 * the caller's to close. On PGlite the first is migrated and filled once, and each database loads a
 * dump of it: that takes a fraction of migrating and seeding each. On PostgreSQL each is a throwaway
 * database of its own (see `createTestDatabase`), migrated and filled.
 */
export function seededTestDatabases(fill: (db: Kysely<DB>) => Promise<unknown>): () => Promise<Database> {
  let dump: Promise<Blob> | undefined;

  const dumpOfFilled = () =>
    (dump ??= (async () => {
      const template = await createTestDatabase();
      try {
        await fill(template.db);
        return await template.dumpDataDir!();
      } finally {
        await template.close();
      }
    })());

  return async () => {
    if (!process.env.DATABASE_URL) return connectDatabase({ loadDataDir: await dumpOfFilled() });
    const database = await createTestDatabase();
    try {
      await fill(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  };
}
