// Bundles the game server for `npm start`: CommonJS, dependencies left to node_modules. Two
// entry points: the server, and the bots' decision thread (a worker_threads file that the
// server starts from beside itself, see src/server/bots/pool.ts).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS has no import.meta: give import.meta.url the bundle's own file URL, so that the
  // server finds the worker beside it.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist-server/server.cjs' });
await build({ ...common, entryPoints: ['src/server/bots/worker.ts'], outfile: 'dist-server/bot-worker.cjs' });
console.log('built dist-server/server.cjs and dist-server/bot-worker.cjs');
