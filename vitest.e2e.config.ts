import { defineConfig } from 'vitest/config';

/** Browser tests: `npm run test:e2e` (needs `npm run build` and Debian's chromium). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
