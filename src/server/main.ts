/**
 * `npm start`: one process serves the built client and the boardgame.io server (lobby API
 * and socket.io) on PORT (default 8000), with embedded storage under DATA_DIR.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlatFile, Origins, Server } from 'boardgame.io/server';
import { DeRisk } from '../game';
import { serveClient } from './static';

/** boardgame.io's FlatFile, but writing each change to disk at once instead of on a 1 s timer. */
class ImmediateFlatFile extends FlatFile {
  private readonly directory: string;
  constructor(dir: string) {
    super({ dir });
    this.directory = dir;
  }
  override async connect(): Promise<void> {
    const storage = (this as unknown as { games: { init(options: object): Promise<unknown> } }).games;
    await storage.init({ dir: this.directory, logging: false, ttl: false, writeQueue: false });
  }
}

const port = Number(process.env.PORT ?? 8000);
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const clientDir = resolve(process.env.CLIENT_DIR ?? './dist');
const origins = process.env.ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [
  Origins.LOCALHOST,
  `http://localhost:${port}`,
];

mkdirSync(dataDir, { recursive: true });
const server = Server({ games: [DeRisk], db: new ImmediateFlatFile(dataDir), origins });
server.app.use(serveClient(clientDir));

server.run(port, () => {
  console.log(`De-Risk is listening on http://localhost:${port} (storage: files in ${dataDir})`);
});
