/**
 * Lobby request bodies: JSON only (by Content-Type, checked before a byte is read), at most
 * MAX_BODY_BYTES (declared or streamed), parsed once, and refused if any key anywhere is one
 * that reaches an object's prototype (`__proto__`, `constructor`, `prototype`). What this
 * returns is the only body any lobby handler ever sees: no second parser reads the request.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 4096;

/** Keys that would reach an object's prototype if a body were ever merged into an object. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/** `application/json`, with an optional charset that must be UTF-8; nothing else. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

async function readLimited(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON, refusing prototype keys at any depth. */
export function parseJson(text: string): BodyResult {
  const badKeys: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (PROTOTYPE_KEYS.has(key)) badKeys.push(key);
      return item;
    });
  } catch {
    return { ok: false, status: 400, error: 'The request body must be JSON.' };
  }
  const [badKey] = badKeys;
  if (badKey !== undefined) return { ok: false, status: 400, error: `The key ${JSON.stringify(badKey)} is not allowed.` };
  return { ok: true, value };
}

/** Reads and parses a lobby request's body, or says why it cannot be accepted. */
export async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const declared = request.headers['content-length'];
  const type = request.headers['content-type'];
  const empty = declared === '0' || (declared === undefined && request.headers['transfer-encoding'] === undefined);
  // A body comes as JSON or not at all: a form or text body is refused unread, even an empty one.
  if ((type !== undefined || !empty) && !isJsonContentType(type)) {
    return { ok: false, status: 415, error: 'A lobby request must be sent as JSON (Content-Type: application/json).' };
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return { ok: false, status: 415, error: 'A lobby request may not be compressed.' };
  }
  if (declared !== undefined && !(/^\d+$/.test(declared) && Number(declared) <= MAX_BODY_BYTES)) {
    return { ok: false, status: 413, error: `A lobby request may be at most ${MAX_BODY_BYTES} bytes.` };
  }
  const raw = await readLimited(request);
  if (raw === null) return { ok: false, status: 413, error: `A lobby request may be at most ${MAX_BODY_BYTES} bytes.` };
  const text = raw.toString('utf8');
  return parseJson(text.trim() === '' ? '{}' : text);
}
