import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { PUBLIC_URL, TEST_SECRET } from './fixtures.ts';
import { conformingToOpenApi } from './openapi-conformance.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = ReturnType<typeof createApp>;
export type TestAppOptions = Partial<Omit<AppOptions, 'db' | 'databaseKind'>>;

/**
 * An app over `database` with the tests' secret and public URL: the one place tests make apps. Its
 * `request()` checks every answer against the OpenAPI document (`openapi-conformance.ts`).
 */
export function appOn(database: Pick<Database, 'db' | 'kind'>, options: TestAppOptions = {}): TestApp {
  return conformingToOpenApi(createApp({ db: database.db, databaseKind: database.kind, secret: TEST_SECRET, publicUrl: PUBLIC_URL, ...options }));
}

/** A test file's own fresh database (PGlite, or a throwaway one on DATABASE_URL's server) and an app over it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<{ database: TestDatabase; app: TestApp }> {
  const database = await createTestDatabase();
  return { database, app: appOn(database, options) };
}

/**
 * A test file's own database and app, made before its first test and closed after its last: call
 * it once at the top of the file. The two values it returns stand for the real ones (they forward
 * every use to them), so the file's tests and helpers use them as they are.
 */
export function useTestApp(options: TestAppOptions = {}): { database: TestDatabase; app: TestApp } {
  let made: { database: TestDatabase; app: TestApp } | undefined;
  beforeAll(async () => {
    made = await createTestApp(options);
  });
  afterAll(() => made?.database.close());
  const ready = () => {
    if (!made) throw new Error('useTestApp: the database is made before the first test, not at import');
    return made;
  };
  return { database: forwardingTo(() => ready().database), app: forwardingTo(() => ready().app) };
}

/** An object whose properties are read, at each use, from `target()` (methods stay bound to it). */
function forwardingTo<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const real = target();
      const value = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}
