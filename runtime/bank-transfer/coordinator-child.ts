/**
 * Starts the coordinator service as a child process (coordinator-main.mjs)
 * and hands back a handle once it is ready: its pid, port and boot id, a
 * promise of its exit, and kill. The child shuts itself down when this
 * process goes away (its IPC channel closes), so a parent that dies does
 * not leave it running.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CoordinatorMessage, CoordinatorProcessConfig } from './coordinator-process.ts';

const ENTRY = fileURLToPath(new URL('./coordinator-main.mjs', import.meta.url));

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CoordinatorChild {
  pid: number;
  port: number;
  bootId: string;
  database: string;
  /** From fork to `ready`, as this process saw it. */
  startupMs: number;
  exited: Promise<ChildExit>;
  kill(signal: NodeJS.Signals): void;
}

export type ChildStart = { ok: true; child: CoordinatorChild } | { ok: false; message: string };

export interface ChildOptions {
  /** Where the child's log lines go: this process's standard output, or nowhere. */
  output: 'inherit' | 'ignore';
  /** Give up on a child that is neither ready nor failed after this long (PGlite's first start runs initdb). */
  readyTimeoutMs?: number;
}

export function startCoordinatorChild(config: CoordinatorProcessConfig, options: ChildOptions): Promise<ChildStart> {
  const startedMs = performance.now();
  const proc: ChildProcess = fork(ENTRY, [JSON.stringify(config)], {
    stdio: [options.output === 'inherit' ? 'inherit' : 'ignore', options.output, 'pipe', 'ipc'],
    execArgv: [],
  });
  let stderrTail = '';
  proc.stderr?.on('data', (c: Buffer) => {
    stderrTail = (stderrTail + c.toString('utf8')).slice(-4000);
    if (options.output === 'inherit') process.stderr.write(c);
  });
  const exited = new Promise<ChildExit>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise<ChildStart>((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      resolve({ ok: false, message: `the coordinator was not ready after ${options.readyTimeoutMs ?? 60_000} ms` });
    }, options.readyTimeoutMs ?? 60_000);
    proc.on('message', (m: CoordinatorMessage) => {
      clearTimeout(timer);
      if (m.type === 'failed') return resolve({ ok: false, message: m.message });
      resolve({
        ok: true,
        child: {
          pid: proc.pid ?? 0,
          port: m.port,
          bootId: m.bootId,
          database: m.database,
          startupMs: Math.round(performance.now() - startedMs),
          exited,
          kill: (signal) => void proc.kill(signal),
        },
      });
    });
    void exited.then((e) => {
      clearTimeout(timer);
      const how = e.signal !== null ? `signal ${e.signal}` : `exit code ${e.code}`;
      resolve({ ok: false, message: `the coordinator exited during start-up (${how})${stderrTail.trim() !== '' ? `:\n${stderrTail.trim()}` : ''}` });
    });
  });
}
