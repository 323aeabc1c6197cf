import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: the whole story in Chromium against the built demo (see whole-story.e2e.test.ts). */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 200_000,
    maxWorkers: 1,
  },
});
