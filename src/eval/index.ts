// The evaluator's public face for the layers above.
import { type LispObject, NIL } from '../lisp/index.js';
import { callFunction } from './funcall.js';
import { evalTopLevel, evalWithLexical } from './toplevel.js';
import { Unit } from './scope.js';
import { SourceReader, END_OF_INPUT } from '../reader/reader.js';
import { callState, protectedEntry } from './state.js';

export { callFunction, evalTopLevel, evalWithLexical, Unit };
export { symbolValue, setSymbolValue, setDefaultValue, specbind, unbindTo, specpdlDepth } from './state.js';

/** Calls a function object (symbol, subr, closure, lambda list) with evaluated arguments. */
export function funcall(fn: LispObject, args: LispObject[]): LispObject {
  // From outside any Lisp function (a hook the host runs): leave the depth sound if it fails.
  if (callState.depth === 0) return protectedEntry(() => callFunction(fn, args));
  return callFunction(fn, args);
}

/** Evaluates one form; lexical selects lexical binding (as `eval`'s second argument). */
export function evalForm(form: LispObject, lexical = true): LispObject {
  return evalTopLevel(form, lexical, new Unit(null));
}

/** Reads and evaluates every form of a source text, returning the last value. */
export function evalString(text: string, lexical = true): LispObject {
  const unit = new Unit(null);
  const reader = new SourceReader(text, null);
  let result: LispObject = NIL;
  for (;;) {
    const form = reader.next();
    if (form === END_OF_INPUT) return result;
    result = evalTopLevel(form, lexical, unit);
  }
}
