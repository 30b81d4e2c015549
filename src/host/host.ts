// The interface between the Lisp side (worker thread) and the outside world.
// No Node async API is reachable from Lisp except through this interface.
// Implementations: src/host/worker-host.ts (the real one, talking to the main
// thread) and src/host/inline-host.ts (one thread, for unit tests).

export interface Host {
  /** Writes to standard output, synchronously and in order. */
  writeStdout(data: string | Uint8Array): void;
  /** Writes to standard error, synchronously and in order. */
  writeStderr(data: string | Uint8Array): void;
  /** Reads one line from standard input, or null at end of input. */
  readStdinLine(): string | null;
}

let current: Host | null = null;

export function setHost(host: Host): void {
  current = host;
}

export function host(): Host {
  if (current === null) throw new Error('elisp: no Host installed');
  return current;
}
