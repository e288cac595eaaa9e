/**
 * Headers on every answer the server gives (pages, files, the lobby API, errors): a strict
 * Content-Security-Policy (only this server's own scripts, styles, workers and socket; no
 * framing), no MIME sniffing, no referrer sent to other sites.
 */
import type { Server as ServerTypes } from 'boardgame.io';

type Middleware = Parameters<ServerTypes.App['use']>[0];

/**
 * 'self' in connect-src covers the game's own WebSocket (ws: and wss: on the same host, CSP
 * Level 3). React sets inline styles through the CSSOM, which style-src does not govern, so no
 * 'unsafe-inline' is needed. Checked in Chromium: every browser test fails on a violation
 * (test/e2e/harness.ts), and hot seat, the bot worker, online play over WebSocket and polling,
 * the rulebook, the glossary and the debrief's charts run with none.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Sets the security headers before anything else answers. Koa clears every header when a
 * middleware throws (a malformed JSON body, say) and sets only the error's own `headers`, so
 * a thrown error carries them too.
 */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set(SECURITY_HEADERS);
    try {
      await next();
    } catch (error) {
      if (error instanceof Error) {
        const own = (error as Error & { headers?: Record<string, string> }).headers;
        Object.assign(error, { headers: { ...SECURITY_HEADERS, ...own } });
      }
      throw error;
    }
  };
}
