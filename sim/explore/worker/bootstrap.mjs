// Worker entry point: registers the TypeScript loader in this thread (loaders
// do not carry over from the parent), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const { workerData } = await import('node:worker_threads');
if (workerData.heartbeat !== null) {
  const { installHeartbeat } = await import('../../kernel/heartbeat.ts');
  installHeartbeat(workerData.heartbeat);
}
await import('./explore-worker.ts');
