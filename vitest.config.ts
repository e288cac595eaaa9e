import { defineConfig } from 'vitest/config';
import { messagesPlugin } from './scripts/messages.ts';

export default defineConfig({
  // The message catalogues are compiled as the build compiles them.
  plugins: [messagesPlugin()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/services/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/prototypes.ts'],
    testTimeout: 60_000,
    // Every core: Vitest's default leaves one free, which on a 2-core machine runs the files one at a time.
    maxWorkers: '100%',
  },
});
