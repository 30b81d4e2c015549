// Non-local exits. Lisp errors and throws are JS exceptions of these two
// classes; they do not extend Error, so throwing one captures no JS stack.
import type { LispObject } from './types.js';
import { intern, LispSymbol, NIL } from './symbol.js';
import { Cons, list } from './cons.js';
import { makeString } from './string.js';

export class LispSignal {
  constructor(
    readonly symbol: LispSymbol,
    readonly data: LispObject,
  ) {}
  /** The error object as condition-case binds it: (SYMBOL . DATA). */
  get errorObject(): Cons {
    return new Cons(this.symbol, this.data);
  }
}

export class LispThrow {
  constructor(
    readonly tag: LispObject,
    readonly value: LispObject,
  ) {}
}

/** Thrown by kill-emacs; unwinds everything and exits the interpreter. */
export class KillEmacs {
  constructor(readonly code: LispObject) {}
}

export function signal(symbol: LispSymbol, data: LispObject): never {
  throw new LispSignal(symbol, data);
}

const Qerror = intern('error');
const Qwrong_type_argument = intern('wrong-type-argument');
const Qargs_out_of_range = intern('args-out-of-range');

/** Signals (error "MESSAGE"), the message already formatted. */
export function error(message: string): never {
  throw new LispSignal(Qerror, list(makeString(message)));
}

export function wrongType(predicate: LispSymbol, value: LispObject): never {
  throw new LispSignal(Qwrong_type_argument, list(predicate, value));
}

export function argsOutOfRange(...data: LispObject[]): never {
  throw new LispSignal(Qargs_out_of_range, list(...data));
}

export { NIL };
