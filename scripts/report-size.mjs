// After `vite build` and scripts/compress.mjs: the bytes a first visit downloads for the start
// screen (the page, its entry script and the chunks it preloads, its style sheet, and the files
// those name, such as the icon sprite), as the server sends them: brotli where the browser takes
// it (Chromium does), gzip for browsers that take only gzip. The gzip figure must stay within
// the budget. Everything else (the board, the engine, the debrief, the rulebook) loads later.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';

/** The first visit, gzip (the larger of the two compressed figures): about 0.5 s at 1.6 Mbps. */
const BUDGET_KB = 100;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const sizeOf = (path) => statSync(path).size;
/** What the server sends for a file when the browser accepts `suffix` (.br, .gz) or nothing. */
const sent = (file, suffix = '') => (suffix && existsSync(`dist/${file}${suffix}`) ? sizeOf(`dist/${file}${suffix}`) : sizeOf(`dist/${file}`));

const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
// Files the initial scripts and styles fetch by URL (the icon sprite). Chunk names in their
// lazy-import tables are .js and .css: those belong to later screens.
const named = new Set(
  initial.flatMap((file) => [...readFileSync(`dist/${file}`, 'utf8').matchAll(/assets\/[\w.-]+\.(?:svg|png|webp|woff2?|ico|json)\b/g)].map((m) => m[0])),
);
const firstVisit = ['index.html', ...initial, ...[...named].filter((f) => existsSync(`dist/${f}`))];
const total = (suffix) => firstVisit.reduce((sum, file) => sum + sent(file, suffix), 0);
const gzip = total('.gz');

console.log(
  `First visit (start screen): ${firstVisit.length} files, ${kB(total('.br'))} brotli as Chromium downloads them` +
    ` (gzip ${kB(gzip)}, uncompressed ${kB(total())}; budget ${BUDGET_KB} kB gzip)`,
);
console.log(`  ${firstVisit.map((file) => `${file.replace(/^assets\//, '')} ${kB(sent(file, '.br'))}`).join(', ')}`);
const later = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
console.log(`Loaded later (brotli): ${later.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kB(sent(`assets/${f}`, '.br'))}`).join(', ')}`);
if (gzip > BUDGET_KB * 1024) {
  console.error(`The first visit is over budget by ${kB(gzip - BUDGET_KB * 1024)}`);
  process.exit(1);
}
