// Test helpers: Lisp in, printed Lisp out, on one thread with an InlineHost-style capture.
import '../src/primitives/index.js';
import { setHost } from '../src/host/host.js';
import { InlineHost } from '../src/host/inline-host.js';
import { evalString } from '../src/eval/index.js';
import { printToString } from '../src/reader/printer.js';
import { LispSignal, intern } from '../src/lisp/index.js';

const testHost = new InlineHost();
setHost(testHost);

/** What the evaluated code wrote; tests reset it as they need. */
export const captured = {
  get stdout(): string {
    return testHost.stdout;
  },
  set stdout(v: string) {
    testHost.stdout = v;
  },
  get stderr(): string {
    return testHost.stderr;
  },
  set stderr(v: string) {
    testHost.stderr = v;
  },
};

/** Evaluates source (lexical binding unless told otherwise) and prints the value with prin1. */
export function lisp(src: string, lexical = true): string {
  return printToString(evalString(src, lexical), true);
}

/** Evaluates source and returns the error it signals, printed as (SYMBOL . DATA). */
export function lispError(src: string, lexical = true): string {
  try {
    evalString(src, lexical);
  } catch (e) {
    if (e instanceof LispSignal) return printToString(e.errorObject, true);
    throw e;
  }
  return 'no error';
}

/** Evaluates source and returns what it printed to standard output. */
export function lispOutput(src: string, lexical = true): string {
  captured.stdout = '';
  evalString(src, lexical);
  return captured.stdout;
}

/** Runs BODY with integer-width bound to WIDTH, as (let ((integer-width WIDTH)) ...). */
export function withIntegerWidth<T>(width: number, body: () => T): T {
  const sym = intern('integer-width');
  const old = sym.value;
  sym.value = width;
  try {
    return body();
  } finally {
    sym.value = old;
  }
}
