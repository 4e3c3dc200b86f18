/**
 * Starts explorer worker threads and turns their messages into callbacks.
 * Each worker runs bootstrap.mjs, which registers the TypeScript loader
 * itself, so workers start the same way whether moneysim runs from
 * `npx moneysim`, from tsx or from vitest.
 */
import { Worker } from 'node:worker_threads';
import { sharedHeartbeat } from '../../kernel/heartbeat.ts';
import type { ParentMessage, WorkerMessage, WorkerRequest } from './protocol.ts';

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

export interface RunningWorker {
  /** Settles when the worker said `done`, failed, or was stopped. */
  finished: Promise<void>;
  send(message: ParentMessage): void;
  stop(): Promise<void>;
}

export function startWorker(request: WorkerRequest, onMessage: (m: WorkerMessage) => void): RunningWorker {
  // A supervised program hands its heartbeat on, so that runaway code in a worker is caught too.
  const worker = new Worker(BOOTSTRAP, { workerData: { request, heartbeat: sharedHeartbeat() } });
  let stopped = false;
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'error') reject(new Error(`explorer worker: ${m.message}`));
      else if (m.type === 'done') resolve();
      else onMessage(m);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (stopped || code === 0) resolve();
      else reject(new Error(`explorer worker exited with code ${code}`));
    });
  }).finally(() => void worker.terminate());
  return {
    finished,
    send: (message) => worker.postMessage(message),
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}
