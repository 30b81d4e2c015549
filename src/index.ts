// The embedding API.
//
//   import { createInterpreter } from 'elisp';
//   const emacs = createInterpreter();
//   await emacs.eval('(+ 1 2)');          // → "3"
//   await emacs.eval('(car 1)');          // rejects with ElispError
//   await emacs.close();
//
// The interpreter runs in its own worker thread (see DESIGN.md); eval sends
// the source there and resolves with the value printed by prin1. Requests
// run one after another, in order. Output of princ, message... goes to the
// onStdout/onStderr callbacks (by default, this process's stdout/stderr).
import { fileURLToPath } from 'node:url';
import { InterpreterWorker, builtModuleUrl, freshestBuild, DEFAULT_STACK_SIZE_MB } from './host/main-link.js';
import { InlineHost } from './host/inline-host.js';
import type { FromWorker } from './host/protocol.js';

export interface InterpreterOptions {
  /** Receives what Lisp prints to standard output (princ, print...). */
  onStdout?: (text: string) => void;
  /** Receives what Lisp prints to standard error (message, ...). */
  onStderr?: (text: string) => void;
  /** The value of `command-line-args` after the program name. */
  args?: string[];
  /** The interpreter thread's stack, in MB (default 256). */
  stackSizeMb?: number;
  /** A heap limit in MB; beyond it the interpreter stops instead of the whole process. */
  heapMb?: number;
}

/** A Lisp error that nothing caught in the evaluated source. */
export class ElispError extends Error {
  constructor(
    /** The error message as Emacs shows it, e.g. "Wrong type argument: listp, 1". */
    message: string,
    /** The error symbol, e.g. "wrong-type-argument". */
    readonly symbol: string,
    /** The error object printed with prin1, e.g. "(wrong-type-argument listp 1)". */
    readonly errorObject: string,
  ) {
    super(message);
    this.name = 'ElispError';
  }
}

export interface Interpreter {
  /** Reads and evaluates every form of source (lexical binding); resolves with the last value printed by prin1. */
  eval(source: string): Promise<string>;
  /** Interrupts the running evaluation, as C-g: it signals `quit`. */
  interrupt(): void;
  /** Runs kill-emacs-hook and stops the interpreter; resolves with its exit status. */
  close(): Promise<number>;
}

interface Pending {
  resolve(value: string): void;
  reject(error: Error): void;
}

export function createInterpreter(options: InterpreterOptions = {}): Interpreter {
  const decoder = { 1: new TextDecoder(), 2: new TextDecoder() };
  const onStdout = options.onStdout ?? ((text: string) => process.stdout.write(text));
  const onStderr = options.onStderr ?? ((text: string) => process.stderr.write(text));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exitStatus: number | null = null;
  let closing: Promise<number> | null = null;
  let resolveClosed: (status: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    resolveClosed = resolve;
  });

  const link = new InterpreterWorker({
    entry: freshestBuild(fileURLToPath(builtModuleUrl('./cli/worker.js', import.meta.url))),
    output: 'relay',
    stackSizeMb: options.stackSizeMb ?? DEFAULT_STACK_SIZE_MB,
    heapMb: options.heapMb,
    onMessage(message: FromWorker) {
      switch (message.type) {
        case 'output': {
          const text = decoder[message.fd].decode(message.data, { stream: true });
          if (message.fd === 1) onStdout(text);
          else onStderr(text);
          break;
        }
        case 'result': {
          const p = pending.get(message.id);
          if (!p) break;
          pending.delete(message.id);
          if (message.status === 'ok') p.resolve(message.text);
          else p.reject(new ElispError(message.text, message.errorSymbol ?? 'error', message.errorObject ?? ''));
          updateRef();
          break;
        }
        case 'exit':
          exitStatus = message.code;
          break;
        default:
          break;
      }
    },
    onExit(code, error) {
      const status = exitStatus ?? code;
      exitStatus = status;
      const reason = error
        ? new Error(`elisp interpreter failed: ${error.message}`)
        : new Error(`elisp interpreter exited with status ${status}`);
      for (const p of pending.values()) p.reject(reason);
      pending.clear();
      resolveClosed(status);
    },
  });
  link.post({
    type: 'session',
    input: 'none',
    commandLineArgs: ['elisp', ...(options.args ?? [])],
    invocationName: 'elisp',
    invocationDirectory: process.cwd() + '/',
  });

  // Keep the process alive only while a request is outstanding, so that
  // forgetting close() does not hang the embedding program.
  function updateRef(): void {
    if (!link.hasExited) link.setRef(pending.size > 0 || closing !== null);
  }
  updateRef();

  return {
    eval(source: string): Promise<string> {
      if (exitStatus !== null || closing !== null) {
        return Promise.reject(new Error('elisp interpreter is closed'));
      }
      const id = nextId++;
      const result = new Promise<string>((resolve, reject) => pending.set(id, { resolve, reject }));
      link.post({ type: 'eval', id, kind: 'embed', source });
      updateRef();
      return result;
    },
    interrupt(): void {
      link.quit();
    },
    close(): Promise<number> {
      if (closing === null) {
        closing = closed;
        if (link.hasExited) return closing;
        updateRef();
        link.post({ type: 'close' });
      }
      return closing;
    },
  };
}

// ---- in-thread interpreter --------------------------------------------------------------

export interface InlineInterpreter {
  /** Reads and evaluates every form of source (lexical binding); returns the last value printed by prin1. Throws ElispError. */
  eval(source: string): string;
  /** Captures output: host.stdout and host.stderr, or host.takeOutput(). */
  readonly host: InlineHost;
}

/**
 * An interpreter on the calling thread, synchronous, with output captured in
 * strings: for tests and tools. The interpreter's state is per thread, so
 * there is one per thread: later calls return interpreters sharing it. No
 * subprocesses or sockets; the JS stack is the thread's own (small on the
 * main thread).
 */
export async function createInlineInterpreter(options: { stdin?: string; args?: string[] } = {}): Promise<InlineInterpreter> {
  const { startInterpreter, evalSource } = await import('./cli/batch.js');
  const host = new InlineHost({ stdin: options.stdin });
  startInterpreter(host, {
    commandLineArgs: ['elisp', ...(options.args ?? [])],
    invocationName: 'elisp',
    invocationDirectory: process.cwd() + '/',
  });
  return {
    host,
    eval(source: string): string {
      const outcome = evalSource(source, false);
      if (outcome.status === 'ok') return outcome.values[outcome.values.length - 1] ?? 'nil';
      throw new ElispError(outcome.message ?? '', outcome.errorSymbol ?? 'error', outcome.errorObject ?? '');
    },
  };
}

export { InlineHost };
export type { Host } from './host/host.js';
export { DEFAULT_STACK_SIZE_MB };
