// After `vite build`: stores a brotli (.br) and a gzip (.gz) copy beside each text file of the
// client, compressed once at the highest settings (the server then sends them many times at no
// cost), and keeps a copy only when it is smaller than the file itself. src/server/static.ts
// picks the copy that the browser's Accept-Encoding allows. Usage: node scripts/compress.mjs [dir]
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Text formats gain from compression; images and fonts are compressed already. Source maps
// (SOURCEMAP=1 builds only) are left alone: big, slow to brotli, and only developers fetch them.
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|md|txt|webmanifest)$/;

const CODINGS = [
  {
    suffix: '.br',
    compress: (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  { suffix: '.gz', compress: (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }) },
];

/** Every file below `dir`, as paths relative to it. */
function filesIn(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

const dir = process.argv[2] ?? 'dist';
let written = 0;
let skipped = 0;
for (const file of filesIn(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const data = readFileSync(join(dir, file));
  for (const { suffix, compress } of CODINGS) {
    const target = join(dir, file + suffix);
    const packed = compress(data);
    if (packed.length < data.length) {
      writeFileSync(target, packed);
      written += 1;
    } else {
      // A copy from an earlier build would no longer match the file.
      rmSync(target, { force: true });
      skipped += 1;
    }
  }
}
console.log(`compressed ${dir}: ${written} brotli and gzip copies written, ${skipped} not (no smaller than the file)`);
