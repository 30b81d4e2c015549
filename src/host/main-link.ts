// The main thread's side of the interpreter worker: starts it with a large
// stack (worker-spawn.ts), owns the event channel (protocol.ts) and reports
// how it ended. The main thread never runs Lisp and never touches Lisp objects.
import { receiveMessageOnPort, type Worker, type MessagePort } from 'node:worker_threads';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ASLEEP, SEQ, type FromWorker, type PortBatch, type ToWorkerItem } from './protocol.js';
import { RingWriter } from './event-ring.js';
import { spawnInterpreterThread, type SpawnOptions, type SpawnedThread } from './worker-spawn.js';
import { requestKill, requestQuit } from './quit.js';
import { NetServer } from './net-server.js';
import { ChildServer } from './child-server.js';

export { DEFAULT_STACK_SIZE_MB, freshestBuild } from './worker-spawn.js';

export interface InterpreterWorkerOptions extends SpawnOptions {
  /** A thread already started with these options (bin/elisp.js starts it first thing). */
  spawned?: SpawnedThread | null;
  onMessage(message: FromWorker): void;
  /** The worker ended: its exit code, and the JS error that ended it if any (an interpreter bug). */
  onExit(code: number, error: Error | null): void;
}

export class InterpreterWorker {
  readonly shared: Int32Array;
  /** The sockets of the worker's network processes (their messages never reach onMessage). */
  readonly net: NetServer;
  /** The worker's subprocesses (their messages never reach onMessage either). */
  readonly children: ChildServer;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private outgoing: PortBatch = [];
  private readonly ring: RingWriter;
  private flushScheduled = false;
  private crash: Error | null = null;
  private exited = false;

  constructor(options: InterpreterWorkerOptions) {
    const spawned = options.spawned ?? spawnInterpreterThread(options);
    this.shared = spawned.shared;
    this.port = spawned.port;
    this.worker = spawned.worker;
    this.ring = new RingWriter(spawned.ring);
    this.net = new NetServer((event) => this.post(event), spawned.writeSlots, (id, data, length) => this.sendRead(id, data, length));
    this.children = new ChildServer((event) => this.post(event));
    // Attach both listeners now: 'exit' can come in the same tick as the last message.
    const onPortMessage = (m: FromWorker): void => {
      if (!this.net.handle(m) && !this.children.handle(m)) options.onMessage(m);
    };
    this.port.on('message', onPortMessage);
    const ended = (code: number): void => {
      // The thread's 'exit' can come before the messages it posted last (socket writes, its exit
      // status): take them first, in order, or the bytes written just before the end are lost.
      for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) {
        onPortMessage(m.message as FromWorker);
      }
      this.exited = true;
      this.port.close();
      // Nobody serves the sockets any more: close them (gracefully, so that written data still goes out).
      void this.net.shutdown();
      // Live children get SIGHUP, as when Emacs exits.
      this.children.shutdown();
      options.onExit(code, this.crash);
    };
    this.crash = spawned.early.error;
    this.worker.on('error', (e: Error) => {
      this.crash = e;
    });
    // A thread that ended before now ends once its queued messages are read, as 'exit' would have come after them.
    if (spawned.early.code !== null) setImmediate(ended, spawned.early.code);
    else this.worker.on('exit', ended);
  }

  /** Queues an event; events of one event-loop turn travel as one batch. */
  post(event: ToWorkerItem): void {
    this.outgoing.push(this.ring.records, event);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.outgoing.length === 0 || this.exited) return;
    const batch = this.outgoing;
    this.outgoing = [];
    this.port.postMessage(batch, transferables(batch));
    this.ring.posted();
    this.wake();
  }

  /**
   * Puts the bytes of one connection read in the ring, at once: a worker that
   * sleeps starts on them while main reads the other sockets. False when the
   * ring is full; the caller posts them as an event then.
   */
  private sendRead(id: number, data: Buffer, length: number): boolean {
    if (this.exited || !this.ring.write(id, data, length)) return false;
    this.wake();
    return true;
  }

  private wake(): void {
    Atomics.add(this.shared, SEQ, 1);
    // A worker that is not asleep re-checks SEQ before it sleeps, so it cannot miss this.
    if (Atomics.load(this.shared, ASLEEP) !== 0) Atomics.notify(this.shared, SEQ);
  }

  /** C-g: the evaluator signals `quit` at its next poll. */
  quit(): void {
    requestQuit(this.shared);
  }

  /** Asks the worker to unwind, run kill-emacs-hook and exit with code. */
  kill(code: number): void {
    requestKill(this.shared, code);
  }

  /** Stops the worker at once, even in a tight loop. */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  /** Whether the worker keeps the process alive. */
  setRef(ref: boolean): void {
    if (ref) {
      this.worker.ref();
      this.port.ref();
    } else {
      this.worker.unref();
      this.port.unref();
    }
  }

  get hasExited(): boolean {
    return this.exited;
  }
}

/**
 * The buffers of socket data in a batch that can move to the worker without
 * a copy: those that own their whole ArrayBuffer (Node's socket chunks do;
 * pooled or shared ones are copied).
 */
function transferables(batch: PortBatch): ArrayBuffer[] {
  let out: ArrayBuffer[] | null = null;
  for (const e of batch) {
    if (typeof e === 'number' || typeof e === 'string' || (e.type !== 'net-data' && e.type !== 'child-data') || typeof e.data === 'string') continue;
    const buf = e.data.buffer;
    if (buf instanceof ArrayBuffer && e.data.byteOffset === 0 && e.data.byteLength === buf.byteLength) (out ??= []).push(buf);
  }
  return out ?? [];
}

/**
 * The built .js file for a module next to `from`. When running from the
 * TypeScript sources (vitest), maps src/X.ts to the build in dist/X.js: a
 * worker cannot load TypeScript.
 */
export function builtModuleUrl(relative: string, from: string): URL {
  const url = new URL(relative, from);
  const file = fileURLToPath(from);
  if (!file.endsWith('.ts')) return url;
  const target = fileURLToPath(url);
  const srcRoot = findSrcRoot(path.dirname(file));
  if (srcRoot === null) return url;
  const rel = path.relative(srcRoot, target).replace(/\.ts$/, '.js');
  return pathToFileURL(path.join(path.dirname(srcRoot), 'dist', rel));
}

function findSrcRoot(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) === 'src') return d;
    if (path.dirname(d) === d) return null;
  }
}
