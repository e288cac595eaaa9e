import { defineConfig } from 'vitest/config';

/** Tests that need services running on this machine (PostgreSQL on 127.0.0.1:5432). */
export default defineConfig({
  test: {
    include: ['test/services/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/prototypes.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
