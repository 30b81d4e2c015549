// The main thread's side of the interpreter worker: starts it with a large
// stack, owns the event channel (protocol.ts) and reports how it ended. The
// main thread never runs Lisp and never touches Lisp objects.
import { Worker, MessageChannel, SHARE_ENV, type MessagePort } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ASLEEP, SEQ, makeSharedBlock, type FromWorker, type ToWorker, type WorkerStart,
} from './protocol.js';
import { requestKill, requestQuit } from './quit.js';
import { NetServer } from './net-server.js';

/**
 * The worker's stack. Measured on Node 20: 100,000 nested calls of a small JS
 * function need about 9 MB; 256 MB allows some 3 million small frames. The
 * stack is reserved address space, committed only when touched, so its size
 * costs nothing at startup (a worker starts in ~25 ms with 4 MB or 1 GB).
 */
export const DEFAULT_STACK_SIZE_MB = 256;

export interface InterpreterWorkerOptions {
  /** The worker's entry module (a .js file). */
  entry: URL;
  output?: WorkerStart['output'];
  stackSizeMb?: number;
  /** Heap limit; beyond it the worker stops with ERR_WORKER_OUT_OF_MEMORY instead of killing the process. */
  heapMb?: number;
  onMessage(message: FromWorker): void;
  /** The worker ended: its exit code, and the JS error that ended it if any (an interpreter bug). */
  onExit(code: number, error: Error | null): void;
}

export class InterpreterWorker {
  readonly shared: Int32Array;
  /** The sockets of the worker's network processes (their messages never reach onMessage). */
  readonly net: NetServer;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private outgoing: ToWorker[] = [];
  private flushScheduled = false;
  private crash: Error | null = null;
  private exited = false;

  constructor(options: InterpreterWorkerOptions) {
    this.shared = makeSharedBlock();
    const channel = new MessageChannel();
    this.port = channel.port1;
    const start: WorkerStart = {
      shared: this.shared.buffer as SharedArrayBuffer,
      port: channel.port2,
      output: options.output ?? 'fd',
    };
    const entry = fileURLToPath(options.entry);
    const bundled = entry.endsWith(BUNDLE_SUFFIX);
    this.worker = new Worker(bundled ? bundleLoader(entry) : entry, {
      eval: bundled,
      workerData: start,
      transferList: [channel.port2],
      env: SHARE_ENV,
      // The worker writes fds 1/2 itself; not piping its process.stdout keeps
      // main from touching (and making non-blocking) the standard streams.
      stdout: true,
      stderr: true,
      resourceLimits: {
        stackSizeMb: options.stackSizeMb ?? DEFAULT_STACK_SIZE_MB,
        ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}),
      },
    });
    this.net = new NetServer((event) => this.post(event));
    // Attach both listeners now: 'exit' can come in the same tick as the last message.
    this.port.on('message', (m: FromWorker) => {
      if (!this.net.handle(m)) options.onMessage(m);
    });
    this.worker.on('error', (e: Error) => {
      this.crash = e;
    });
    this.worker.on('exit', (code: number) => {
      this.exited = true;
      this.port.close();
      // Nobody serves the sockets any more: close them (gracefully, so that written data still goes out).
      void this.net.shutdown();
      options.onExit(code, this.crash);
    });
  }

  /** Queues an event; events of one event-loop turn travel as one batch. */
  post(event: ToWorker): void {
    this.outgoing.push(event);
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
    Atomics.add(this.shared, SEQ, 1);
    // A worker that is not asleep re-checks SEQ before it sleeps, so it cannot miss this batch.
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
function transferables(batch: ToWorker[]): ArrayBuffer[] {
  let out: ArrayBuffer[] | null = null;
  for (const e of batch) {
    if (e.type !== 'net-data' || typeof e.data === 'string') continue;
    const buf = e.data.buffer;
    if (buf instanceof ArrayBuffer && e.data.byteOffset === 0 && e.data.byteLength === buf.byteLength) (out ??= []).push(buf);
  }
  return out ?? [];
}

const BUNDLE_SUFFIX = '.bundle.cjs';

/**
 * The single-file bundle of a worker entry (X.bundle.cjs, made by
 * scripts/bundle-worker.mjs) when it is at least as new as X.js, else X.js:
 * a stale bundle is never used.
 */
export function freshestBuild(plain: URL): URL {
  const bundle = new URL(plain.href.replace(/\.js$/, BUNDLE_SUFFIX));
  try {
    if (fs.statSync(bundle).mtimeMs >= fs.statSync(plain).mtimeMs) return bundle;
  } catch {
    // no bundle, or no build at all
  }
  return plain;
}

/**
 * The worker's code (run with `eval: true`, as CommonJS) that starts a
 * CommonJS bundle through a V8 code cache: compiling the 1 MB bundle, and
 * the functions the interpreter runs while it loads, otherwise costs some
 * 20-30 ms at every start. The cache (X.bundle.cache next to the bundle) is
 * written once the interpreter has loaded, when there is none or V8 rejected
 * it (another V8 version or flags); it starts with a key made of the bundle's
 * size and mtime and the Node version, so a cache never outlives its bundle.
 * Failing to write it (a read-only install) only costs speed.
 */
function bundleLoader(bundle: string): string {
  return `'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const { createRequire } = require('node:module');
const file = ${JSON.stringify(bundle)};
const cacheFile = file.slice(0, -${BUNDLE_SUFFIX.length}) + '.bundle.cache';
// Before reading: a bundle rebuilt meanwhile then gets a key that no later run matches.
const stat = fs.statSync(file);
// The bundle is ASCII (scripts/bundle-worker.mjs): a latin1 string is made without decoding.
const bytes = fs.readFileSync(file);
const source = require('node:buffer').isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.utf8Slice(0, bytes.length);
const key = stat.size + ' ' + stat.mtimeMs + ' ' + process.version + '\\n';
let cachedData;
try {
  const saved = fs.readFileSync(cacheFile);
  const newline = saved.indexOf(10);
  if (newline > 0 && saved.toString('latin1', 0, newline + 1) === key) cachedData = saved.subarray(newline + 1);
} catch {}
const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', {
  filename: file,
  cachedData,
});
if (cachedData === undefined || script.cachedDataRejected) {
  globalThis.elispInterpreterLoaded = () => {
    delete globalThis.elispInterpreterLoaded;
    // Written aside and renamed, so that a concurrent start never reads half a cache.
    const temporary = cacheFile + '.' + process.pid + '.' + require('node:worker_threads').threadId;
    try {
      fs.writeFileSync(temporary, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      try { fs.unlinkSync(temporary); } catch {}
    }
  };
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, require('node:path').dirname(file));
`;
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
