// Under tsx and Vitest the decision thread is TypeScript, which Node 20 cannot load in a worker
// on its own: register tsx's loader in this thread, then load the real worker (pool.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
