// The evaluator's public face for the layers above.
import { type LispObject, LispSymbol, Subr, NIL } from '../lisp/index.js';
import { callFunction } from './funcall.js';
import { evalTopLevel, evalWithLexical } from './toplevel.js';
import { Unit } from './scope.js';
import { SourceReader, END_OF_INPUT } from '../reader/reader.js';
import { callState, protectedEntry } from './state.js';
import { CompiledClosure } from './closure.js';

export { callFunction, evalTopLevel, evalWithLexical, Unit };
export { symbolValue, setSymbolValue, setDefaultValue, specbind, unbindTo, specpdlDepth } from './state.js';

/** Calls a function object (symbol, subr, closure, lambda list) with evaluated arguments. */
export function funcall(fn: LispObject, args: LispObject[]): LispObject {
  // From outside any Lisp function (a hook the host runs): leave the depth sound if it fails.
  if (callState.depth === 0) return protectedEntry(() => callFunction(fn, args));
  return callFunction(fn, args);
}

/**
 * funcall with one argument from a builtin (mapcar, maphash...): an
 * interpreted closure is called without building an argument array.
 */
export function funcall1(fn: LispObject, a: LispObject): LispObject {
  if (callState.depth !== 0) {
    if (fn instanceof CompiledClosure) return fn.call1(a);
    // A symbol naming a builtin or an interpreted function, as (mapcar #'1+ l) passes.
    if (fn instanceof LispSymbol && fn !== NIL) {
      const g = fn.fn;
      if (g instanceof Subr) {
        if (g.max === 1) return (g.fn as (a: LispObject) => LispObject)(a);
        if (g.fast1 !== null) return g.fast1(a);
      } else if (g instanceof CompiledClosure) return g.call1(a);
    }
  }
  return funcall(fn, [a]);
}

/** funcall with two arguments, as funcall1. */
export function funcall2(fn: LispObject, a: LispObject, b: LispObject): LispObject {
  if (callState.depth !== 0) {
    if (fn instanceof CompiledClosure) return fn.call2(a, b);
    if (fn instanceof LispSymbol && fn !== NIL) {
      const g = fn.fn;
      if (g instanceof Subr) {
        if (g.max === 2) return (g.fn as (a: LispObject, b: LispObject) => LispObject)(a, b);
        if (g.fast2 !== null) return g.fast2(a, b);
      } else if (g instanceof CompiledClosure) return g.call2(a, b);
    }
  }
  return funcall(fn, [a, b]);
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
