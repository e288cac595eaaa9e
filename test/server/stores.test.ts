/**
 * The store contract for the in-process stores (MemoryStore, FileStore), and what only the
 * file store does at start-up: quarantine of files it cannot serve (moved, never deleted),
 * removal of temporary files left by a crash, and a server that still starts and serves the
 * good matches.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/server/storage/fileStore';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { metadata, quarantineLines, state, storeContract, type ContractData } from '../helpers/storeContract';
import { lobby, startTestServer, tempDir } from '../helpers/server';

storeContract('MemoryStore', async () => ({ open: () => new MemoryStore(), dispose: async () => undefined }), { durable: false, revisions: true });

async function fileData(dir: string): Promise<ContractData> {
  return {
    open: () => new FileStore(dir),
    plant: (matchID, record) => writeFile(join(dir, `${matchID}.json`), JSON.stringify(record)),
    quarantined: async () => (await readdir(join(dir, 'quarantine')).catch(() => [])).map((name) => name.replace(/\..*$/, '')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

storeContract('FileStore', async () => fileData(await tempDir('de-risk-store-')), { durable: true, revisions: true });

describe('FileStore start-up', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const folder = async () => {
    const dir = await tempDir('de-risk-startup-');
    dirs.push(dir);
    return dir;
  };
  const good = JSON.stringify({ metadata: metadata(1000), state: state(0), initialState: state(0), log: [] });

  it('moves a file that is not JSON, or has an id no store keeps, into quarantine/ and loads the rest', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'GOODONE.json'), good);
    await writeFile(join(dir, 'CUTSHORT.json'), good.slice(0, 40));
    await writeFile(join(dir, 'EMPTY01.json'), '');
    await writeFile(join(dir, '__proto__.json'), good);
    await writeFile(join(dir, 'notes.txt'), 'not a match; left alone');
    const store = new FileStore(dir);
    const lines = await quarantineLines(() => store.connect());
    expect(lines.map((l) => [l.file, l.movedTo])).toEqual([
      ['CUTSHORT.json', 'quarantine/CUTSHORT.json'],
      ['EMPTY01.json', 'quarantine/EMPTY01.json'],
      ['__proto__.json', 'quarantine/__proto__.json'],
    ]);
    expect(lines[0]?.reason).toMatch(/unreadable/);
    expect(await store.listMatches()).toEqual(['GOODONE']);
    expect((await readdir(dir)).sort()).toEqual(['GOODONE.json', 'notes.txt', 'quarantine']);
    // Moved whole, for someone to look at.
    expect(await readFile(join(dir, 'quarantine', 'CUTSHORT.json'), 'utf8')).toBe(good.slice(0, 40));
  });

  it('keeps the first quarantined copy of a name and stamps the next one', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'quarantine'));
    await writeFile(join(dir, 'quarantine', 'BROKEN1.json'), 'the first one');
    await writeFile(join(dir, 'BROKEN1.json'), 'the second one');
    const lines = await quarantineLines(() => new FileStore(dir).connect());
    expect(lines).toHaveLength(1);
    const names = (await readdir(join(dir, 'quarantine'))).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^BROKEN1\.\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(names[1]).toBe('BROKEN1.json');
    expect(await readFile(join(dir, 'quarantine', 'BROKEN1.json'), 'utf8')).toBe('the first one');
    expect(await readFile(join(dir, 'quarantine', names[0] as string), 'utf8')).toBe('the second one');
  });

  it('removes temporary files left by a crash; the file they were replacing is served', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'GOODONE.json'), good);
    await writeFile(join(dir, '.GOODONE.json.tmp'), '');
    await writeFile(join(dir, '.OTHER01.json.tmp'), good.slice(0, 10));
    const store = new FileStore(dir);
    await store.connect();
    expect((await readdir(dir)).sort()).toEqual(['GOODONE.json']);
    expect(await store.fetch('GOODONE', { metadata: true })).toEqual({ metadata: metadata(1000) });
  });

  it('a server started on a folder with bad files serves its good matches', async () => {
    // Room codes (the lobby answers only for those).
    const dir = await folder();
    await writeFile(join(dir, 'GDMATCH.json'), good);
    await writeFile(join(dir, 'BADSEAT.json'), JSON.stringify({ ...JSON.parse(good), metadata: { ...metadata(1000), players: { 0: { id: 0 } } } }));
    await writeFile(join(dir, 'NTJSN22.json'), '{');
    await writeFile(join(dir, '.GDMATCH.json.tmp'), '{');
    const lines: Record<string, unknown>[] = [];
    let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
    try {
      lines.push(...(await quarantineLines(async () => void (server = await startTestServer({ dir })))));
      const api = lobby((server as unknown as { url: string }).url);
      expect((await api.get('GDMATCH')).status).toBe(200);
      expect((await api.get('BADSEAT')).status).toBe(404);
      expect((await api.get('NTJSN22')).status).toBe(404);
    } finally {
      await server?.close();
    }
    expect(lines.map((l) => l.file).sort()).toEqual(['BADSEAT.json', 'NTJSN22.json']);
    expect((await readdir(dir)).sort()).toEqual(['GDMATCH.json', 'quarantine']);
  });
});
