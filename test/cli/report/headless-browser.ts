/**
 * Opens a page in headless Chromium and reports what a person would see
 * going wrong: console errors, uncaught exceptions, and any request that
 * leaves the machine. It speaks the DevTools protocol over the pipe Chromium
 * opens with `--remote-debugging-pipe` (file descriptors 3 and 4, one JSON
 * message per NUL-terminated chunk), so no package is needed.
 *
 * The browser is Debian's `chromium` (or whatever MONEYSIM_CHROMIUM names);
 * `findChromium` returns null when there is none, and the caller skips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** How long a page visit may take before the browser is stopped. */
const GUARD_MS = 60_000;

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MONEYSIM_CHROMIUM !== undefined && env.MONEYSIM_CHROMIUM !== '') return env.MONEYSIM_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface PageVisit {
  /** Console errors, uncaught exceptions and error log entries, as text. */
  errors: string[];
  /** URLs the page requested that are neither the file itself nor data: URLs. */
  requests: string[];
  /** The value of `probe`, evaluated in the page after it loaded. */
  probe: unknown;
  /** The whole page as a PNG. */
  screenshot: Buffer;
}

interface Pending {
  resolve: (v: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

/** One DevTools session over the browser's pipe. */
class Pipe {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, Pending>();
  readonly events: Array<{ method: string; params: Record<string, unknown> }> = [];
  private waiters: Array<{ method: string; resolve: () => void; reject: (e: Error) => void }> = [];

  constructor(private readonly out: Writable, input: Readable) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.receive(chunk));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) p?.reject(new Error(message.error.message));
        else p?.resolve(message.result ?? {});
      } else if (message.method !== undefined) {
        this.events.push({ method: message.method, params: message.params ?? {} });
        this.waiters = this.waiters.filter((w) => (w.method === message.method ? (w.resolve(), false) : true));
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.out.write(JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) }) + '\0');
    });
  }

  waitFor(method: string): Promise<void> {
    if (this.events.some((e) => e.method === method)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ method, resolve, reject }));
  }

  /** The browser went away: every request and wait still open fails with `why`. */
  close(why: Error): void {
    for (const p of this.pending.values()) p.reject(why);
    for (const w of this.waiters) w.reject(why);
    this.pending.clear();
    this.waiters = [];
  }
}

function describeEvent(e: { method: string; params: Record<string, unknown> }): string | null {
  const p = e.params as Record<string, any>;
  if (e.method === 'Runtime.exceptionThrown') return `exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`;
  if (e.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) return `console.${p.type}: ${(p.args ?? []).map((a: any) => a.value ?? a.description).join(' ')}`;
  if (e.method === 'Log.entryAdded' && p.entry?.level === 'error') return `log: ${p.entry.text} ${p.entry.url ?? ''}`.trim();
  return null;
}

/** Removes the throwaway profile; a helper process still writing to it leaves it in the temporary folder, which is harmless. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch {
    // left for the system's temporary-file cleanup
  }
}

/** Loads `fileUrl`, waits for the load event, evaluates `probe` and captures the whole page. */
export async function visitPage(chromium: string, fileUrl: string, probe: string, widthPx = 1300): Promise<PageVisit> {
  const profile = mkdtempSync(join(tmpdir(), 'moneysim-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-crash-reporter', '--disable-breakpad', '--no-first-run', '--no-default-browser-check', '--hide-scrollbars', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'];
  const browser: ChildProcess = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const pipe = new Pipe(browser.stdio[3] as Writable, browser.stdio[4] as Readable);
  browser.on('exit', (code) => pipe.close(new Error(`chromium exited (code ${code}) before the page was checked`)));
  browser.on('error', (err) => pipe.close(err));
  // A browser that hangs is stopped, so the test fails with a message instead of leaving a process behind.
  const guard = setTimeout(() => browser.kill(), GUARD_MS);
  try {
    const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await pipe.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    for (const domain of ['Runtime', 'Log', 'Page', 'Network']) await pipe.send(`${domain}.enable`, {}, sessionId);
    await pipe.send('Emulation.setDeviceMetricsOverride', { width: widthPx, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = pipe.waitFor('Page.loadEventFired');
    await pipe.send('Page.navigate', { url: fileUrl }, sessionId);
    await loaded;
    const evaluated = (await pipe.send('Runtime.evaluate', { expression: probe, returnByValue: true }, sessionId)) as { result: { value: unknown } };
    const metrics = (await pipe.send('Page.getLayoutMetrics', {}, sessionId)) as { cssContentSize: { width: number; height: number } };
    const size = metrics.cssContentSize;
    const shot = (await pipe.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: Math.max(size.width, widthPx), height: size.height, scale: 1 } }, sessionId)) as { data: string };
    const errors = pipe.events.map(describeEvent).filter((e): e is string => e !== null);
    const requests = pipe.events
      .filter((e) => e.method === 'Network.requestWillBeSent')
      .map((e) => String((e.params as { request?: { url?: string } }).request?.url ?? ''))
      .filter((url) => url !== fileUrl && !url.startsWith('data:') && url !== 'about:blank');
    await pipe.send('Browser.close').catch(() => undefined);
    return { errors, requests, probe: evaluated.result.value, screenshot: Buffer.from(shot.data, 'base64') };
  } finally {
    clearTimeout(guard);
    // The profile can only go once the browser (and its helper processes) stopped writing to it.
    const exited = browser.exitCode !== null || browser.signalCode !== null ? Promise.resolve() : new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await exited;
    removeProfile(profile);
  }
}
