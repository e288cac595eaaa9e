// After `vite build`: the JavaScript a first visit downloads (the entry and the chunks it
// preloads), gzipped, against the budget of 150 kB. Lazy chunks (debrief, charts, rulebook)
// are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const kb = (file) => gzipSync(readFileSync(`dist/${file}`)).length / 1024;
const initialJs = initial.filter((f) => f.endsWith('.js'));
const total = initialJs.reduce((sum, f) => sum + kb(f), 0);
const css = initial.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + kb(f), 0);
const lazy = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
console.log(`Initial JavaScript (start screen and board): ${total.toFixed(1)} kB gzip in ${initialJs.length} files (budget ${BUDGET_KB} kB); CSS ${css.toFixed(1)} kB gzip`);
console.log(`Loaded later: ${lazy.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kb(`assets/${f}`).toFixed(1)} kB`).join(', ')}`);
if (total > BUDGET_KB) {
  console.error(`Initial JavaScript is over budget by ${(total - BUDGET_KB).toFixed(1)} kB`);
  process.exit(1);
}
