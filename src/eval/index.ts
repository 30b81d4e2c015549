// The evaluator's public face for the layers above.
// (Being written: signatures are final, bodies land shortly.)
import type { LispObject } from '../lisp/index.js';

/** Calls a function object (symbol, subr, closure, lambda list) with evaluated arguments. */
export function funcall(fn: LispObject, args: LispObject[]): LispObject {
  void fn; void args;
  throw new Error('evaluator not ready');
}

/** Evaluates one form; lexical selects lexical binding (as `eval`'s second argument). */
export function evalForm(form: LispObject, lexical = true): LispObject {
  void form; void lexical;
  throw new Error('evaluator not ready');
}

/** Reads and evaluates every form of a source text, returning the last value. */
export function evalString(text: string, lexical = true): LispObject {
  void text; void lexical;
  throw new Error('evaluator not ready');
}
