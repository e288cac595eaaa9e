/**
 * Serves the built client from `dist/` on the game server's own port. Unknown paths that
 * look like pages fall back to index.html; API paths fall through to boardgame.io.
 */
import { createReadStream } from 'node:fs';
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

/** Paths owned by boardgame.io: the lobby API and socket.io. */
const API_PREFIXES = ['/games', '/socket.io', '/.well-known'];

async function fileAt(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

export function serveClient(root: string): Middleware {
  const base = normalize(root + sep);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || API_PREFIXES.some((p) => ctx.path.startsWith(p))) {
      return next();
    }
    let path: string;
    try {
      path = normalize(join(base, decodeURIComponent(ctx.path)));
    } catch {
      ctx.status = 400;
      return;
    }
    if (!path.startsWith(base)) {
      ctx.status = 403;
      return;
    }
    let info = await fileAt(path);
    if (!info && extname(path) === '') {
      path = join(base, 'index.html');
      info = await fileAt(path);
    }
    if (!info) return next();
    ctx.set('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    ctx.set('Content-Length', String(info.size));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(path);
  };
}
