import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/services/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/prototypes.ts'],
    testTimeout: 60_000,
  },
});
