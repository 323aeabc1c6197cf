import { defineConfig } from 'vitest/config';
import { workspaceSources } from './scripts/workspace-sources.mjs';

/**
 * `*.postgres.test.ts` prove what only a real server can show (dropped connections, a killed
 * process, transactions racing through a pool): they run when DATABASE_URL names one, as in CI's
 * second run, and are left out of the PGlite run rather than skipped.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  // `@roster/…` from source, not the packages' dist/ (see scripts/workspace-sources.mjs).
  resolve: { alias: Object.entries(workspaceSources).map(([specifier, file]) => ({ find: new RegExp(`^${specifier}$`), replacement: file })) },
  test: {
    include: ['packages/bff/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts', 'packages/components/xliff/*.test.ts', 'demo/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(onPostgres ? [] : ['**/*.postgres.test.ts'])],
    setupFiles: ['packages/bff/src/testing/cheap-password-hashing.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file owns a database; two at a time suits the 2-core machines CI runs on.
    maxWorkers: 2,
  },
});
