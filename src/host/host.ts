// The interface between the Lisp side (worker thread) and the outside world.
// No Node async API is reachable from Lisp except through this interface.
// Implementations: src/host/worker-host.ts (the real one, talking to the main
// thread) and src/host/inline-host.ts (one thread, for unit tests).
import type { ToWorker } from './protocol.js';

/** An event from the main thread, in arrival order. (Network events join this in a later issue.) */
export type HostEvent = ToWorker;

export interface Host {
  /** Writes to standard output, synchronously and in order (a string as UTF-8). */
  writeStdout(data: string | Uint8Array): void;
  /** Writes to standard error, synchronously and in order. */
  writeStderr(data: string | Uint8Array): void;
  /** Reads one line from standard input, or null at end of input. */
  readStdinLine(): string | null;
  /**
   * Waits until events arrive from the main thread or timeoutMs passes
   * (Infinity: no limit), and returns what arrived, in order (possibly
   * nothing). Returns early when a quit is requested: callers check
   * quitRequested() from src/host/quit.ts.
   */
  waitEvents(timeoutMs: number): HostEvent[];
  /**
   * Ends the interpreter now with this exit status, without unwinding: Emacs's
   * kill-emacs exits from where it is, and unwind-protect cleanups do not run.
   * Run kill-emacs-hook before calling this. (InlineHost throws HostExit instead.)
   */
  exit(status: number): never;
}

let current: Host | null = null;

export function setHost(host: Host): void {
  current = host;
}

export function host(): Host {
  if (current === null) throw new Error('elisp: no Host installed');
  return current;
}
