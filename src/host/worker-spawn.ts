// Starting the interpreter thread: the one step of the CLI that should
// happen as early as possible, since the worker then loads the interpreter
// while the main thread loads the rest of the CLI. Kept free of everything
// else of the host, so that bin/elisp.js can load it (as
// dist/cli/prestart.cjs, bundled by scripts/bundle-worker.mjs) before any
// other module.
import { Worker, MessageChannel, SHARE_ENV, type MessagePort } from 'node:worker_threads';
import * as fs from 'node:fs';
import { makeSharedBlock, makeWriteSlots, type WorkerStart } from './protocol.js';
import { makeEventRing } from './event-ring.js';

/**
 * The worker's stack. Measured on Node 20: 100,000 nested calls of a small JS
 * function need about 9 MB; 256 MB allows some 3 million small frames. The
 * stack is reserved address space, committed only when touched, so its size
 * costs nothing at startup (a worker starts in ~25 ms with 4 MB or 1 GB).
 */
export const DEFAULT_STACK_SIZE_MB = 256;

/**
 * The worker's young generation (three semi-spaces' worth). V8 doubles a
 * semi-space whenever enough objects survive, up to 16 MB by default: on a
 * long-running server that came as one 16 MB step of RSS after 35-50 s of
 * load (the soak run: +21.8% over 60 s). Capped at 8 MB semi-spaces: +11.5%,
 * the rest being main's own heap, and no cost measurable on the CPU benchmarks.
 */
export const YOUNG_GENERATION_MB = 24;


export interface SpawnOptions {
  /** The worker's entry: a .js file, or a bundle (see freshestBuild). */
  entry: string;
  output?: WorkerStart['output'];
  stackSizeMb?: number;
  /** Heap limit; beyond it the worker stops with ERR_WORKER_OUT_OF_MEMORY instead of killing the process. */
  heapMb?: number;
}

/** A started interpreter thread, and how it ended if it did so before anyone listened. */
export interface SpawnedThread {
  worker: Worker;
  /** Main's end of the event channel. */
  port: MessagePort;
  shared: Int32Array;
  /** The table of direct socket writes (see write-slots.ts). */
  writeSlots: SharedArrayBuffer;
  /** The ring of connection reads (event-ring.ts). */
  ring: SharedArrayBuffer;
  early: { code: number | null; error: Error | null };
}

export function spawnInterpreterThread(options: SpawnOptions): SpawnedThread {
  const shared = makeSharedBlock();
  const channel = new MessageChannel();
  const start: WorkerStart = {
    shared: shared.buffer as SharedArrayBuffer,
    port: channel.port2,
    output: options.output ?? 'fd',
    writeSlots: makeWriteSlots(),
    ring: makeEventRing(),
  };
  const bundled = options.entry.endsWith(BUNDLE_SUFFIX);
  const worker = new Worker(bundled ? bundleLoader(options.entry) : options.entry, {
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
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}),
    },
  });
  // Events are not queued for later listeners: keep how it ended until the owner attaches its own.
  const early: SpawnedThread['early'] = { code: null, error: null };
  worker.once('error', (e: Error) => (early.error = e));
  worker.once('exit', (code: number) => (early.code = code));
  return { worker, port: channel.port1, shared, writeSlots: start.writeSlots!, ring: start.ring!, early };
}

const BUNDLE_SUFFIX = '.bundle.cjs';

/**
 * The single-file bundle of a worker entry (X.bundle.cjs, made by
 * scripts/bundle-worker.mjs) when it is at least as new as X.js, else X.js:
 * a stale bundle is never used.
 */
export function freshestBuild(plain: string): string {
  const bundle = plain.replace(/\.js$/, BUNDLE_SUFFIX);
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
