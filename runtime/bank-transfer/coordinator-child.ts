/**
 * Starts the coordinator service as a child process (coordinator-main.mjs)
 * and hands back a handle once it is ready: its pid, port and boot id, a
 * promise of its exit, and kill. The child shuts itself down when this
 * process goes away (its IPC channel closes), so a parent that dies does
 * not leave it running.
 *
 * A standby child loads everything and waits; `activate` makes it open the
 * database, recover and serve. A chaos run keeps one ready so that a restart
 * after SIGKILL costs recovery, not a Node.js start.
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
  /** From fork (or activation, for a standby) to `ready`, as this process saw it. */
  startupMs: number;
  exited: Promise<ChildExit>;
  kill(signal: NodeJS.Signals): void;
}

export type ChildStart = { ok: true; child: CoordinatorChild } | { ok: false; message: string };

export interface StandbyChild {
  activate(): Promise<ChildStart>;
  kill(signal: NodeJS.Signals): void;
  exited: Promise<ChildExit>;
}

export interface ChildOptions {
  /** Where the child's log lines go: this process's standard output, or nowhere. */
  output: 'inherit' | 'ignore';
  /** Give up on a child that is neither ready nor failed after this long (PGlite's first start runs initdb). */
  readyTimeoutMs?: number;
}

interface Spawned {
  proc: ChildProcess;
  exited: Promise<ChildExit>;
  next(): Promise<CoordinatorMessage>;
}

function spawn(config: CoordinatorProcessConfig, options: ChildOptions): Spawned {
  const proc = fork(ENTRY, [JSON.stringify(config)], {
    stdio: [options.output === 'inherit' ? 'inherit' : 'ignore', options.output, 'pipe', 'ipc'],
    execArgv: [],
  });
  let stderrTail = '';
  proc.stderr?.on('data', (c: Buffer) => {
    stderrTail = (stderrTail + c.toString('utf8')).slice(-4000);
    if (options.output === 'inherit') process.stderr.write(c);
  });
  const exited = new Promise<ChildExit>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const next = (): Promise<CoordinatorMessage> =>
    new Promise((resolve) => {
      const done = (m: CoordinatorMessage): void => {
        clearTimeout(timer);
        proc.off('message', done);
        resolve(m);
      };
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        done({ type: 'failed', message: `the coordinator was not ready after ${timeoutMs} ms` });
      }, timeoutMs);
      proc.on('message', done);
      void exited.then((e) => {
        const how = e.signal !== null ? `signal ${e.signal}` : `exit code ${e.code}`;
        done({ type: 'failed', message: `the coordinator exited during start-up (${how})${stderrTail.trim() !== '' ? `:\n${stderrTail.trim()}` : ''}` });
      });
    });
  return { proc, exited, next };
}

function handle(s: Spawned, m: CoordinatorMessage, sinceMs: number): ChildStart {
  if (m.type !== 'ready') return { ok: false, message: m.type === 'failed' ? m.message : 'unexpected standby message' };
  return {
    ok: true,
    child: {
      pid: s.proc.pid ?? 0,
      port: m.port,
      bootId: m.bootId,
      database: m.database,
      startupMs: Math.round(performance.now() - sinceMs),
      exited: s.exited,
      kill: (signal) => void s.proc.kill(signal),
    },
  };
}

export async function startCoordinatorChild(config: CoordinatorProcessConfig, options: ChildOptions): Promise<ChildStart> {
  const startedMs = performance.now();
  const s = spawn({ ...config, standby: false }, options);
  return handle(s, await s.next(), startedMs);
}

export async function startStandbyChild(config: CoordinatorProcessConfig, options: ChildOptions): Promise<{ ok: true; standby: StandbyChild } | { ok: false; message: string }> {
  const s = spawn({ ...config, standby: true }, options);
  const m = await s.next();
  if (m.type !== 'standby') return { ok: false, message: m.type === 'failed' ? m.message : 'the standby answered ready before it was told to go' };
  return {
    ok: true,
    standby: {
      exited: s.exited,
      kill: (signal) => void s.proc.kill(signal),
      activate: async () => {
        const activatedMs = performance.now();
        const answer = s.next();
        s.proc.send({ type: 'go' });
        return handle(s, await answer, activatedMs);
      },
    },
  };
}
