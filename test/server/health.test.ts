/**
 * Issue 15: `GET /healthz` and `GET /readyz` on the embedded store (health.ts). Only the exact
 * request targets answer, by GET or HEAD; every other spelling or method falls through to the
 * rest of the server as it did before. Readiness follows the store's folder, is cached and
 * checked by one request at a time, and turns to 503 draining as soon as the server starts to
 * close. The instance lock's key (instanceLock.ts) is a stable signed 64-bit number per schema.
 * PostgreSQL and Redis are in test/services/instances.test.ts.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readiness, storageProbe, type Probe } from '../../src/server/health';
import { instanceLockKey } from '../../src/server/instanceLock';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { createDeRiskServer } from '../../src/server/app';
import { ALLOWED_ORIGIN, captureLogs, rawRequest, startTestServer, tempDir, type RawResponse, type TestServer } from '../helpers/server';
import { freePort } from '../helpers/spawn';

process.env.LOG_LEVEL = 'silent';

const PAGE = '<!doctype html><title>De-Risk</title><p>the start screen</p>';

let top: string;
let server: TestServer;

beforeAll(async () => {
  top = await tempDir('de-risk-health-');
  await mkdir(join(top, 'client'));
  await writeFile(join(top, 'client', 'index.html'), PAGE);
  server = await startTestServer({ server: { clientDir: join(top, 'client') } });
});

afterAll(async () => {
  await server?.close();
  await rm(top, { recursive: true, force: true });
});

const json = (text: string): unknown => JSON.parse(text);

describe('GET /healthz and /readyz', () => {
  it('/healthz is 200 {"ok":true}, not cached, with the security headers', async () => {
    const answer = await rawRequest(server.url, '/healthz');
    expect(answer.status).toBe(200);
    expect(json(answer.text)).toEqual({ ok: true });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/readyz is 200 with the embedded store up and Redis off', async () => {
    const answer = await rawRequest(server.url, '/readyz');
    expect(answer.status).toBe(200);
    expect(json(answer.text)).toEqual({ ok: true, storage: 'up', redis: 'off' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('HEAD answers with the status and no body', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const answer = await rawRequest(server.url, path, { method: 'HEAD' });
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).toBe('');
    }
  });

  it('other spellings are not health answers: they fall through to the page, as any unknown page address does', async () => {
    const control = await rawRequest(server.url, '/no-such-page');
    expect(control.status).toBe(200);
    expect(control.text).toBe(PAGE);
    for (const path of ['/healthz/', '/HEALTHZ', '/Readyz', '/readyz?x', '/readyz?', '/healthz?ok=1', '/%68ealthz', '/%72eadyz', '//healthz', '/./readyz', '/healthz/.', '/healthz%00']) {
      const answer = await rawRequest(server.url, path);
      expect(answer.text, path).not.toMatch(/"ok"|"storage"|"draining"/);
      expect([200, 400], path).toContain(answer.status);
    }
  });

  it('methods other than GET and HEAD are not health answers (404, as before)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      for (const path of ['/healthz', '/readyz']) {
        const answer = await rawRequest(server.url, path, { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(answer.text, `${method} ${path}`).not.toMatch(/"ok"|"storage"|"draining"/);
      }
    }
  });

  it('/readyz is 503 storage down when the store folder is gone, and 200 again once it is back; /healthz stays 200', async () => {
    const own = await startTestServer({ server: { readinessCacheMs: 0 } });
    const logs = captureLogs();
    try {
      const dir = own.dir as string;
      expect((await rawRequest(own.url, '/readyz')).status).toBe(200);
      await rm(dir, { recursive: true, force: true });
      const down = await rawRequest(own.url, '/readyz');
      expect(down.status).toBe(503);
      expect(json(down.text)).toEqual({ ok: false, storage: 'down', redis: 'off' });
      // Which part, never why: no path, no error text.
      expect(down.text).not.toContain(dir);
      expect((await rawRequest(own.url, '/healthz')).status).toBe(200);
      await mkdir(dir, { recursive: true });
      expect(json((await rawRequest(own.url, '/readyz')).text)).toEqual({ ok: true, storage: 'up', redis: 'off' });
      // The log says why, once when it goes down and once when it is back.
      expect(logs.events().filter((e) => String(e.event).startsWith('readiness-'))).toEqual([
        expect.objectContaining({ level: 'warn', event: 'readiness-down', part: 'storage', reason: expect.stringContaining('ENOENT') }),
        expect.objectContaining({ level: 'info', event: 'readiness-up', part: 'storage' }),
      ]);
    } finally {
      logs.restore();
      await own.close();
    }
  });

  it('/readyz is 503 draining from the moment close() begins, while /healthz still answers', async () => {
    const own = await startTestServer({ server: { drainGraceMs: 400 } });
    expect((await rawRequest(own.url, '/readyz')).status).toBe(200);
    const closing = own.app.close();
    const draining = await rawRequest(own.url, '/readyz');
    expect(draining.status).toBe(503);
    expect(json(draining.text)).toEqual({ ok: false, draining: true });
    expect((await rawRequest(own.url, '/healthz')).status).toBe(200);
    // The lobby still serves the players already here during the grace.
    expect((await rawRequest(own.url, '/games/de-risk')).status).toBe(200);
    await closing;
    await own.close();
  });

  it('/readyz is 503 starting while the server listens but still resumes its computer seats, and 200 once it serves', async () => {
    // The first listing (the computer seats to resume) waits until the test lets it go on.
    let letGo: () => void = () => {};
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const db = new MemoryStore();
    const list = db.listMatchData.bind(db);
    db.listMatchData = async (...args) => {
      await gate;
      return list(...args);
    };
    const app = createDeRiskServer({ db, origins: [ALLOWED_ORIGIN] });
    const port = await freePort();
    const listening = app.listen(port);
    try {
      const url = `http://127.0.0.1:${port}`;
      let early: RawResponse | null = null;
      for (let i = 0; i < 200 && !early; i++) early = await rawRequest(url, '/readyz').catch(() => new Promise<null>((r) => setTimeout(() => r(null), 10)));
      if (!early) throw new Error('the server never answered /readyz during start-up');
      expect(early.status).toBe(503);
      expect(json(early.text)).toEqual({ ok: false, starting: true });
      expect((await rawRequest(url, '/healthz')).status).toBe(200);
      letGo();
      await listening;
      const ready = await rawRequest(url, '/readyz');
      expect(ready.status).toBe(200);
      expect(json(ready.text)).toEqual({ ok: true, storage: 'up', redis: 'off' });
    } finally {
      letGo();
      await listening.catch(() => undefined);
      await app.close();
    }
  });
});

describe('Readiness', () => {
  const counting = (behaviour: () => Promise<void>) => {
    const probe = { calls: 0, check: () => (probe.calls++, behaviour()) };
    return probe;
  };

  it('shares one check among concurrent requests and keeps the answer for cacheMs', async () => {
    let now = 0;
    const storage = counting(() => new Promise((r) => setTimeout(r, 20)));
    const readiness = new Readiness({ storage, cacheMs: 1000, now: () => now });
    const answers = await Promise.all(Array.from({ length: 50 }, () => readiness.answer()));
    expect(storage.calls).toBe(1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    now = 999;
    await readiness.answer();
    expect(storage.calls).toBe(1);
    now = 1000;
    await readiness.answer();
    expect(storage.calls).toBe(2);
  });

  it('a check that hangs counts as down after timeoutMs and is not started again on top of itself', async () => {
    const hanging = counting(() => new Promise<void>(() => undefined));
    const readiness = new Readiness({ storage: hanging, cacheMs: 0, timeoutMs: 50 });
    expect(await readiness.answer()).toEqual({ status: 503, body: { ok: false, storage: 'down', redis: 'off' } });
    expect(await readiness.answer()).toEqual({ status: 503, body: { ok: false, storage: 'down', redis: 'off' } });
    expect(hanging.calls).toBe(1);
  });

  it('names the part that is down: Redis down with the storage up is 503', async () => {
    const up: Probe = { check: () => Promise.resolve() };
    const down: Probe = { check: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6399')) };
    expect(await new Readiness({ storage: up, redis: up, cacheMs: 0 }).answer()).toEqual({ status: 200, body: { ok: true, storage: 'up', redis: 'up' } });
    expect(await new Readiness({ storage: up, redis: down, cacheMs: 0 }).answer()).toEqual({ status: 503, body: { ok: false, storage: 'up', redis: 'down' } });
    expect(await new Readiness({ storage: down, redis: up, cacheMs: 0 }).answer()).toEqual({ status: 503, body: { ok: false, storage: 'down', redis: 'up' } });
  });

  it('draining wins over a check in progress and over the cache', async () => {
    let release: () => void = () => undefined;
    const slow: Probe = { check: () => new Promise<void>((r) => (release = r)) };
    const readiness = new Readiness({ storage: slow, cacheMs: 60_000 });
    const pending = readiness.answer();
    readiness.drain();
    release();
    expect(await pending).toEqual({ status: 503, body: { ok: false, draining: true } });
    expect(await readiness.answer()).toEqual({ status: 503, body: { ok: false, draining: true } });
  });

  it('storageProbe: the store ping, else SELECT 1 on its pool, else nothing to ask', async () => {
    const queries: string[] = [];
    await storageProbe({ pool: { query: (text: string) => (queries.push(text), Promise.resolve()) } }).check();
    expect(queries).toEqual(['SELECT 1']);
    let pinged = 0;
    await storageProbe({ ping: () => (pinged++, Promise.resolve()), pool: { query: () => Promise.reject(new Error('not this')) } }).check();
    expect(pinged).toBe(1);
    await expect(storageProbe(new MemoryStore()).check()).resolves.toBeUndefined();
  });
});

describe('instanceLockKey', () => {
  it('is a stable signed 64-bit key per schema', () => {
    const key = instanceLockKey('public');
    expect(instanceLockKey('public')).toBe(key);
    expect(instanceLockKey('de_risk_test_1')).not.toBe(key);
    for (const schema of ['public', 'a', 'de_risk_test_ffffffffffff']) {
      const k = instanceLockKey(schema);
      expect(k >= -(2n ** 63n) && k < 2n ** 63n).toBe(true);
    }
  });
});
