import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * boardgame.io's private parts (its reducer, Master, server internals, built files): only the server's
 * adapter (src/server/bgio.ts, checked by test/server/bgioContract.test.ts) and headless play (src/sim)
 * may reach them, so one version bump touches two places (docs/boardgame-io.md).
 */
const BGIO_PRIVATE = {
  group: ['boardgame.io/internal', 'boardgame.io/master', 'boardgame.io/server', 'boardgame.io/dist/*', 'boardgame.io/src/*'],
  message: "boardgame.io's private parts are reached through src/server/bgio.ts (the server) or src/sim (headless play) only.",
};

/** Headless play, which runs boardgame.io's reducer: for tests, tools and (see BOTS_FORBIDDEN) the hard bot's look-ahead. */
const SIM = { group: ['**/sim/**'], message: 'src/sim is headless play for tests and tools; the engine and the content stay pure.' };

/** Modules that the engine, the content and the bots may never import (R0: the layers). */
const ENGINE_FORBIDDEN = [
  { group: ['react', 'react-*', 'react/*', 'react-dom', 'react-dom/*'], message: 'The engine is pure: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'The engine is pure: UI state lives in src/ui.' },
  { group: ['boardgame.io/react', 'boardgame.io/client', 'boardgame.io/multiplayer'], message: 'The engine only needs boardgame.io/core.' },
  BGIO_PRIVATE,
  SIM,
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'url', 'util', 'stream'], message: 'The engine runs in the browser: no Node modules.' },
  { group: ['**/ui/**', '**/server/**'], message: 'The engine may not import the UI or the server.' },
];

/**
 * The bots as the engine, except the hard bot's look-ahead (src/sim/lookahead.ts): the bot's own view
 * run through boardgame.io's reducer, the same code path as a match.
 */
const BOTS_FORBIDDEN = ENGINE_FORBIDDEN.map((p) =>
  p === SIM ? { group: ['**/sim/**', '!**/sim/lookahead'], message: 'The bots may use src/sim/lookahead only.' } : p,
);

/** Node's globals: the browser has none of them (see the ui and engine blocks below). */
const NODE_GLOBALS = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'coverage', 'test-results', 'data', '.scratch'] },
  js.configs.recommended,
  // Type-aware: the checker's types drive the lint (no needless condition or cast, every union switch exhaustive, no floating promise).
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A `default:` does not excuse a switch over a union: adding a kind must fail to compile where it is not handled.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript (this file) has no types to check.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests deliberately do what the types say cannot happen (a hostile client's input, a fake store's
    // synchronous `async` method, `expect.any(...)` matchers, `expect(obj.method)`).
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Everywhere else (the UI, the rest of the server, tests, tools) goes through those two doors.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/server/bgio.ts', 'src/sim/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BGIO_PRIVATE] }] },
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
          patterns: [BGIO_PRIVATE],
        },
      ],
    },
  },
  {
    files: ['src/game/**', 'src/content/**', 'src/bots/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_FORBIDDEN }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', ...NODE_GLOBALS],
    },
  },
  {
    files: ['src/bots/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: BOTS_FORBIDDEN }] },
  },
  {
    // The browser has none of Node's globals. tsconfig.ui.json already leaves their types out (with
    // types/no-node standing in for boardgame.io's Koa import); the lint says so in the editor too.
    files: ['src/ui/**'],
    rules: { 'no-restricted-globals': ['error', ...NODE_GLOBALS] },
  },
);
