import { createApp, type AppOptions } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { PUBLIC_URL, TEST_SECRET } from './fixtures.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = ReturnType<typeof createApp>;
export type TestAppOptions = Partial<Omit<AppOptions, 'db' | 'databaseKind'>>;

/** An app over `database` with the tests' secret and public URL: the one place tests make apps. */
export function appOn(database: Pick<Database, 'db' | 'kind'>, options: TestAppOptions = {}): TestApp {
  return createApp({ db: database.db, databaseKind: database.kind, secret: TEST_SECRET, publicUrl: PUBLIC_URL, ...options });
}

/** A test file's own fresh database (PGlite, or a throwaway one on DATABASE_URL's server) and an app over it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<{ database: TestDatabase; app: TestApp }> {
  const database = await createTestDatabase();
  return { database, app: appOn(database, options) };
}
