/**
 * The checks every JSON API of the server (the lobby, the classroom) makes before its routes,
 * in one place so the two can never drift apart: which paths are the API's in any spelling,
 * the Origin (S6), the CORS preflight and the method, and how an answer is written.
 */
import type { z } from 'zod/mini';
import type { Middleware } from './bgio';
import { readJsonBody } from './lobby/body';
import { namesAt, problemsOf } from './lobby/schemas';
import { originAllowed } from './guards';
import { refuse, type Answer } from './lobby/context';
import { log } from './log';

type Context = Parameters<Middleware>[0];

/**
 * Whether a path lies under `prefix` (such as `/games`) in any spelling: any case, percent-encoded,
 * doubled or back slashes. Such a path is answered by the API's guard and never handed on.
 */
export function isPathUnder(path: string, prefix: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken escape is still judged on its raw spelling.
  }
  return [path, decoded].some((p) => p.replace(/[\\/]+/g, '/').toLowerCase().startsWith(prefix));
}

export function answer(ctx: Context, { status, body, headers }: Answer): void {
  ctx.status = status;
  // Set before the body, so that Koa keeps the given Content-Type for a text body.
  if (headers) ctx.set(headers);
  ctx.body = body;
  ctx.set('Cache-Control', 'no-store');
}

/**
 * Refuses a foreign origin (answered; returns false), else allows it for CORS (returns true).
 * A browser always sends Origin on a cross-site POST; Sec-Fetch-Site catches a cross-site request without it.
 */
export function originPasses(ctx: Context, origins: readonly string[], what: string): boolean {
  const origin = ctx.get('Origin') || undefined;
  const crossSite = origin === undefined && ctx.get('Sec-Fetch-Site') === 'cross-site';
  if (crossSite || !originAllowed(origin, origins)) {
    log('warn', 'origin-refused', { origin: origin?.slice(0, 100), path: ctx.path.slice(0, 100) });
    answer(ctx, refuse(403, 'originRefused', `This origin may not use the ${what}.`));
    return false;
  }
  if (origin) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Vary', 'Origin');
  }
  return true;
}

/**
 * The request's JSON body checked against `schema` (body.ts, then zod): the checked value, or
 * undefined once the refusal has been answered (a bad name is `badName`, the rest `badRequest`).
 */
export async function checkedBody<T>(ctx: Context, schema: z.ZodMiniType<T>): Promise<{ value: T } | undefined> {
  const body = await readJsonBody(ctx.req);
  if (!body.ok) {
    answer(ctx, refuse(body.status, 'badRequest', body.error));
    return undefined;
  }
  const checked = schema.safeParse(body.value);
  if (!checked.success) {
    answer(ctx, refuse(400, namesAt(checked.error) ? 'badName' : 'badRequest', problemsOf(checked.error)));
    return undefined;
  }
  return { value: checked.data };
}

/** Answers a preflight, or a request in the wrong method (405); returns whether the request may go on. */
export function methodPasses(ctx: Context, method: 'GET' | 'POST', allowHeaders: string, what: string): boolean {
  if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Methods', method);
    ctx.set('Access-Control-Allow-Headers', allowHeaders);
    ctx.set('Access-Control-Max-Age', '600');
    ctx.status = 204;
    return false;
  }
  if (ctx.method !== method) {
    ctx.set('Allow', method);
    answer(ctx, refuse(405, 'badRequest', `Use ${method} for this ${what}.`));
    return false;
  }
  return true;
}
