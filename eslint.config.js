import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** boardgame.io's reducer and other private parts: only the hard bot's look-ahead may run them (below). */
const BGIO_INTERNAL = { group: ['boardgame.io/internal'], message: "Only the hard bot's look-ahead (src/bots/sim.ts) runs boardgame.io's reducer." };

/** Modules that the engine, the content and the bots may never import (R0: the layers). */
const ENGINE_FORBIDDEN = [
  { group: ['react', 'react-*', 'react/*', 'react-dom', 'react-dom/*'], message: 'The engine is pure: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'The engine is pure: UI state lives in src/ui.' },
  { group: ['boardgame.io/react', 'boardgame.io/client', 'boardgame.io/server', 'boardgame.io/master', 'boardgame.io/multiplayer'], message: 'The engine only needs boardgame.io/core.' },
  BGIO_INTERNAL,
  { group: ['**/sim/**'], message: 'src/sim is headless play for tests and tools (it runs boardgame.io/internal); the engine and the bots stay pure.' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'url', 'util', 'stream'], message: 'The engine runs in the browser: no Node modules.' },
  { group: ['**/ui/**', '**/server/**'], message: 'The engine may not import the UI or the server.' },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'coverage', 'test-results', 'data', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The server reaches boardgame.io's private parts only through its adapter (docs/boardgame-io.md).
    files: ['src/server/**'],
    ignores: ['src/server/bgio.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['boardgame.io/internal', 'boardgame.io/master', 'boardgame.io/server', 'boardgame.io/dist/*'], message: 'Use src/server/bgio.ts, the one adapter to boardgame.io (checked by test/server/bgioContract.test.ts).' },
          ],
        },
      ],
    },
  },
  {
    // The board shows the engine's board model (src/game/board.ts) and asks no rule itself.
    files: ['src/ui/board/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '../../game',
              importNames: ['whyRefused', 'legalPlays', 'legalProposals', 'actionMenu', 'costOf', 'dealCost', 'previewPlay', 'previewDeal', 'termAvailability', 'hawkVerdict', 'actingSide', 'incomeOf', 'scoreFor', 'agendaMet', 'warnings', 'toMove'],
              message: 'Board components display the board model (boardModel in src/game/board.ts); ask the rules there.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/game/**', 'src/content/**', 'src/bots/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_FORBIDDEN }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'navigator'],
    },
  },
  {
    // The hard bot thinks ahead on its own view through boardgame.io's reducer, the same code path as a match.
    files: ['src/bots/sim.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ENGINE_FORBIDDEN.filter((p) => p !== BGIO_INTERNAL) }] },
  },
);
