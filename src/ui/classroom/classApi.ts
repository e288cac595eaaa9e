/**
 * The classroom API (src/server/classes/http.ts) as the page calls it: JSON on the page's own
 * server, keys only in `Authorization: Bearer …`, refusals as the lobby's codes worded in the
 * reader's language. The control room's live feed is server-sent events read over fetch (an
 * EventSource cannot send the key), reconnecting with backoff when the stream drops.
 *
 * The answers' shapes are the server's own (src/game/classWire.ts).
 */
import { LOBBY_ERROR_CODES, type LobbyErrorCode } from '../../game/wire';
import { t } from '../i18n';

export * from '../../game/classWire';
import type { ClassResults, ClassSettings, ClassStatus, CreatedClass, JoinedClass, StudentView } from '../../game/classWire';

export { CLASS_ALPHABET, cleanClassCode, isClassCode } from './classCode';

/** A refused or failed call: the server's code (if it sent one) and the HTTP status (null: no answer at all). */
export class ClassApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(status === null ? 'The server could not be reached' : `The classroom API answered ${status}${code ? ` (${code})` : ''}`);
    this.name = 'ClassApiError';
  }
}

const isLobbyCode = (code: unknown): code is LobbyErrorCode => typeof code === 'string' && (LOBBY_ERROR_CODES as readonly string[]).includes(code);

/** Why a classroom call failed, in the reader's language: the server's code worded as the lobby words it. */
export function classError(error: unknown): string {
  if (error instanceof ClassApiError) {
    if (isLobbyCode(error.code)) return t(`lobby.${error.code}`);
    return t(error.status === null ? 'lobby.unreachable' : 'lobby.serverError');
  }
  return t('lobby.unreachable');
}

/** Whether a refusal means the key no longer opens the class (no such class, or not this key's). */
export const keyRefused = (error: unknown): boolean =>
  error instanceof ClassApiError && (error.code === 'noClass' || error.code === 'notTeacher' || error.code === 'notStudent');

const url = (path: string) => `${window.location.origin}${path}`;
const classPath = (code: string, action?: string) => `/classes/${encodeURIComponent(code)}${action ? `/${action}` : ''}`;
const auth = (key: string | undefined): Record<string, string> => (key ? { Authorization: `Bearer ${key}` } : {});

async function refusalOf(response: Response): Promise<ClassApiError> {
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return new ClassApiError(response.status, typeof body?.code === 'string' ? body.code : null);
}

async function send(method: 'GET' | 'POST', path: string, key?: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url(path), {
      method,
      cache: 'no-store',
      headers: { ...auth(key), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ClassApiError(null, null);
  }
  if (!response.ok) throw await refusalOf(response);
  return response;
}

async function call<T>(method: 'GET' | 'POST', path: string, key?: string, body?: unknown): Promise<T> {
  const response = await send(method, path, key, body);
  return (await response.json()) as T;
}

export const createClass = (settings: ClassSettings, title: string) => call<CreatedClass>('POST', '/classes', undefined, { ...(title ? { title } : {}), ...settings });

export const joinClass = (code: string, name: string) => call<JoinedClass>('POST', classPath(code, 'join'), undefined, { name });

/** Gives up a student's place before they are paired (the teacher's list loses the name). */
export const leaveClass = (code: string, studentKey: string) => call<unknown>('POST', classPath(code, 'leave'), studentKey, {});

/** A student's "where is my seat". */
export const studentView = (code: string, studentKey: string) => call<StudentView>('GET', classPath(code, 'seat'), studentKey);

export const classStatus = (code: string, teacherKey: string) => call<ClassStatus>('GET', classPath(code), teacherKey);

export type ClassAction = 'start' | 'pause' | 'resume' | 'finish';
export const classAction = (code: string, teacherKey: string, action: ClassAction) => call<unknown>('POST', classPath(code, action), teacherKey, {});

/** The one-line message on every board ('' clears it). */
export const sendMessage = (code: string, teacherKey: string, text: string) => call<unknown>('POST', classPath(code, 'message'), teacherKey, { text });

export const renameStudent = (code: string, teacherKey: string, studentID: string, name: string) =>
  call<unknown>('POST', classPath(code, 'rename'), teacherKey, { studentID, name });

export const removeStudent = (code: string, teacherKey: string, studentID: string) => call<unknown>('POST', classPath(code, 'remove'), teacherKey, { studentID });

export const classResults = (code: string, teacherKey: string) => call<ClassResults>('GET', classPath(code, 'results.json'), teacherKey);

/** The results as a file (CSV or JSON), fetched with the key and saved through a Blob link. */
export async function downloadResults(code: string, teacherKey: string, format: 'csv' | 'json'): Promise<void> {
  const response = await send('GET', classPath(code, `results.${format}`), teacherKey);
  const blob = await response.blob();
  const link = document.createElement('a');
  const href = URL.createObjectURL(blob);
  link.href = href;
  link.download = `de-risk-class-${code}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** One server-sent event. */
export interface ServerEvent {
  readonly event: string;
  readonly data: string;
}

/** The complete events in a buffer of an event stream, and the incomplete rest (the stream format of the HTML standard, simplified). */
export function parseEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: ServerEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onStatus: (status: ClassStatus) => void;
  onState: (state: LiveState) => void;
  /** The key no longer opens the class (or the class is gone): the feed stops. */
  onRefused: (error: ClassApiError) => void;
}

/** Backoff before each reconnection (ms): 1, 2, 4, 8, 15, then every 15 s. */
export const RECONNECT_MS = [1000, 2000, 4000, 8000, 15000] as const;

/**
 * The control room's live feed: the class's status now and after every change. Returns the
 * function that stops it. Drops are retried with backoff; a refused key ends it.
 */
export function followClass(code: string, teacherKey: string, handlers: LiveHandlers, retryMs: readonly number[] = RECONNECT_MS): () => void {
  let stopped = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const read = async (response: Response) => {
    const body = response.body;
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done || stopped) return;
      buffer += decoder.decode(value, { stream: true });
      const { events, rest } = parseEvents(buffer);
      buffer = rest;
      for (const event of events) {
        if (event.event !== 'status') continue;
        attempt = 0;
        handlers.onState('live');
        handlers.onStatus(JSON.parse(event.data) as ClassStatus);
      }
    }
  };

  const connect = async () => {
    controller = new AbortController();
    try {
      const response = await fetch(url(classPath(code, 'live')), {
        cache: 'no-store',
        headers: { ...auth(teacherKey), Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok) {
        const refusal = await refusalOf(response);
        if (keyRefused(refusal)) {
          if (!stopped) handlers.onRefused(refusal);
          return;
        }
      } else await read(response);
    } catch {
      // A dropped connection or a damaged event: try again below.
    }
    if (stopped) return;
    handlers.onState('reconnecting');
    const delay = retryMs[Math.min(attempt, retryMs.length - 1)] ?? 15000;
    attempt += 1;
    timer = setTimeout(() => void connect(), delay);
  };

  handlers.onState('connecting');
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
    if (timer) clearTimeout(timer);
  };
}
