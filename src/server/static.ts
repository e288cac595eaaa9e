/**
 * Serves the built client from `dist/` on the game server's own port. The build stores a
 * brotli (`.br`) and a gzip (`.gz`) copy beside each text file where that is smaller
 * (scripts/compress.mjs); each request gets the best copy its `Accept-Encoding` allows. Unknown
 * paths that look like pages fall back to index.html; the lobby's and the socket's paths, in any
 * spelling, are left to them (lobby/http.ts, transport.ts).
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Server as ServerTypes } from 'boardgame.io';

type Middleware = Parameters<ServerTypes.App['use']>[0];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Paths that are not files: the lobby API and socket.io. Compared in lower case and decoded,
 * because the lobby answers every spelling of its paths (`/GAMES/...` included).
 */
const API_PREFIXES = ['/games', '/socket.io', '/.well-known'];

/** No file of ours has a longer path; a longer one is refused before touching the disk. */
const MAX_PATH_LENGTH = 1024;

/** The stored copies of a file, in the order preferred when the client accepts them equally. */
const ENCODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;
type Coding = (typeof ENCODINGS)[number]['coding'] | 'identity';
const PREFERENCE: readonly Coding[] = ['br', 'gzip', 'identity'];

/**
 * The quality the client gives each coding (RFC 9110 §12.5.3): tokens are case-insensitive,
 * `x-gzip` means gzip, `*` stands for every coding not named, `q=0` refuses, and identity is
 * acceptable unless refused by name or by `*;q=0` (but, unnamed, comes after any coding the
 * client weighs). No header at all: identity only, as most servers do, so that a bare client
 * (curl without --compressed) never gets bytes it cannot read.
 */
function acceptedQualities(header: string | undefined): Record<Coding, number> {
  if (header === undefined) return { br: 0, gzip: 0, identity: 1 };
  const named = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!token) continue;
    const q = params.find((p) => /^q\s*=/.test(p));
    // A malformed weight counts as a refusal: better identity than a coding the client may not read.
    const weight = q === undefined ? 1 : /^q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q.replace(/^q\s*=\s*/, '')) : 0;
    const coding = token === 'x-gzip' ? 'gzip' : token;
    named.set(coding, Math.max(weight, named.get(coding) ?? 0));
  }
  const any = named.get('*');
  // Identity, unnamed, is acceptable but the least wanted: the smallest weight there is.
  const quality = (coding: Coding) => named.get(coding) ?? any ?? (coding === 'identity' ? 0.001 : 0);
  return { br: quality('br'), gzip: quality('gzip'), identity: quality('identity') };
}

/** The best of the available codings for this header, or null when the client accepts none of them. */
function chooseCoding(header: string | undefined, available: readonly Coding[]): Coding | null {
  const q = acceptedQualities(header);
  let best: Coding | null = null;
  for (const coding of PREFERENCE) {
    if (!available.includes(coding) || q[coding] <= 0) continue;
    if (best === null || q[coding] > q[best]) best = coding;
  }
  return best;
}

async function fileAt(path: string): Promise<Stats | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/**
 * The file a request path names inside `base`, or why there is none: 'bad' for paths no file
 * of ours can have (malformed escapes, NUL, backslashes, overlong), 'outside' for paths that
 * would leave the folder once decoded and normalised.
 */
function resolvePath(base: string, rawPath: string): { path: string } | { refused: 'bad' | 'outside' } {
  if (rawPath.length > MAX_PATH_LENGTH) return { refused: 'bad' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { refused: 'bad' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { refused: 'bad' };
  const path = normalize(join(base, decoded));
  return path.startsWith(base) ? { path } : { refused: 'outside' };
}

function isApiPath(rawPath: string): boolean {
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // malformed: judged as written
  }
  const lower = path.replace(/\/{2,}/g, '/').toLowerCase();
  return API_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** A strong validator for one stored copy: its size and modification time, and its coding. */
const etagOf = (info: Stats, coding: Coding) => `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${coding === 'identity' ? '' : `-${coding}`}"`;

export function serveClient(root: string): Middleware {
  const base = normalize(root + sep);
  const assets = join(base, 'assets') + sep;
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || isApiPath(ctx.path)) {
      await next();
      return;
    }
    const resolved = resolvePath(base, ctx.path);
    if ('refused' in resolved) {
      ctx.status = resolved.refused === 'bad' ? 400 : 403;
      return;
    }
    let path = resolved.path;
    // The compressed copies are how a file is stored, not files of their own.
    if (ENCODINGS.some(({ suffix }) => path.endsWith(suffix))) {
      await next();
      return;
    }
    let info = await fileAt(path);
    // A page address (no extension, not under /assets/) is the app's; its router reads the hash.
    if (!info && extname(path) === '' && !path.startsWith(assets)) {
      path = join(base, 'index.html');
      info = await fileAt(path);
    }
    if (!info) {
      await next();
      return;
    }

    const copies = new Map<Coding, { file: string; info: Stats }>([['identity', { file: path, info }]]);
    for (const { coding, suffix } of ENCODINGS) {
      const copy = await fileAt(path + suffix);
      if (copy) copies.set(coding, { file: path + suffix, info: copy });
    }
    if (copies.size > 1) ctx.set('Vary', 'Accept-Encoding');
    const header = ctx.headers['accept-encoding'];
    const coding = chooseCoding(typeof header === 'string' ? header : undefined, [...copies.keys()]);
    const chosen = coding === null ? undefined : copies.get(coding);
    if (coding === null || !chosen) {
      ctx.status = 406;
      return;
    }
    const etag = etagOf(chosen.info, coding);
    ctx.set('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.set('ETag', etag);
    const ifNoneMatch = ctx.get('If-None-Match');
    if (ifNoneMatch === '*' || ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
      ctx.status = 304;
      return;
    }
    ctx.status = 200;
    ctx.set('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    if (coding !== 'identity') ctx.set('Content-Encoding', coding);
    ctx.set('Content-Length', String(chosen.info.size));
    // HEAD: the same headers and no body (Koa ends a HEAD answer without writing one).
    if (ctx.method === 'GET') ctx.body = createReadStream(chosen.file);
  };
}
