// The wire between the main thread (I/O server) and the interpreter worker.
//
// One ordered channel each way, as design/threading.md recommends:
//   main → worker: a MessagePort drained synchronously by the worker with
//     receiveMessageOnPort; each message is a batch (an array) of events,
//     coalesced per main event-loop turn. After posting, main increments the
//     SEQ word and notifies it, so a worker sleeping in Atomics.wait wakes up.
//   worker → main: ordinary postMessage on the same port; main listens.
// Never split one kind of traffic over two channels: that would reorder it.
//
// TODO(network issue): socket, process and timer events join ToWorker
// (accept, data with transferred ArrayBuffers, eof, close, connect results);
// commands join FromWorker (connect, listen, write, eof, close, pause, resume).

import type { MessagePort } from 'node:worker_threads';

/** Indexes of the Int32 words of the shared control block. */
export const SEQ = 0;
/** 1 while the worker sleeps in Atomics.wait on SEQ (main may skip notify otherwise). */
export const ASLEEP = 1;
/** Non-zero when the user asked to quit (C-g); the evaluator polls it. */
export const QUIT = 2;
/** Non-zero when main wants the worker to exit with (KILL - 1) as soon as it can (a fatal signal in batch mode). */
export const KILL = 3;
export const SHARED_WORDS = 4;

export function makeSharedBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(SHARED_WORDS * 4));
}

/** What the worker does once started. */
export type WorkerMode = 'batch' | 'session';

/** workerData of the interpreter worker. */
export interface WorkerStart {
  shared: SharedArrayBuffer;
  port: MessagePort;
  /** 'fd': write stdout/stderr to fds 1/2; 'relay': send them to main as `output` messages. */
  output: 'fd' | 'relay';
}

/** Where the worker's standard input comes from: fd 0 itself (batch), main (the REPL owns stdin), or nowhere (embedding). */
export type InputMode = 'fd' | 'relay' | 'none';

/**
 * One step of a batch run, in command-line order; argsLeft is the value of
 * `command-line-args-left` while it runs (the arguments after it).
 */
export type BatchAction =
  | { kind: 'load'; file: string; argsLeft: string[] }
  | { kind: 'eval'; source: string; argsLeft: string[] };

export interface BatchPlan {
  actions: BatchAction[];
  /** The value of `command-line-args` (program name first). */
  commandLineArgs: string[];
  invocationName: string;
  /** With a trailing slash, as Emacs has it. */
  invocationDirectory: string;
}

export type ToWorker =
  /** Run a batch plan, then exit. */
  | { type: 'batch'; plan: BatchPlan }
  /** Serve eval requests until `close` (REPL, embedding). */
  | { type: 'session'; input: InputMode; commandLineArgs: string[]; invocationName: string; invocationDirectory: string }
  /**
   * Evaluate source. kind 'repl': read as many complete forms as there are;
   * an unfinished last form answers `incomplete` and evaluates nothing.
   * kind 'embed': evaluate all forms, answer the last value printed.
   */
  | { type: 'eval'; id: number; kind: 'repl' | 'embed'; source: string }
  /** The answer to a worker `request`. */
  | { type: 'reply'; id: number; value: string | null }
  | { type: 'close' };

export type EvalStatus = 'ok' | 'error' | 'incomplete';

export type FromWorker =
  /** The worker loaded the interpreter and waits for its first event. */
  | { type: 'ready' }
  | {
      type: 'result';
      id: number;
      status: EvalStatus;
      /** ok: the printed value; error: the error message as Emacs shows it. */
      text: string;
      /** error: the error symbol and the printed error object. */
      errorSymbol?: string;
      errorObject?: string;
    }
  /** A blocking request; the worker waits for the `reply` with the same id. */
  | { type: 'request'; id: number; op: 'read-line'; prompt: string }
  /** Output in 'relay' mode. */
  | { type: 'output'; fd: 1 | 2; data: Uint8Array }
  /** The worker is done; main exits with code (batch) or resolves close(). */
  | { type: 'exit'; code: number };
