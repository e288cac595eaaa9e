/**
 * The built client as the server sends it (issue 9): the build's brotli and gzip copies chosen
 * by Accept-Encoding, caching, HEAD, what is never served (compressed copies by name, source
 * maps that were not built, anything outside the folder, however spelt), the API left to
 * boardgame.io, and the security headers on every answer. The client folder is a small fixture
 * compressed by the build's own script, so no build is needed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeaders } from '../../src/server/headers';
import { ROOT, startTestServer, tempDir, type TestServer } from '../helpers/server';

const PAGE = `<!doctype html><title>De-Risk</title>${'<p>the start screen</p>'.repeat(40)}`;
const SCRIPT = `export const words = ${JSON.stringify('tariffs and purchase orders '.repeat(60))};\n`;
const SECRET = 'this file is outside the client folder';
const FILES: Record<string, string | Buffer> = {
  'index.html': PAGE,
  'assets/app-1a2b3c4d.js': SCRIPT,
  // Random bytes do not compress: the build keeps no copy of them.
  'assets/noise-1a2b3c4d.js': randomBytes(2048),
  // Too small to gain: a compressed copy would be larger.
  'assets/tiny-1a2b3c4d.css': 'a{}',
  'assets/logo-1a2b3c4d.png': randomBytes(512),
};

let top: string;
let server: TestServer;

beforeAll(async () => {
  top = await tempDir('de-risk-static-');
  const client = join(top, 'client');
  await mkdir(join(client, 'assets'), { recursive: true });
  for (const [name, data] of Object.entries(FILES)) await writeFile(join(client, name), data);
  await writeFile(join(top, 'secret.txt'), SECRET);
  await writeFile(join(top, 'secret'), SECRET);
  const compress = spawnSync(process.execPath, ['scripts/compress.mjs', client], { cwd: ROOT, encoding: 'utf8' });
  if (compress.status !== 0) throw new Error(compress.stderr);
  server = await startTestServer({ server: { clientDir: client } });
});

afterAll(async () => {
  await server?.close();
  await rm(top, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request exactly as written: node:http neither normalises the path nor decompresses the body. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const DECODE: Record<string, (b: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };
const decoded = (a: Answer) => {
  const coding = a.headers['content-encoding'];
  return (typeof coding === 'string' ? (DECODE[coding] ?? ((b: Buffer) => b)) : (b: Buffer) => b)(a.body).toString('utf8');
};

describe('the build keeps a compressed copy only where it is smaller', () => {
  it('writes brotli and gzip copies of text that compresses, none of noise or of tiny files, none of images', () => {
    const at = (name: string) => existsSync(join(top, 'client', name));
    expect([at('index.html.br'), at('index.html.gz'), at('assets/app-1a2b3c4d.js.br'), at('assets/app-1a2b3c4d.js.gz')]).toEqual([true, true, true, true]);
    for (const name of ['assets/noise-1a2b3c4d.js', 'assets/tiny-1a2b3c4d.css', 'assets/logo-1a2b3c4d.png']) {
      expect([at(`${name}.br`), at(`${name}.gz`)], name).toEqual([false, false]);
    }
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', undefined],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    [' BR ; Q=0.8 ,GZip ; q=0.9 ', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity;q=0, gzip', 'gzip'],
    ['gzip;q=high', undefined],
    ['', undefined],
  ])('"%s" gets %s', async (header, coding) => {
    const answer = await raw('/assets/app-1a2b3c4d.js', { 'Accept-Encoding': header });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(coding);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(decoded(answer)).toBe(SCRIPT);
  });

  it('sends the file as it is to a client that names no encoding, and varies only files that have copies', async () => {
    const bare = await raw('/assets/app-1a2b3c4d.js');
    expect(bare.headers['content-encoding']).toBeUndefined();
    expect(bare.body.toString('utf8')).toBe(SCRIPT);
    const image = await raw('/assets/logo-1a2b3c4d.png', { 'Accept-Encoding': 'br, gzip' });
    expect([image.status, image.headers['content-encoding'], image.headers.vary, image.headers['content-type']]).toEqual([200, undefined, undefined, 'image/png']);
    expect(image.body.equals(FILES['assets/logo-1a2b3c4d.png'] as Buffer)).toBe(true);
  });

  it('answers 406 when the client refuses every form the file has', async () => {
    for (const header of ['identity;q=0', '*;q=0']) {
      expect((await raw('/assets/app-1a2b3c4d.js', { 'Accept-Encoding': `${header}, deflate` })).status, header).toBe(406);
      expect((await raw('/assets/logo-1a2b3c4d.png', { 'Accept-Encoding': `${header}, br` })).status, header).toBe(406);
    }
    // Refusing the plain file is fine when a compressed copy is accepted.
    expect((await raw('/assets/app-1a2b3c4d.js', { 'Accept-Encoding': '*;q=0, br' })).headers['content-encoding']).toBe('br');
  });
});

describe('caching', () => {
  it('keeps hashed assets for a year and has the page revalidated, fallback pages included', async () => {
    expect((await raw('/assets/app-1a2b3c4d.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/assets/logo-1a2b3c4d.png')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/m/ABCDEFG']) {
      const page = await raw(path, { 'Accept-Encoding': 'gzip' });
      expect([page.status, page.headers['cache-control'], page.headers['content-type']], path).toEqual([200, 'no-cache', 'text/html; charset=utf-8']);
      expect(decoded(page), path).toBe(PAGE);
    }
  });

  it('answers a revalidation with 304 when the copy the client holds is current, per encoding', async () => {
    const first = await raw('/', { 'Accept-Encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await raw('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect([again.status, again.body.length, again.headers.etag, again.headers.vary]).toEqual([304, 0, etag, 'Accept-Encoding']);
    // A gzip client holding the brotli copy's tag gets the whole gzip copy.
    const other = await raw('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect([other.status, other.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(other.headers.etag).not.toBe(etag);
  });
});

describe('HEAD', () => {
  it.each(['br', 'identity'])('gives the headers GET gives (%s), with no body', async (coding) => {
    const headers = { 'Accept-Encoding': coding };
    const [get, head] = [await raw('/assets/app-1a2b3c4d.js', headers), await raw('/assets/app-1a2b3c4d.js', headers, 'HEAD')];
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'cache-control', 'etag', 'vary', 'content-security-policy']) {
      expect(head.headers[name], name).toEqual(get.headers[name]);
    }
    expect(Number(head.headers['content-length'])).toBe(get.body.length);
  });
});

describe('what is never served', () => {
  it('does not serve the compressed copies by their own names', async () => {
    for (const path of ['/assets/app-1a2b3c4d.js.br', '/assets/app-1a2b3c4d.js.gz', '/index.html.br', '/index.html.gz']) {
      expect((await raw(path, { 'Accept-Encoding': 'br, gzip' })).status, path).toBe(404);
    }
  });

  it('has no source maps when none were built, and a missing asset is a 404, not the page', async () => {
    for (const path of ['/assets/app-1a2b3c4d.js.map', '/assets/missing-1a2b3c4d.js', '/assets/missing']) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString('utf8'), path).not.toContain('the start screen');
    }
  });

  it.each([
    ...[
      '/../secret.txt',
      '/../secret',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//..//secret.txt',
      '/.%2e/secret',
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/%00',
      '/index.html%00.png',
      '/%',
    ].map((path) => [path, path]),
    ['1,200 characters of folders', `/${'a/'.repeat(600)}secret`],
    ['a 4,000-character name', `/${'x'.repeat(4000)}`],
  ])('refuses %s', async (_name, path) => {
    const answer = await raw(path);
    expect([400, 403, 404]).toContain(answer.status);
    expect(answer.body.toString('utf8')).not.toContain(SECRET);
  });
});

describe('the API is left to boardgame.io, in any spelling', () => {
  it.each(['/games', '/GAMES', '/Games/de-risk', '/%67ames', '//games'])('%s is not answered with the page', async (path) => {
    const answer = await raw(path, { 'Accept-Encoding': 'br, gzip' });
    expect(answer.headers['content-type'] ?? '').not.toContain('text/html');
    expect(answer.body.toString('utf8')).not.toContain('the start screen');
  });

});

describe('security headers', () => {
  it('the policy is strict: only this server, no inline code or eval, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|https?:/);
  });

  it.each([
    ['the page', () => raw('/')],
    ['a file', () => raw('/assets/app-1a2b3c4d.js', { 'Accept-Encoding': 'br' })],
    ['a HEAD', () => raw('/assets/app-1a2b3c4d.js', {}, 'HEAD')],
    ['a 304', () => raw('/', { 'If-None-Match': '*' })],
    ['an API answer', () => raw('/games')],
    ['a 404', () => raw('/assets/missing-1a2b3c4d.js')],
    ['a 400', () => raw('/%00')],
    ['a 403', () => raw('/../secret.txt')],
    ['a 406', () => raw('/', { 'Accept-Encoding': 'identity;q=0' })],
    ['a refused API request (malformed JSON)', () => postJson('/games/de-risk/create', '{"numPlayers": 2,')],
  ])('are on %s', async (_name, answer) => {
    const { headers } = await answer();
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('survive a middleware that throws: Koa clears the headers and sets only the error’s own', async () => {
    const set = new Map<string, string>();
    const ctx = { set: (headers: Record<string, string>) => Object.entries(headers).forEach(([k, v]) => set.set(k, v)) };
    const failure = Object.assign(new Error('bad body'), { status: 400, headers: { 'Retry-After': '1' } });
    const middleware = securityHeaders() as unknown as (c: typeof ctx, next: () => Promise<void>) => Promise<void>;
    await expect(middleware(ctx, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(failure.headers).toEqual({ ...SECURITY_HEADERS, 'Retry-After': '1' });
    expect(set.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

/** A POST with a JSON body as written (malformed on purpose). */
function postJson(path: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
