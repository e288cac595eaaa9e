/**
 * S8: the socket stack is socket.io 4.8.x everywhere (not the 3.1.2 that koa-socket-2 would
 * bring, docs/boardgame-io-traps.md, trap 2), and no installed copy of it or its parts is in a published advisory range.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server';

interface Node {
  version?: string;
  dependencies?: Record<string, Node>;
}

/** Every (name, version, path) in an `npm ls --json` tree. */
function flatten(tree: Node, path: string[] = []): { name: string; version: string; path: string }[] {
  return Object.entries(tree.dependencies ?? {}).flatMap(([name, node]) => [
    ...(node.version ? [{ name, version: node.version, path: [...path, name].join(' > ') }] : []),
    ...flatten(node, [...path, name]),
  ]);
}

function compare(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first version of each package's major line outside the published advisory ranges; older majors are refused outright. */
const FLOOR: Record<string, { floor: string; major?: number }> = {
  ws: { floor: '8.17.1', major: 8 },
  'engine.io': { floor: '6.5.5', major: 6 },
  'socket.io-parser': { floor: '4.2.3', major: 4 },
  'socket.io': { floor: '4.6.2', major: 4 },
};

describe('S8 dependencies', () => {
  const output = (() => {
    try {
      return execFileSync('npm', ['ls', 'socket.io', 'engine.io', 'ws', 'socket.io-parser', '--json', '--all'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    } catch (error) {
      // npm ls exits non-zero on an invalid tree but still prints it.
      return (error as { stdout?: string }).stdout ?? '';
    }
  })();
  const packages = flatten(JSON.parse(output) as Node).filter((p) => p.name in FLOOR);

  it('S8 npm ls shows socket.io 4.8.x for the app and for boardgame.io (koa-socket-2 included)', () => {
    const socketIO = packages.filter((p) => p.name === 'socket.io');
    expect(socketIO.map((p) => p.path)).toEqual(expect.arrayContaining(['socket.io', 'boardgame.io > socket.io', 'boardgame.io > koa-socket-2 > socket.io']));
    for (const p of socketIO) expect(p.version, p.path).toMatch(/^4\.8\.\d+$/);
    // And that is what Node really loads, from boardgame.io and from koa-socket-2.
    for (const from of ['boardgame.io', 'koa-socket-2', '.']) {
      const require = createRequire(join(ROOT, from === '.' ? 'package.json' : `node_modules/${from}/package.json`));
      expect((require('socket.io/package.json') as { version: string }).version, from).toMatch(/^4\.8\.\d+$/);
    }
  });

  it('S8 no copy of ws, engine.io, socket.io-parser or socket.io is in a published advisory range', () => {
    expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(['ws', 'engine.io', 'socket.io-parser', 'socket.io']));
    const unsafe = packages.filter(({ name, version }) => {
      const rule = FLOOR[name];
      if (!rule) return false;
      const major = Number(version.split('.')[0]);
      return (rule.major !== undefined && major < rule.major) || compare(version, rule.floor) < 0;
    });
    expect(unsafe).toEqual([]);
  });
});
