/**
 * The classroom API (issue 12; documented in the README). Every request whose path begins with
 * `/classes`, in any spelling, is answered here and never handed on; only exact, canonical
 * paths reach a handler. The same guards as the lobby, in the same order: the Origin, the
 * route, the rate limits (per address, and a tighter one on requests that name an unknown
 * class or give a wrong key, against guessing), the body (JSON only, 4 KB, no prototype keys),
 * its shape (strict zod objects), then the handler.
 *
 * Keys travel only in `Authorization: Bearer …` (never in a URL, which servers and proxies log).
 * A teacher's key opens the teacher routes of its own class; a student's key only "where is my
 * seat", which answers with that student's own seat and nothing of anyone else's.
 *
 *   POST /classes                          create        → { code, teacherKey, expiresAt }
 *   POST /classes/:code/join               a student     → { studentID, studentKey, name }
 *   POST /classes/:code/leave              student key   {} → gives up an unpaired place
 *   GET  /classes/:code/seat               student key   → the class's state and the student's seat once paired
 *   GET  /classes/:code                    teacher key   → the control room's status
 *   GET  /classes/:code/live               teacher key   → the same status as server-sent events, on every change
 *   POST /classes/:code/start|pause|resume|finish        teacher key, body {}
 *   POST /classes/:code/message            teacher key   { text }
 *   POST /classes/:code/rename             teacher key   { studentID, name }
 *   POST /classes/:code/remove             teacher key   { studentID }
 *   GET  /classes/:code/results.json       teacher key   → the class debrief's figures and one row per student
 *   GET  /classes/:code/results.csv        teacher key   → one row per student, for a spreadsheet
 */
import { PassThrough } from 'node:stream';
import { z } from 'zod/mini';
import { clientAddress } from '../address';
import { answer, checkedBody, isPathUnder, methodPasses, originPasses } from '../apiGate';
import type { Middleware } from '../bgio';
import { localLimiter, type Limiter } from '../cluster';
import type { Rate } from '../limits';
import { log } from '../log';
import { seatOf } from '../seats';
import { ok, refuse, type Answer } from '../lobby/context';
import { displayName } from '../lobby/schemas';
import { isClassCode, settingsShape, type ClassRecord } from './record';
import type { ClassService } from './service';
import { classResults, resultsCsv, type ClassResults } from './results';
import { classStatus, type ClassStatus, type StoredMatch } from './status';

export interface ClassLimits {
  /** Any class request from one address (null: none). */
  perAddress: Rate | null;
  /** New classes from one address. */
  create: Rate | null;
  /** Requests that name an unknown class or give a wrong key, from one address: guessing. */
  misses: Rate | null;
}

export const DEFAULT_CLASS_LIMITS: ClassLimits = {
  // A class of 40 joining at once from behind one school router, each page then asking for its seat.
  perAddress: { perSecond: 40, burst: 400 },
  create: { perSecond: 1 / 10, burst: 10 },
  misses: { perSecond: 1 / 5, burst: 30 },
};

const title = z.string().check(z.maxLength(80, 'A class title has at most 80 characters.'), z.regex(/^[^\p{Cc}]*$/u, 'A class title may not hold control characters.'));
export const createClassBody = z.strictObject({ title: z.optional(title), ...settingsShape.shape });
const studentID = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,16}$/, 'Not a student of this class.'));
const joinClassBody = z.strictObject({ name: displayName });
const emptyBody = z.strictObject({});
const messageBody = z.strictObject({
  text: z.string().check(z.maxLength(200, 'A message has at most 200 characters.'), z.regex(/^[^\p{Cc}]*$/u, 'A message is one line without control characters.')),
});
const renameBody = z.strictObject({ studentID, name: displayName });
const removeBody = z.strictObject({ studentID });

type Who = 'anyone' | 'teacher' | 'student';
interface PostRoute<T> {
  who: Who;
  schema: z.ZodMiniType<T>;
  run(service: ClassService, code: string, body: T, key: string | undefined): Promise<Answer>;
}
const post = <T>(who: Who, schema: z.ZodMiniType<T>, run: PostRoute<T>['run']): PostRoute<T> => ({ who, schema, run });

const ACTIONS: Record<string, PostRoute<unknown>> = {
  join: post('anyone', joinClassBody, (s, code, b) => s.join(code, b.name)),
  leave: post('student', emptyBody, (s, code, _b, key) => s.leave(code, key)),
  start: post('teacher', emptyBody, (s, code) => s.start(code)),
  pause: post('teacher', emptyBody, (s, code) => s.setPaused(code, true)),
  resume: post('teacher', emptyBody, (s, code) => s.setPaused(code, false)),
  finish: post('teacher', emptyBody, (s, code) => s.finish(code)),
  message: post('teacher', messageBody, (s, code, b) => s.message(code, b.text)),
  rename: post('teacher', renameBody, (s, code, b) => s.rename(code, b.studentID, b.name)),
  remove: post('teacher', removeBody, (s, code, b) => s.remove(code, b.studentID)),
};

type Route =
  | { method: 'POST'; code: null; route: PostRoute<z.infer<typeof createClassBody>> }
  | { method: 'POST'; code: string; route: PostRoute<unknown> }
  | { method: 'GET'; code: string; view: 'status' | 'live' | 'seat' | 'results.json' | 'results.csv' };

/** Whether a path is the classroom API's, in any spelling: such a path is answered here, never passed on. */
export function isClassPath(path: string): boolean {
  return isPathUnder(path, '/classes/') || isPathUnder(`${path}/`, '/classes/');
}

const CREATE: PostRoute<z.infer<typeof createClassBody>> = post('anyone', createClassBody, (s, _code, b) => {
  const { title: t = '', ...settings } = b;
  return s.create(settings, t.trim());
});

function routeOf(path: string): Route | null {
  const parts = path.split('/');
  if (parts[0] !== '' || parts[1] !== 'classes') return null;
  if (parts.length === 2) return { method: 'POST', code: null, route: CREATE };
  const code = parts[2] ?? '';
  if (!isClassCode(code)) return null;
  if (parts.length === 3) return { method: 'GET', code, view: 'status' };
  if (parts.length !== 4) return null;
  const action = parts[3] ?? '';
  if (action === 'seat' || action === 'live' || action === 'results.json' || action === 'results.csv') return { method: 'GET', code, view: action };
  const route = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : undefined;
  return route ? { method: 'POST', code, route } : null;
}

/** Live feeds one class may have open at once. */
export const MAX_FEEDS = 8;

const isRecord = (read: ClassRecord | Answer): read is ClassRecord => 'teacherDigest' in read;

/** The key in `Authorization: Bearer <key>`, or undefined. */
export function bearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header.trim()) : null;
  return match?.[1];
}

export interface ClassApiOptions {
  service: ClassService;
  origins: readonly string[];
  trustProxy: number;
  limits: ClassLimits;
  /** The control room's status of a class, read from the store (the service's `statusOf`). */
  status: (record: ClassRecord) => Promise<ClassStatus>;
  /** The class's results, read from the store. */
  results: (record: ClassRecord) => Promise<ClassResults>;
  /** How often the live feed may send (ms; changes in between are sent together). */
  liveEveryMs?: number;
  /** Where the limits are kept: this instance's memory (the default), or Redis for several (cluster.ts). */
  limiter?: (name: string, rate: Rate) => Limiter;
}

/** Reads every match of a class from the store and builds its results. */
export function resultsReader(read: (matchIDs: readonly string[]) => Promise<Map<string, StoredMatch>>) {
  return async (record: ClassRecord): Promise<ClassResults> => {
    const stored = [...(await read(record.matches.map((m) => m.matchID)))];
    const names = new Map(
      stored.map(([matchID, { metadata }]) => {
        const nameOf = (seat: '0' | '1') => {
          const player = metadata ? seatOf(metadata, seat) : undefined;
          return typeof player?.name === 'string' ? player.name : '';
        };
        return [matchID, { us: nameOf('0'), cn: nameOf('1') }] as const;
      }),
    );
    return classResults(record, new Map(stored.map(([matchID, { state }]) => [matchID, state])), names);
  };
}

/** Reads every match of a class from the store and builds its status. */
export function statusReader(read: (matchIDs: readonly string[]) => Promise<Map<string, StoredMatch>>, now: () => number) {
  return async (record: ClassRecord): Promise<ClassStatus> => {
    const stored = await read(record.matches.map((m) => m.matchID));
    return classStatus(record, stored, now());
  };
}

export function classApi({ service, origins, trustProxy, limits, status, results, liveEveryMs = 500, limiter = localLimiter }: ClassApiOptions): Middleware {
  const bucket = (name: string, rate: Rate | null) => (rate ? limiter(`class-${name}`, rate) : null);
  const buckets = { perAddress: bucket('address', limits.perAddress), create: bucket('create', limits.create), misses: bucket('misses', limits.misses) };
  return async (ctx, next) => {
    if (!isClassPath(ctx.path)) {
      await next();
      return;
    }
    if (!originPasses(ctx, origins, 'classroom API')) return;
    const route = routeOf(ctx.path);
    if (!route) {
      answer(ctx, refuse(404, 'badRequest', 'No such classroom action.'));
      return;
    }
    if (!methodPasses(ctx, route.method, 'Content-Type, Authorization', 'classroom action')) return;
    const address = clientAddress(ctx.req.socket.remoteAddress, ctx.req.headers['x-forwarded-for'], trustProxy);
    const limited = async (limit: Limiter | null, event: string) => {
      if (!limit || (await limit.take(address))) return false;
      log('warn', event, { address });
      ctx.set('Retry-After', '5');
      answer(ctx, refuse(429, 'tooMany', 'Too many requests from here; wait a moment and try again.'));
      return true;
    };
    if (await limited(buckets.perAddress, 'class-flood')) return;
    /** Answers, counting a refusal that could be a guess (unknown class, wrong key) against the address. */
    const finish = async (result: Answer) => {
      const code = (result.body as { code?: unknown } | null)?.code;
      if (code === 'noClass' || code === 'notTeacher' || code === 'notStudent') {
        if (await limited(buckets.misses, 'class-guess')) return;
      }
      answer(ctx, result);
    };
    const key = bearer(ctx.get('Authorization') || undefined);

    if (route.method === 'GET') {
      if (route.view === 'seat') {
        await finish(await service.seat(route.code, key));
        return;
      }
      const record = await service.asTeacher(route.code, key);
      if (!isRecord(record)) await finish(record);
      else if (route.view === 'live') {
        // A teacher has a screen or two open, not hundreds: each feed holds a connection and reads every match.
        if (service.followers(record.code) >= MAX_FEEDS) answer(ctx, refuse(429, 'tooMany', `At most ${MAX_FEEDS} control rooms may follow one class at once.`));
        else live(ctx, service, record.code, () => service.asTeacher(record.code, key), status, liveEveryMs);
      }
      else if (route.view === 'results.json') await finish(ok(await results(record)));
      else if (route.view === 'results.csv') {
        ctx.status = 200;
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="de-risk-class-${record.code}.csv"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = resultsCsv(await results(record));
      } else await finish(ok(await status(record)));
      return;
    }

    if (route.code === null && (await limited(buckets.create, 'class-create-flood'))) return;
    const checked = await checkedBody(ctx, route.route.schema);
    if (!checked) return;
    if (route.code === null) {
      await finish(await CREATE.run(service, '', checked.value as z.infer<typeof createClassBody>, undefined));
      return;
    }
    if (route.route.who === 'teacher') {
      const record = await service.asTeacher(route.code, key);
      if (!isRecord(record)) {
        await finish(record);
        return;
      }
    }
    await finish(await route.route.run(service, route.code, checked.value, key));
  };
}

/**
 * Server-sent events: the class's status now, then again after every change (a class change or a
 * move in one of its matches), at most once per `everyMs`, and a comment every 15 s to keep
 * proxies from closing the stream. The stream ends if the teacher's key stops opening the class.
 */
function live(
  ctx: Parameters<Middleware>[0],
  service: ClassService,
  code: string,
  recheck: () => Promise<ClassRecord | Answer>,
  status: (record: ClassRecord) => Promise<ClassStatus>,
  everyMs: number,
): void {
  const stream = new PassThrough();
  ctx.status = 200;
  ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Accel-Buffering', 'no');
  ctx.body = stream;
  let timer: NodeJS.Timeout | null = null;
  let sending = false;
  let again = false;
  let closed = false;
  const send = async () => {
    if (closed) return;
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      const record = await recheck();
      if (!isRecord(record)) {
        stream.end();
        return;
      }
      stream.write(`event: status\ndata: ${JSON.stringify(await status(record))}\n\n`);
    } catch (error) {
      log('error', 'class-live-failed', { code, message: (error as Error).message });
    } finally {
      sending = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };
  let lastSent = 0;
  // The first change after a quiet spell goes at once; changes that follow within `everyMs` go together.
  const schedule = () => {
    timer ??= setTimeout(
      () => {
        timer = null;
        lastSent = Date.now();
        void send();
      },
      Math.max(0, everyMs - (Date.now() - lastSent)),
    );
  };
  const unsubscribe = service.subscribe(code, schedule);
  const keepAlive = setInterval(() => stream.write(': still here\n\n'), 15_000);
  const close = () => {
    closed = true;
    unsubscribe();
    clearInterval(keepAlive);
    if (timer) clearTimeout(timer);
  };
  ctx.req.on('close', close);
  stream.on('close', close);
  void send();
}
