// `npm run bench`: bundles a benchmark the way the server is bundled (esbuild, CommonJS,
// dependencies from node_modules) and runs it in production mode, so the figures are the
// ones the server will see. Usage: node scripts/bench.mjs [bench/engine.bench.ts ...]; with no
// argument it runs the engine and the bot-decision benchmarks.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { build } from 'esbuild';

const entries = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['bench/engine.bench.ts', 'bench/bots.bench.ts'];
const outdir = 'node_modules/.cache/de-risk-bench';
mkdirSync(outdir, { recursive: true });

for (const entry of entries) {
  const outfile = `${outdir}/${basename(entry, '.ts')}.cjs`;
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
