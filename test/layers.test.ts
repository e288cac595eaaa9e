/**
 * The layers hold (docs/architecture.md): the compiler keeps the DOM and Node out of the layers that
 * cannot use them (one tsconfig per layer), and the lint keeps boardgame.io's private parts to the
 * adapter and headless play. Each check lints or compiles a probe file that breaks the rule, so a
 * loosened config fails here, not in a player's browser.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The names the compiler could not find when `source` sits at `path` under the layer's tsconfig. */
function missingNames(config: string, path: string, source: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, config), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  const probe = join(ROOT, path);
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probe || fileExists.call(host, f);
  host.readFile = (f) => (f === probe ? source : readFile.call(host, f));
  host.getSourceFile = (f, language, ...rest) =>
    f === probe ? ts.createSourceFile(f, source, language, true) : getSourceFile.call(host, f, language, ...rest);
  // The layer's own ambient files (types/no-node) and the probe.
  const ambient = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [...ambient, probe], options: parsed.options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .filter((d) => d.code === 2304 || d.code === 2584 || d.code === 2591 || d.code === 2580)
    .map((d) => /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))?.[1] ?? '?')
    .sort();
}

// The probe imports boardgame.io's types as the engine does: they must not bring Node in with them.
const PROBE = `import type { Ctx, Game } from 'boardgame.io';
export type Seen = [Ctx, Game];
export const seen = [typeof process, typeof Buffer, typeof setImmediate, typeof document, typeof window, typeof localStorage, structuredClone, Math.max];`;

describe('one tsconfig per layer', () => {
  it('the engine, content and bots see neither the DOM nor Node', () => {
    expect(missingNames('tsconfig.engine.json', 'src/game/__probe__.ts', PROBE)).toEqual(
      ['Buffer', 'document', 'localStorage', 'process', 'setImmediate', 'window'],
    );
  }, 30_000);

  it('the browser client sees the DOM and not Node', () => {
    expect(missingNames('tsconfig.ui.json', 'src/ui/__probe__.ts', PROBE)).toEqual(['Buffer', 'process', 'setImmediate']);
  }, 30_000);

  it('the server sees Node and not the DOM', () => {
    expect(missingNames('tsconfig.server.json', 'src/server/__probe__.ts', PROBE)).toEqual(['document', 'localStorage', 'window']);
  }, 30_000);
});

describe('the lint keeps boardgame.io private parts behind two doors', () => {
  // Type information is not needed for import rules, and a probe is in no tsconfig.
  const eslint = new ESLint({ cwd: ROOT, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false } } }] });

  async function refused(path: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message.split(' ')[0] ?? '');
  }

  const PRIVATE = `import { Master } from 'boardgame.io/master';
import { CreateGameReducer } from 'boardgame.io/internal';
export const used = [Master, CreateGameReducer];`;

  it('refuses boardgame.io/internal and /master in the engine, the bots, the UI, the server and tests', async () => {
    for (const path of ['src/game/p.ts', 'src/bots/p.ts', 'src/ui/p.tsx', 'src/ui/board/p.tsx', 'src/server/p.ts', 'src/server/lobby/p.ts', 'test/p.test.ts']) {
      expect(await refused(path, PRIVATE), path).toEqual(["'boardgame.io/master'", "'boardgame.io/internal'"]);
    }
  }, 60_000);

  it('allows them in the adapter and in headless play only', async () => {
    expect(await refused('src/server/bgio.ts', PRIVATE)).toEqual([]);
    expect(await refused('src/sim/p.ts', PRIVATE)).toEqual([]);
  });

  it('lets the bots use the look-ahead and nothing else of src/sim; the engine none of it', async () => {
    const code = `import { simMove } from '../sim/lookahead';
import { playRandomGame } from '../sim/headless';
export const used = [simMove, playRandomGame];`;
    expect(await refused('src/bots/p.ts', code)).toEqual(["'../sim/headless'"]);
    expect(await refused('src/game/p.ts', code)).toEqual(["'../sim/lookahead'", "'../sim/headless'"]);
  });

  it("refuses Node's globals in the browser's layers", async () => {
    expect(await refused('src/ui/p.ts', 'export const env = process.env;')).toEqual(['Unexpected']);
    expect(await refused('src/game/p.ts', 'export const env = [process.env, document.title];')).toEqual(['Unexpected', 'Unexpected']);
  });
});
