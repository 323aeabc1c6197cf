import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/bff/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file owns a database; two at a time suits the 2-core machines CI runs on.
    maxWorkers: 2,
  },
});
